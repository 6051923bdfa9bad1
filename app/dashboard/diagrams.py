"""The river and the stairs of a round as the pages show them (plain data, no Flask)."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from app.charts.stairs import MAX_NAMES
from app.round_facts import RoundFacts
from app.scoring import (
    ItemStairs,
    River,
    Standing,
    StepGroup,
    UnitKey,
    item_stairs,
    overall_order,
    river,
    step_groups,
)

from .paging import Page, page_of
from .units import UnitChoice, UnitTable, unit_table

# With more units than this, no unit line is drawn until the reader picks some.
MAX_DEFAULT_LINES = 8
STAIRS_PER_PAGE = 40


@dataclass(frozen=True, slots=True)
class RiverView:
    """The river of the chosen units, and the units whose own lines are drawn."""

    choice: UnitChoice
    units: UnitTable
    river: River
    shown: tuple[UnitKey, ...]


def river_view(
    facts: RoundFacts, choice: UnitChoice, lang: str, picked: Collection[UnitKey] | None
) -> RiverView:
    """`picked`: the units whose lines the reader chose (None: not chosen yet)."""
    units = unit_table(facts, choice, lang)
    the_river = river(units.levels, facts.item_order)
    if picked is None:
        shown = tuple(units.levels) if len(units.levels) <= MAX_DEFAULT_LINES else ()
    else:
        shown = tuple(key for key in units.levels if key in picked)
    return RiverView(choice, units, the_river, shown)


@dataclass(frozen=True, slots=True)
class StairsView:
    """One item's stairs and the overall order, both cut to the same page."""

    choice: UnitChoice
    units: UnitTable
    item: str
    stairs: ItemStairs
    overall: tuple[Standing, ...]
    page: Page

    @property
    def page_stairs(self) -> ItemStairs:
        """The steps of this page only (ranks stay those of the whole stairs)."""
        return ItemStairs(self.item, tuple(self.page.of(self.stairs.steps)))

    @property
    def groups(self) -> tuple[StepGroup, ...]:
        """The whole stairs as steps of units on one level (the chart draws these)."""
        return step_groups(self.stairs)

    @property
    def step_numbers(self) -> dict[UnitKey, int]:
        """Unit key -> the number of its step: units on the same level share it."""
        return {s.key: g.number for g in self.groups for s in g.units}

    @property
    def names_per_step(self) -> int:
        """How many names the chart writes on one step before "+ N more"."""
        return MAX_NAMES

    def step_label(self, key: UnitKey) -> str:
        """The unit's label on the chart: a facilitator's name with their tambon."""
        label = self.units.labels[key]
        if self.choice.kind == "people":
            return f"{label} ({self.units.tambon_names[key]})"
        return label

    @property
    def page_overall(self) -> Sequence[Standing]:
        return self.page.of(self.overall)


def stairs_view(
    facts: RoundFacts, choice: UnitChoice, lang: str, item: str, number: int
) -> StairsView | None:
    """The stairs of `item` on page `number`; None when there is no such page."""
    units = unit_table(facts, choice, lang)
    steps = item_stairs(units.levels, item)
    overall = overall_order(units.levels, facts.item_order)
    page = page_of(max(len(steps.steps), len(overall)), STAIRS_PER_PAGE, number)
    if page is None:
        return None
    return StairsView(choice, units, item, steps, overall, page)

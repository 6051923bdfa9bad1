"""The stairs of exchange (บันไดแห่งการแลกเปลี่ยน): units ordered by level, as steps.

Ranking is competition ranking ("1, 2, 2, 4"): a unit's rank is 1 + the number of units
strictly above it, so a rank says how many units one can learn from. Ties keep the order
of the level table (teams by key, persons by name then id).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from .averages import competition_ranks, mean, tie_key
from .levels import LevelTable, UnitKey


@dataclass(frozen=True, slots=True)
class Step:
    """One unit on the stairs of one item."""

    key: UnitKey
    current: float
    target: float
    rank: int


@dataclass(frozen=True, slots=True)
class ItemStairs:
    """The steps of one item, highest current first; units without an answer are absent."""

    item: str
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class StepGroup:
    """One step of the stairs as drawn: every unit at one current level.

    number: 1 for the highest level, then 2, 3, …: units on the same level share it.
    mean_target: the mean of those units' targets.
    """

    number: int
    current: float
    mean_target: float
    units: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class Standing:
    """A unit's overall place: the mean of its current levels over the items it has."""

    key: UnitKey
    mean_current: float
    items: int
    rank: int


@dataclass(frozen=True, slots=True)
class Stairs:
    """Stairs for every item (item order) and the overall order of units."""

    items: tuple[ItemStairs, ...]
    overall: tuple[Standing, ...]


def item_stairs(levels: LevelTable, item: str) -> ItemStairs:
    """The stairs of one item: units by current level, highest first."""
    present = [(key, lv[item]) for key, lv in levels.items() if item in lv]
    present.sort(key=lambda pair: -tie_key(pair[1].current))
    ranks = competition_ranks(lv.current for _, lv in present)
    steps = tuple(Step(key, lv.current, lv.target, rank) for (key, lv), rank in zip(present, ranks))
    return ItemStairs(item, steps)


def step_groups(stairs: ItemStairs) -> tuple[StepGroup, ...]:
    """The steps of `stairs` grouped by current level (equal as ranks are), highest first;
    units keep their order within a step."""
    runs: list[list[Step]] = []
    for step in stairs.steps:
        if runs and tie_key(runs[-1][0].current) == tie_key(step.current):
            runs[-1].append(step)
        else:
            runs.append([step])
    return tuple(
        StepGroup(number, run[0].current, mean(s.target for s in run) or 0.0, tuple(run))
        for number, run in enumerate(runs, start=1)
    )


def overall_order(levels: LevelTable, item_order: Sequence[str]) -> tuple[Standing, ...]:
    """Units by mean current over the items they have, highest first.

    A mean, not a sum, so a unit missing items is not pushed down for it; among equal
    means the unit with more items answered comes first. Units with no items are left out.
    """
    known = set(item_order)
    rows = []
    for key, lv in levels.items():
        currents = [level.current for item, level in lv.items() if item in known]
        if currents:
            rows.append((key, mean(currents), len(currents)))
    rows.sort(key=lambda row: (-tie_key(row[1]), -row[2]))
    ranks = competition_ranks(row[1] for row in rows)
    return tuple(Standing(key, m, n, rank) for (key, m, n), rank in zip(rows, ranks))


def stairs(levels: LevelTable, item_order: Sequence[str]) -> Stairs:
    """The stairs of every item and the overall order."""
    items = tuple(item_stairs(levels, item) for item in item_order)
    return Stairs(items, overall_order(levels, item_order))

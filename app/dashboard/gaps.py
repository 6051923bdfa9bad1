"""The gap table (the training list): facilitators × items, target − current.

Columns come biggest shared gap first by default (the scoring's priority rule), or in
the instrument's order; rows by tambon, by name, by total gap, or by one item's gap.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.collation import names_key
from app.round_facts import RoundFacts
from app.scoring import ItemProfile, gap_matrix, training_list

from .paging import Page, page_of
from .units import tambon_names

COLUMN_ORDERS = ("priority", "instrument")
ROW_ORDERS = ("tambon", "name", "total")  # or an item code: that item's gap, biggest first
ROWS_PER_PAGE = 100


@dataclass(frozen=True, slots=True)
class GapLine:
    """One facilitator's gaps in column order, and their total."""

    person: int
    name: str
    tambon: str
    gaps: tuple[float | None, ...]

    @property
    def total(self) -> float:
        return math.fsum(g for g in self.gaps if g is not None)


@dataclass(frozen=True, slots=True)
class GapsView:
    """Columns (with the round's numbers per item: rank, mean gap, learners) and rows."""

    columns: tuple[ItemProfile, ...]
    ranks: dict[str, int]
    lines: tuple[GapLine, ...]
    page: Page

    @property
    def page_lines(self) -> Sequence[GapLine]:
        return self.page.of(self.lines)


def gaps_view(
    facts: RoundFacts, lang: str, column_order: str, row_order: str, number: int
) -> GapsView | None:
    """The gap table of the visible facts; None when page `number` does not exist."""
    ranked = training_list(facts.answers, facts.persons, facts.item_order, facts.expected)
    ranks = {profile.item: rank for rank, profile in enumerate(ranked, start=1)}
    columns = ranked
    if column_order == "instrument":
        columns = tuple(sorted(ranked, key=lambda p: facts.item_order.index(p.item)))
    lines = sort_lines(gap_lines(facts, lang, [c.item for c in columns]), row_order, columns)
    page = page_of(len(lines), ROWS_PER_PAGE, number)
    return None if page is None else GapsView(columns, ranks, lines, page)


def gap_lines(facts: RoundFacts, lang: str, columns: list[str]) -> list[GapLine]:
    """A line per respondent with their gaps in `columns` order."""
    matrix = gap_matrix(facts.answers, facts.persons, facts.item_order)
    where = [matrix.items.index(code) for code in columns]
    names = tambon_names(facts, lang)
    return [
        GapLine(row.person, row.name, names[row.unit], tuple(row.gaps[i] for i in where))
        for row in matrix.rows
    ]


def sort_lines(
    lines: list[GapLine], order: str, columns: Sequence[ItemProfile]
) -> tuple[GapLine, ...]:
    """`lines` in the row order asked for (see ROW_ORDERS)."""
    return tuple(sorted(lines, key=row_key(order, [c.item for c in columns])))


def row_key(order: str, codes: list[str]) -> Callable[[GapLine], tuple]:
    """The sort key of row order `order`; by tambon then name when it is unknown."""
    if order in codes:
        at = codes.index(order)
        return lambda line: (line.gaps[at] is None, -(line.gaps[at] or 0.0), *_place(line))
    keys: dict[str, Callable[[GapLine], tuple]] = {
        "name": lambda line: (*names_key(line.name, line.tambon), line.person),
        "total": lambda line: (-line.total, *_place(line)),
    }
    return keys.get(order, _place)


def _place(line: GapLine) -> tuple:
    return (*names_key(line.tambon, line.name), line.person)


def heat(gap: float | None) -> str:
    """The heat class of one cell: heat-0 (no gap), heat-1 (half a level), heat-2 (1–1.5),
    heat-3 (2–2.5), heat-4 (3 levels or more); heat-none when not answered."""
    if gap is None:
        return "heat-none"
    return "heat-0" if gap <= 0 else f"heat-{min(4, int(gap) + 1)}"

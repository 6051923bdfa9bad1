"""The gap table (the training list): facilitators × items, target − current.

Columns come biggest shared gap first by default (the scoring's priority rule), or in
the instrument's order; rows by tambon, by name, by total gap, or by one item's gap.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass

from app.collation import names_key
from app.round_facts import RoundUnits
from app.scoring import ItemProfile, by_priority
from app.summaries import read

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
    """Columns (with the round's numbers per item: rank, mean gap, learners) and the rows
    of one page."""

    columns: tuple[ItemProfile, ...]
    ranks: dict[str, int]
    page_lines: tuple[GapLine, ...]
    page: Page


def gaps_view(
    units: RoundUnits, lang: str, column_order: str, row_order: str, number: int
) -> GapsView | None:
    """The gap table of the visible units, read from the kept summaries: columns from the
    units' profile, rows ordered over every respondent, gaps read for one page of them;
    None when page `number` does not exist."""
    ranked = by_priority(read.whole_profile(units.round_id, units.tambon_ids, units.item_order))
    ranks = {profile.item: rank for rank, profile in enumerate(ranked, start=1)}
    columns = ranked
    if column_order == "instrument":
        columns = tuple(sorted(ranked, key=lambda p: units.item_order.index(p.item)))
    codes = [c.item for c in columns]
    rows = _ordered(units, lang, row_order, codes)
    page = page_of(len(rows), ROWS_PER_PAGE, number)
    if page is None:
        return None
    shown = page.of(rows)
    gaps = read.gaps_of([row.response for row in shown])
    lines = tuple(
        GapLine(row.person, row.name, row.tambon, tuple(gaps[row.response].get(c) for c in codes))
        for row in shown
    )
    return GapsView(columns, ranks, lines, page)


@dataclass(frozen=True, slots=True)
class _Row:
    response: int
    person: int
    name: str
    tambon: str
    total: float


def _ordered(units: RoundUnits, lang: str, order: str, codes: list[str]) -> list[_Row]:
    """Every respondent of the units in row order `order` (see ROW_ORDERS)."""
    names = tambon_names(units, lang)
    rows = [
        _Row(rid, fid, name, names[str(tid)], total)
        for rid, fid, name, tid, total in read.respondents(units.round_id, units.tambon_ids)
    ]
    if order in codes:
        gap = read.item_gaps(units.round_id, units.tambon_ids, order)
        return sorted(
            rows, key=lambda r: (r.response not in gap, -gap.get(r.response, 0.0), *_place(r))
        )
    keys: dict[str, Callable[[_Row], tuple]] = {
        "name": lambda r: (*names_key(r.name, r.tambon), r.person),
        "total": lambda r: (-r.total, *_place(r)),
    }
    return sorted(rows, key=keys.get(order, _place))


def _place(row) -> tuple:
    return (*names_key(row.tambon, row.name), row.person)


def heat(gap: float | None) -> str:
    """The heat class of one cell: heat-0 (no gap), heat-1 (half a level), heat-2 (1–1.5),
    heat-3 (2–2.5), heat-4 (3 levels or more); heat-none when not answered."""
    if gap is None:
        return "heat-none"
    return "heat-0" if gap <= 0 else f"heat-{min(4, int(gap) + 1)}"

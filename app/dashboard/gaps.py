"""The gap table (the training list): facilitators × items, target − current.

Columns come biggest shared gap first by default (the scoring's priority rule), or in
the instrument's order; rows by tambon, by name, by total gap, or by one item's gap.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass

from app.collation import names_key
from app.extensions import db
from app.models import Round
from app.people_filter import PeopleFilter, Snapshot, filtered, response_snapshots, snapshots
from app.round_facts import RoundUnits, load_round_facts
from app.scoring import ItemProfile, TeamProfile, by_priority, round_profile
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
    snapshot: Snapshot  # agency, roles and team as they answered

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
    profile = read.whole_profile(units.round_id, units.tambon_ids, units.item_order)
    columns, ranks = _columns(profile, units.item_order, column_order)
    codes = [c.item for c in columns]
    names = tambon_names(units, lang)
    rows = [
        _Row(rid, fid, name, names[str(tid)], total)
        for rid, fid, name, tid, total in read.respondents(units.round_id, units.tambon_ids)
    ]
    if row_order in codes:
        rows = _by_item(rows, read.item_gaps(units.round_id, units.tambon_ids, row_order))
    else:
        rows = _sorted(rows, row_order)
    page = page_of(len(rows), ROWS_PER_PAGE, number)
    if page is None:
        return None
    shown = page.of(rows)
    gaps = read.gaps_of([row.response for row in shown])
    people = response_snapshots([row.response for row in shown])
    lines = tuple(
        GapLine(row.person, row.name, row.tambon, tuple(gaps[row.response].get(c) for c in codes),
                people[row.response])
        for row in shown
    )  # fmt: skip
    return GapsView(columns, ranks, lines, page)


def filtered_gaps_view(
    units: RoundUnits,
    people: PeopleFilter,
    lang: str,
    column_order: str,
    row_order: str,
    number: int,
) -> GapsView | None:
    """The gap table of the people the filter keeps, computed from their answers (the kept
    summaries sum everyone); otherwise as `gaps_view`."""
    round_ = db.session.get(Round, units.round_id)
    facts = filtered(load_round_facts(round_, _ids(units)), people)
    profile = round_profile(facts.answers, facts.persons, facts.item_order, facts.expected)
    columns, ranks = _columns(profile, units.item_order, column_order)
    codes = [c.item for c in columns]
    names = tambon_names(units, lang)
    gaps: dict[int, dict[str, float]] = {}
    for a in facts.answers:
        gaps.setdefault(a.person, {})[a.item] = a.gap
    by_id = {p.id: p for p in facts.persons}
    rows = [
        _Row(pid, pid, by_id[pid].name, names[by_id[pid].unit], math.fsum(gaps[pid].values()))
        for pid in gaps
    ]
    if row_order in codes:
        item_gap = {pid: g[row_order] for pid, g in gaps.items() if row_order in g}
        rows = _by_item(rows, item_gap)
    else:
        rows = _sorted(rows, row_order)
    page = page_of(len(rows), ROWS_PER_PAGE, number)
    if page is None:
        return None
    snaps = snapshots(units.round_id, _ids(units))
    lines = tuple(
        GapLine(row.person, row.name, row.tambon, tuple(gaps[row.person].get(c) for c in codes),
                snaps[row.person])
        for row in page.of(rows)
    )  # fmt: skip
    return GapsView(columns, ranks, lines, page)


def _ids(units: RoundUnits) -> set[int] | None:
    return None if units.tambon_ids is None else set(units.tambon_ids)


def _columns(
    profile: TeamProfile, item_order: tuple[str, ...], column_order: str
) -> tuple[tuple[ItemProfile, ...], dict[str, int]]:
    """The items in column order, and each item's rank by priority."""
    ranked = by_priority(profile)
    ranks = {item.item: rank for rank, item in enumerate(ranked, start=1)}
    if column_order == "instrument":
        return tuple(sorted(ranked, key=lambda p: item_order.index(p.item))), ranks
    return ranked, ranks


@dataclass(frozen=True, slots=True)
class _Row:
    response: int
    person: int
    name: str
    tambon: str
    total: float


def _by_item(rows: list[_Row], gap: dict[int, float]) -> list[_Row]:
    """Rows by their gap on one item (`gap`: response id -> gap), biggest first."""
    return sorted(
        rows, key=lambda r: (r.response not in gap, -gap.get(r.response, 0.0), *_place(r))
    )


def _sorted(rows: list[_Row], order: str) -> list[_Row]:
    """Rows in row order `order` ("name", "total", else by tambon; see ROW_ORDERS)."""
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

"""Look back, look forward (เหลียวหลัง แลหน้า): two rounds of one instrument compared, per
tambon and per facilitator, as the progress page shows it (plain data, no Flask)."""

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from app.collation import sort_key
from app.scoring import ItemMeans, Level, PersonProgress, River, river
from app.scoring.averages import tie_key
from app.summaries.progress import (
    Rounds,
    changes_of,
    level_sums,
    names_of,
    people_of,
    person_sums,
    team_sums,
)

from .paging import Page, page_of
from .scope import Scope
from .units import tambon_names

PEOPLE_PER_PAGE = 100


@dataclass(frozen=True, slots=True)
class TambonChange:
    """A tambon's team mean current per item before and after, and the change.

    Over the `people` persons who answered in both rounds; `mean_change` is the mean over
    every (person, item) they answered in both.
    """

    name: str
    people: int
    before: tuple[float | None, ...]
    after: tuple[float | None, ...]
    changes: tuple[float | None, ...]
    mean_change: float | None


@dataclass(frozen=True, slots=True)
class PersonChange:
    """One facilitator's change per item and their mean change (who moved most)."""

    name: str
    tambon: str
    changes: tuple[float | None, ...]
    items: int
    mean_change: float | None


@dataclass(frozen=True, slots=True)
class ProgressView:
    """One page of each list: tambons, movers (who moved most first), and the people who
    answered one round only; `page` counts the longest of them."""

    items: tuple[str, ...]
    tambons: tuple[TambonChange, ...]
    page_movers: tuple[PersonChange, ...]
    page: Page
    only_earlier: tuple[tuple[str, str], ...]  # (name, tambon) in the earlier round only
    only_later: tuple[tuple[str, str], ...]


def progress_view(earlier: Scope, later: Scope, lang: str, number: int) -> ProgressView | None:
    """Changes from `earlier` to `later` (item order of the later round's instrument), read
    as sums from the database; None when page `number` does not exist."""
    units = later.units()
    items = units.item_order
    rounds = Rounds(earlier.round.id, later.round.id, earlier.tambon_ids, later.tambon_ids, items)
    in_a = people_of(earlier.round.id, earlier.tambon_ids)
    in_b = people_of(later.round.id, later.tambon_ids)
    places = tambon_names(units, lang)
    if any(str(tid) not in places for tid in in_a.values()):  # the earlier round's own tambons
        places = {**tambon_names(earlier.units(), lang), **places}
    both = in_a.keys() & in_b.keys()
    movers = _movers(both, person_sums(rounds, both))
    moved = Counter(str(in_b[pid]) for _, pid, count, _ in movers if count)
    units_moved = sorted(moved, key=lambda unit: (sort_key(places[unit], lang), int(unit)))
    only_a, only_b = in_a.keys() - in_b.keys(), in_b.keys() - in_a.keys()
    longest = max(len(movers), len(units_moved), len(only_a), len(only_b))
    page = page_of(longest, PEOPLE_PER_PAGE, number)
    if page is None:
        return None
    shown = _page_of_movers(movers, page, later.round.id, in_b)
    changes = changes_of(rounds, [m.person for m in shown])
    page_units = list(page.of(units_moved))
    sums = team_sums(rounds, [int(unit) for unit in page_units])
    return ProgressView(
        items,
        _tambons(sums, page_units, moved, places, items),
        tuple(_person(m, changes[m.person], places, items) for m in shown),
        page,
        tuple(page.of(_named(only_a, earlier.round.id, in_a, places))),
        tuple(page.of(_named(only_b, later.round.id, in_b, places))),
    )


def _movers(both, sums: dict) -> list[tuple]:
    """Everyone in both rounds, who moved most first as far as numbers tell (mean change,
    then items), as (numbers' key, person id, items, mean change): plain tuples without
    names, as a national round has tens of thousands (see _page_of_movers)."""
    rows = []
    for pid in both:
        count, change = sums.get(pid, (0, 0.0))
        mean = change / count if count else None
        rows.append(((mean is None, -tie_key(mean or 0.0), -count), pid, count, mean))
    rows.sort()
    return rows


def _page_of_movers(movers: list[tuple], page: Page, round_id: int, tambons: dict):
    """The page's movers in the scoring's order: equal numbers are ordered by name, then
    id, so the names of the page's ties, and only those, are read."""
    if not movers[page.start : page.start + page.size]:
        return []
    first, last = movers[page.start][0], movers[min(page.start + page.size, len(movers)) - 1][0]
    low = bisect_left(movers, (first,))
    high = bisect_right(movers, (last, math.inf))
    tied = movers[low:high]
    names = names_of(round_id, [pid for _, pid, _, _ in tied])
    tied.sort(key=lambda row: (row[0], names[row[1]], row[1]))
    return [
        PersonProgress(pid, names[pid], str(tambons[pid]), count, mean)
        for _, pid, count, mean in tied[page.start - low : page.start - low + page.size]
    ]


def _tambons(sums, units, people: Counter, places, items) -> tuple[TambonChange, ...]:
    """Each tambon's team means before and after per item, over the people in both rounds."""
    by_tambon: dict[str, dict[str, tuple]] = defaultdict(dict)
    for tid, item, n, before, after in sums:
        by_tambon[str(tid)][item] = (n, before, after)
    rows = []
    for unit in units:
        found = by_tambon[unit]
        cells = [found.get(item) for item in items]
        n = sum(c[0] for c in cells if c)
        moved = sum(c[2] - c[1] for c in cells if c)
        rows.append(TambonChange(
            name=places[unit],
            people=people[unit],
            before=tuple(c and c[1] / c[0] for c in cells),
            after=tuple(c and c[2] / c[0] for c in cells),
            changes=tuple(c and (c[2] - c[1]) / c[0] for c in cells),
            mean_change=moved / n if n else None,
        ))  # fmt: skip
    return tuple(rows)


def _named(ids, round_id: int, tambons: dict, places: dict) -> list[tuple[str, str]]:
    """(name, tambon) of these people as they answered round `round_id`, by name in
    dictionary order, then id."""
    names = names_of(round_id, ids)
    ordered = sorted(ids, key=lambda pid: (sort_key(names[pid]), pid))
    return [(names[pid], places[str(tambons[pid])]) for pid in ordered]


def _person(
    mover: PersonProgress, changes: dict[str, float], places: dict[str, str], items
) -> PersonChange:
    return PersonChange(
        mover.name,
        places[mover.unit],
        tuple(changes.get(item) for item in items),
        mover.items,
        mover.mean_change,
    )


@dataclass(frozen=True, slots=True)
class ProgressPicture:
    """What the progress charts draw: the means per item in both rounds, and the river of
    the tambon teams in each round, all over the same people (those in both rounds)."""

    items: tuple[str, ...]
    means: tuple[ItemMeans, ...]
    earlier: River
    later: River
    tambons: int

    @property
    def empty(self) -> bool:
        return not any(m.n for m in self.means)


def two_rounds(rows, items: tuple[str, ...]) -> ProgressPicture:
    """The picture from level_sums' rows: (tambon, item, n, Σ current before, Σ target
    before, Σ current after, Σ target after)."""
    totals: dict[str, list[float]] = {item: [0, 0.0, 0.0, 0.0, 0.0] for item in items}
    before: dict[str, dict[str, Level]] = defaultdict(dict)
    after: dict[str, dict[str, Level]] = defaultdict(dict)
    for tid, item, n, *sums in sorted(rows, key=lambda row: (row[0], row[1])):
        if item not in totals or not n:
            continue
        totals[item] = [a + b for a, b in zip(totals[item], (n, *sums))]
        before[str(tid)][item] = Level(sums[0] / n, sums[1] / n)
        after[str(tid)][item] = Level(sums[2] / n, sums[3] / n)
    means = tuple(_item_means(item, *totals[item]) for item in items)
    return ProgressPicture(items, means, river(before, items), river(after, items), len(after))


def _item_means(item: str, n, current_before, target_before, current_after, target_after):
    if not n:
        return ItemMeans(item, 0, None, None, None, None)
    return ItemMeans(item, int(n), current_before / n, current_after / n,
                     target_before / n, target_after / n)  # fmt: skip


def progress_picture(earlier: Scope, later: Scope) -> ProgressPicture:
    """The picture of `earlier` and `later` as each scope sees them (the later round's item
    order), read as sums from the database."""
    items = later.units().item_order
    rounds = Rounds(earlier.round.id, later.round.id, earlier.tambon_ids, later.tambon_ids, items)
    return two_rounds(level_sums(rounds), tuple(items))

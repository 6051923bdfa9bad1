"""Look back, look forward (เหลียวหลัง แลหน้า): two rounds of one instrument compared, per
tambon and per facilitator, as the progress page shows it (plain data, no Flask)."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from app.collation import sort_key
from app.scoring import PersonProgress
from app.scoring.averages import tie_key
from app.summaries.progress import Rounds, changes_of, people_of, person_sums, team_sums

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
    places = {**tambon_names(earlier.units(), lang), **tambon_names(units, lang)}
    both = in_a.keys() & in_b.keys()
    movers = _movers(both, in_b, person_sums(rounds, both))
    moved = Counter(unit for _, _, _, unit, count, _ in movers if count)
    units_moved = sorted(moved, key=lambda unit: (sort_key(places[unit], lang), int(unit)))
    only_a = _named(in_a.keys() - in_b.keys(), in_a, places)
    only_b = _named(in_b.keys() - in_a.keys(), in_b, places)
    longest = max(len(movers), len(units_moved), len(only_a), len(only_b))
    page = page_of(longest, PEOPLE_PER_PAGE, number)
    if page is None:
        return None
    shown = [PersonProgress(*row[1:]) for row in page.of(movers)]
    changes = changes_of(rounds, [m.person for m in shown])
    page_units = list(page.of(units_moved))
    sums = team_sums(rounds, [int(unit) for unit in page_units])
    return ProgressView(
        items,
        _tambons(sums, page_units, moved, places, items),
        tuple(_person(m, changes[m.person], places, items) for m in shown),
        page,
        tuple(page.of(only_a)),
        tuple(page.of(only_b)),
    )


def _movers(both, later: dict, sums: dict) -> list[tuple]:
    """Everyone in both rounds, who moved most first (the scoring's order), as
    (sort key, person id, name, tambon key, items, mean change): plain tuples, as a
    national round has tens of thousands."""
    rows = []
    for pid in both:
        name, tid = later[pid]
        count, change = sums.get(pid, (0, 0.0))
        mean = change / count if count else None
        key = (mean is None, -tie_key(mean or 0.0), -count, name, pid)
        rows.append((key, pid, name, str(tid), count, mean))
    rows.sort()
    return rows


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


def _named(ids, people: dict, places: dict) -> list[tuple[str, str]]:
    """(name, tambon) of these people, by name in dictionary order, then id."""
    ordered = sorted(ids, key=lambda pid: (sort_key(people[pid][0]), pid))
    return [(people[pid][0], places[str(people[pid][1])]) for pid in ordered]


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

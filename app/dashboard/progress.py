"""Look back, look forward (เหลียวหลัง แลหน้า): two rounds of one instrument compared, per
tambon and per facilitator, as the progress page shows it (plain data, no Flask)."""

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.collation import sort_key
from app.round_facts import RoundFacts
from app.scoring import ItemChange, PersonProgress, TeamItemProgress, progress
from app.scoring.averages import mean

from .paging import Page, page_of
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
    items: tuple[str, ...]
    tambons: tuple[TambonChange, ...]
    movers: tuple[PersonChange, ...]  # who moved most first
    page: Page
    only_earlier: tuple[tuple[str, str], ...]  # (name, tambon) in the earlier round only
    only_later: tuple[tuple[str, str], ...]

    @property
    def page_movers(self) -> Sequence[PersonChange]:
        return self.page.of(self.movers)


def progress_view(
    earlier: RoundFacts, later: RoundFacts, lang: str, number: int
) -> ProgressView | None:
    """Changes from `earlier` to `later` (item order of the later round's instrument).

    None when page `number` of the movers does not exist.
    """
    persons = {p.id: p for p in (*earlier.persons, *later.persons)}
    items = later.item_order
    found = progress(earlier.answers, later.answers, persons.values(), items)
    page = page_of(len(found.movers), PEOPLE_PER_PAGE, number)
    if page is None:
        return None
    places = {**tambon_names(earlier, lang), **tambon_names(later, lang)}
    by_person = _group(found.changes, lambda c: c.person)
    movers = tuple(_person(m, by_person[m.person], places, items) for m in found.movers)
    by_unit = _group(found.changes, lambda c: c.unit)
    teams = _group(found.teams, lambda t: t.unit)
    tambons = tuple(
        _tambon(places[unit], by_unit[unit], teams[unit], items)
        for unit in sorted(by_unit, key=lambda unit: (sort_key(places[unit], lang), int(unit)))
    )

    def named(ids) -> tuple[tuple[str, str], ...]:
        return tuple((persons[i].name, places[persons[i].unit]) for i in ids)

    return ProgressView(
        items, tambons, movers, page, named(found.only_in_a), named(found.only_in_b)
    )


def _group(rows: Sequence, key: Callable) -> dict:
    groups: dict = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return groups


def _person(
    mover: PersonProgress,
    changes: Sequence[ItemChange],
    places: dict[str, str],
    items: Sequence[str],
) -> PersonChange:
    by_item = {c.item: c.change for c in changes}
    return PersonChange(
        mover.name,
        places[mover.unit],
        tuple(by_item.get(item) for item in items),
        mover.items,
        mover.mean_change,
    )


def _tambon(
    name: str,
    changes: Sequence[ItemChange],
    teams: Sequence[TeamItemProgress],
    items: Sequence[str],
) -> TambonChange:
    by_item = {t.item: t for t in teams}
    rows = [by_item.get(item) for item in items]
    return TambonChange(
        name=name,
        people=len({c.person for c in changes}),
        before=tuple(t and t.before for t in rows),
        after=tuple(t and t.after for t in rows),
        changes=tuple(t and t.change for t in rows),
        mean_change=mean(c.change for c in changes),
    )

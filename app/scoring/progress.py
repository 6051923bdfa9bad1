"""Look back, look forward (เหลียวหลัง แลหน้า): change of current level between two rounds.

Round A is the earlier round, B the later one, of the same instrument. A change is
B current − A current, counted only where the person answered the item in both rounds.
A person's unit is their unit in round B (the team they are in now).
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .averages import mean, tie_key
from .facts import Answer, Person, answers_by_person_item, person_order, roster, units_of


@dataclass(frozen=True, slots=True)
class ItemChange:
    """One person's current level on one item in rounds A and B."""

    person: int
    unit: str
    item: str
    before: float
    after: float
    change: float


@dataclass(frozen=True, slots=True)
class PersonProgress:
    """One person's mean change over the items answered in both rounds (None if none)."""

    person: int
    name: str
    unit: str
    items: int
    mean_change: float | None


@dataclass(frozen=True, slots=True)
class TeamItemProgress:
    """A unit's change of team mean current on one item, over the n persons in both rounds."""

    unit: str
    item: str
    n: int
    before: float
    after: float
    change: float


@dataclass(frozen=True, slots=True)
class ItemMeans:
    """One item's mean current and target level in the earlier and later round, over the `n`
    people who answered it in both (each person counts once)."""

    item: str
    n: int
    before: float | None
    after: float | None
    target_before: float | None
    target_after: float | None

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class Progress:
    """Changes per person and item, movers, per unit and item, and one-round persons.

    changes: ordered by person (name, id) then item order.
    movers: who moved most: mean change desc, then more items, then name, id; persons in
      both rounds without a common item come last with mean_change None.
    teams: ordered by unit key, then item order.
    only_in_a / only_in_b: person ids present in one round only, by name then id.
    """

    changes: tuple[ItemChange, ...]
    movers: tuple[PersonProgress, ...]
    teams: tuple[TeamItemProgress, ...]
    only_in_a: tuple[int, ...]
    only_in_b: tuple[int, ...]


def item_changes(
    a: Mapping[tuple[int, str], Answer],
    b: Mapping[tuple[int, str], Answer],
    people: Mapping[int, Person],
    item_order: Sequence[str],
) -> tuple[ItemChange, ...]:
    """The changes where a person answered the same item in both rounds."""
    position = {item: i for i, item in enumerate(item_order)}
    common = sorted(
        (key for key in a.keys() & b.keys() if key[1] in position),
        key=lambda key: (*person_order(people[key[0]]), position[key[1]]),
    )
    return tuple(
        ItemChange(
            pid,
            b[pid, item].unit,
            item,
            a[pid, item].current,
            b[pid, item].current,
            b[pid, item].current - a[pid, item].current,
        )
        for pid, item in common
    )


def movers(
    changes: Sequence[ItemChange],
    in_both: Iterable[int],
    people: Mapping[int, Person],
    units: Mapping[int, str],
) -> tuple[PersonProgress, ...]:
    """Persons in both rounds, who moved most first (see Progress)."""
    by_person: dict[int, list[float]] = defaultdict(list)
    for c in changes:
        by_person[c.person].append(c.change)
    rows = [
        PersonProgress(pid, people[pid].name, units[pid], len(by_person[pid]), mean(by_person[pid]))
        for pid in in_both
    ]
    rows.sort(
        key=lambda r: (
            r.mean_change is None,
            -tie_key(r.mean_change or 0.0),
            -r.items,
            r.name,
            r.person,
        )
    )
    return tuple(rows)


def team_changes(
    changes: Sequence[ItemChange], item_order: Sequence[str]
) -> tuple[TeamItemProgress, ...]:
    """Per unit and item: team mean current before and after, over persons in both rounds."""
    groups: dict[tuple[str, str], list[ItemChange]] = defaultdict(list)
    for c in changes:
        groups[c.unit, c.item].append(c)
    position = {item: i for i, item in enumerate(item_order)}
    rows = []
    for (unit, item), group in sorted(groups.items(), key=lambda g: (g[0][0], position[g[0][1]])):
        before, after = mean(c.before for c in group), mean(c.after for c in group)
        rows.append(
            TeamItemProgress(unit, item, len(group), before, after, mean(c.change for c in group))
        )
    return tuple(rows)


def progress(
    answers_a: Iterable[Answer],
    answers_b: Iterable[Answer],
    persons: Iterable[Person],
    item_order: Sequence[str],
) -> Progress:
    """Compare round A (earlier) with round B (later); answers to unknown items are ignored."""
    known = set(item_order)
    a = answers_by_person_item(x for x in answers_a if x.item in known)
    b = answers_by_person_item(x for x in answers_b if x.item in known)
    people = roster(persons, [*a.values(), *b.values()])
    in_a, in_b = {pid for pid, _ in a}, {pid for pid, _ in b}
    changes = item_changes(a, b, people, item_order)
    return Progress(
        changes=changes,
        movers=movers(changes, in_a & in_b, people, units_of(b, item_order)),
        teams=team_changes(changes, item_order),
        only_in_a=_by_name(in_a - in_b, people),
        only_in_b=_by_name(in_b - in_a, people),
    )


def _by_name(ids: Iterable[int], people: Mapping[int, Person]) -> tuple[int, ...]:
    """Person ids ordered by name then id."""
    return tuple(sorted(ids, key=lambda pid: person_order(people[pid])))

"""Levels per unit and item: the common input of the river and the stairs.

A "unit" of a river or stairs is either a tambon team (key: unit key; level: the team's
mean current and mean target) or a person (key: person id; level: their own answer).
The tables list units in a canonical order, which the river and stairs keep for ties:
teams by unit key, persons by name then id.
"""

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from .facts import Answer, Person, answers_by_person_item, person_order, roster
from .profile import TeamProfile

UnitKey = str | int


@dataclass(frozen=True, slots=True)
class Level:
    """A unit's current and target level on one item."""

    current: float
    target: float


# unit key -> item -> level; a unit lacks the items it has no answer for.
LevelTable = Mapping[UnitKey, Mapping[str, Level]]


def team_levels(
    profiles: Iterable[TeamProfile], units: Collection[str] | None = None
) -> dict[UnitKey, dict[str, Level]]:
    """Team mean current and target per unit and item, for `units` (None: all), by key."""
    table: dict[UnitKey, dict[str, Level]] = {}
    for profile in sorted(profiles, key=lambda p: p.unit or ""):
        if profile.unit is None or (units is not None and profile.unit not in units):
            continue
        table[profile.unit] = {
            i.item: Level(i.mean_current, i.mean_target)
            for i in profile.items
            if i.mean_current is not None and i.mean_target is not None
        }
    return table


def person_levels(
    answers: Iterable[Answer],
    persons: Iterable[Person],
    person_ids: Collection[int] | None = None,
) -> dict[UnitKey, dict[str, Level]]:
    """Each person's own current and target per item, for `person_ids` (None: all).

    Persons are ordered by name then id; persons without answers are left out.
    """
    index = answers_by_person_item(answers)
    people = roster(persons, index.values())
    table: dict[UnitKey, dict[str, Level]] = {}
    for (pid, item), a in index.items():
        if person_ids is None or pid in person_ids:
            table.setdefault(pid, {})[item] = Level(a.current, a.target)
    ordered = sorted(table, key=lambda pid: person_order(people[pid]))
    return {pid: table[pid] for pid in ordered}

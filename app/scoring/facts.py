"""The facts the scoring works on: answers, persons and expected levels.

Callers build these from the database; everything in `app.scoring` takes them as plain
sequences and mappings and returns frozen dataclasses, tuples and dicts.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from app.collation import sort_key
from app.instruments.model import expected_level

# item code -> role -> expected level; may be empty, and an item may lack some roles.
ExpectedLevels = Mapping[str, Mapping[str, int]]

# A learner is someone whose target is at least this far above their current level.
LEARNER_MIN_GAP = 1.0


@dataclass(frozen=True, slots=True)
class Answer:
    """One person's current and target level on one item in one round."""

    person: int
    unit: str
    item: str
    current: float
    target: float

    def __post_init__(self) -> None:
        # The form guarantees it; a violation is a data error that must not be averaged in.
        if self.target < self.current:
            raise ValueError(f"target {self.target} below current {self.current}: {self}")

    @property
    def gap(self) -> float:
        """The ambition on this item: target − current."""
        return self.target - self.current


@dataclass(frozen=True, slots=True)
class Person:
    """A facilitator: id, display name, the unit (tambon) key and their roles."""

    id: int
    name: str
    unit: str
    roles: frozenset[str] = field(default_factory=frozenset)


def person_order(person: Person) -> tuple[bytes, int]:
    """The sort key used for persons everywhere: name in Thai dictionary order, then id."""
    return (sort_key(person.name), person.id)


def roster(persons: Iterable[Person], answers: Iterable[Answer] = ()) -> dict[int, Person]:
    """Persons by id; a person who answered but is not listed gets a placeholder.

    The placeholder is named "#<id>", has no roles and the unit of their first answer.
    """
    people = {p.id: p for p in persons}
    for a in answers:
        if a.person not in people:
            people[a.person] = Person(a.person, f"#{a.person}", a.unit)
    return people


def expected_for(person: Person, expected_of_item: Mapping[str, int]) -> int | None:
    """The expected level of `person` on one item: the highest over their roles, or None."""
    return expected_level(expected_of_item, person.roles)


def answers_by_person_item(answers: Iterable[Answer]) -> dict[tuple[int, str], Answer]:
    """Answers keyed by (person, item); raises ValueError on a duplicate."""
    index: dict[tuple[int, str], Answer] = {}
    for a in answers:
        key = (a.person, a.item)
        if key in index:
            raise ValueError(f"two answers for person {a.person} on item {a.item!r}")
        index[key] = a
    return index


def units_of(index: Mapping[tuple[int, str], Answer], item_order: Sequence[str]) -> dict[int, str]:
    """Each person's unit: the unit of their answer to the first item they answered.

    (A person's answers in one round should all carry one unit; this makes it
    deterministic if they do not.)
    """
    position = {item: i for i, item in enumerate(item_order)}
    units: dict[int, str] = {}
    for (pid, _), a in sorted(index.items(), key=lambda kv: position.get(kv[0][1], len(position))):
        units.setdefault(pid, a.unit)
    return units

"""The gap matrix (persons × items) and the training list (biggest shared gap first)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.collation import sort_key

from .averages import tie_key
from .facts import Answer, ExpectedLevels, Person, answers_by_person_item, roster, units_of
from .profile import ItemProfile, TeamProfile, round_profile


@dataclass(frozen=True, slots=True)
class GapRow:
    """One person's gaps (target − current) in item order; None where not answered."""

    person: int
    name: str
    unit: str
    gaps: tuple[float | None, ...]


@dataclass(frozen=True, slots=True)
class GapMatrix:
    """Persons × items: rows ordered by unit, then name, then id; columns in item order."""

    items: tuple[str, ...]
    rows: tuple[GapRow, ...]


def gap_matrix(
    answers: Iterable[Answer], persons: Iterable[Person], item_order: Sequence[str]
) -> GapMatrix:
    """The gap of every respondent on every item (None where they did not answer it).

    Persons who answered none of the items are left out. A person's unit is the unit of
    their first answer in item order.
    """
    known = set(item_order)
    index = answers_by_person_item(a for a in answers if a.item in known)
    people = roster(persons, index.values())
    rows = []
    for pid, unit in units_of(index, item_order).items():
        gaps = tuple(index[pid, i].gap if (pid, i) in index else None for i in item_order)
        rows.append(GapRow(pid, people[pid].name, unit, gaps))
    rows.sort(key=lambda r: (r.unit, sort_key(r.name), r.person))
    return GapMatrix(tuple(item_order), tuple(rows))


def priority_key(profile: ItemProfile, position: int) -> tuple:
    """The one priority rule, for the training list and the training plan.

    Biggest mean gap first; then more learners (gap >= 1); then more respondents below
    their expected level; then the instrument's item order. Unanswered items come last.
    """
    gap = profile.mean_gap
    return (gap is None, -tie_key(gap or 0.0), -profile.learners, -profile.below_expected, position)


def by_priority(profile: TeamProfile) -> tuple[ItemProfile, ...]:
    """The items of `profile` ordered by priority_key (rank 1 first)."""
    ranked = sorted(enumerate(profile.items), key=lambda pair: priority_key(pair[1], pair[0]))
    return tuple(item for _, item in ranked)


def training_list(
    answers: Iterable[Answer],
    persons: Iterable[Person],
    item_order: Sequence[str],
    expected: ExpectedLevels | None = None,
) -> tuple[ItemProfile, ...]:
    """The whole round's items, biggest shared gap first (see priority_key)."""
    return by_priority(round_profile(answers, persons, item_order, expected))

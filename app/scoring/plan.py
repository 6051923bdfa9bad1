"""The training plan (แผนพัฒนาศักยภาพ): one row per unit × item and per item for the round.

The single source for the export and the dashboard. Rows reuse the team profiles, the
priority rule of `gaps.priority_key` and the pairing of `pairing.pair_learners`.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .facts import Answer, ExpectedLevels, Person, person_order, roster
from .gaps import by_priority
from .pairing import DEFAULT_CAP, Pairing, pair_learners
from .profile import ItemProfile, TeamProfile, round_profile, team_profiles


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One item of one unit (unit None: the whole round) in the training plan.

    priority: 1 = train first, unique within the unit (see gaps.priority_key).
    teachers / teacher_ids: teachers the pairing gave to this unit's learners on this item,
      by name then id. waiting: learners whose capable teachers were all at the cap.
    outside_training: some learner here is reached by nobody in the whole round.
    teachers_elsewhere: when some learner here is reached by nobody of the units planned
      but by people of the rest of the round (the pairing's `elsewhere`), how many of those
      people reach at least one such learner (never who); 0 otherwise.
    """

    unit: str | None
    item: str
    priority: int
    respondents: int
    mean_current: float | None
    mean_target: float | None
    mean_gap: float | None
    expected: float | None
    below_target: int
    below_expected: int
    learners: int
    teachers: tuple[str, ...]
    teacher_ids: tuple[int, ...]
    waiting: int
    outside_training: bool
    teachers_elsewhere: int = 0


@dataclass(frozen=True, slots=True)
class TrainingPlan:
    """Rows per unit (unit key, then priority), rows for the round (priority), the pairing."""

    units: tuple[PlanRow, ...]
    round: tuple[PlanRow, ...]
    pairing: Pairing


@dataclass(frozen=True, slots=True)
class _Support:
    """What the pairing gave to one (unit or None, item)."""

    teachers: tuple[int, ...]
    waiting: int
    outside: bool
    elsewhere: int = 0  # people of the rest of the round reaching some learner here


def pairing_by_place(pairing: Pairing, people: Mapping[int, Person]) -> dict[tuple, _Support]:
    """Teachers, waiting counts and outside needs per (unit, item) and per (None, item)."""
    teachers: dict[tuple, set[int]] = defaultdict(set)
    waiting: dict[tuple, int] = defaultdict(int)
    for p in pairing.pairs:
        for place in ((p.learner_unit, p.item), (None, p.item)):
            teachers[place].add(p.teacher)
    for w in pairing.waiting:
        for place in ((w.unit, w.item), (None, w.item)):
            waiting[place] += 1
    outside = {place for n in pairing.needs for place in ((n.unit, n.item), (None, n.item))}
    # Those who reach the lowest target reach at least one learner: the most any learner has.
    elsewhere: dict[tuple, int] = defaultdict(int)
    for e in pairing.elsewhere:
        for place in ((e.unit, e.item), (None, e.item)):
            elsewhere[place] = max(elsewhere[place], e.capable)
    return {
        place: _Support(
            tuple(sorted(teachers[place], key=lambda t: person_order(people[t]))),
            waiting[place],
            place in outside,
            elsewhere[place],
        )
        for place in teachers.keys() | waiting.keys() | outside | elsewhere.keys()
    }


def plan_rows(
    profile: TeamProfile, support_by_place: Mapping[tuple, _Support], people: Mapping[int, Person]
) -> tuple[PlanRow, ...]:
    """The rows of one profile, in priority order."""
    return tuple(
        plan_row(profile.unit, rank, item, support_by_place.get((profile.unit, item.item)), people)
        for rank, item in enumerate(by_priority(profile), start=1)
    )


def plan_row(
    unit: str | None,
    rank: int,
    stats: ItemProfile,
    support: _Support | None,
    people: Mapping[int, Person],
) -> PlanRow:
    """One row from an item profile and what the pairing gave there."""
    support = support or _Support((), 0, False)
    return PlanRow(
        unit=unit,
        item=stats.item,
        priority=rank,
        respondents=stats.n,
        mean_current=stats.mean_current,
        mean_target=stats.mean_target,
        mean_gap=stats.mean_gap,
        expected=stats.expected,
        below_target=stats.below_target,
        below_expected=stats.below_expected,
        learners=stats.learners,
        teachers=tuple(people[t].name for t in support.teachers),
        teacher_ids=support.teachers,
        waiting=support.waiting,
        outside_training=support.outside,
        teachers_elsewhere=support.elsewhere,
    )


def training_plan(
    answers: Iterable[Answer],
    persons: Iterable[Person],
    item_order: Sequence[str],
    expected: ExpectedLevels | None = None,
    *,
    units: Iterable[str] | None = None,
    pairing: Pairing | None = None,
    teachers: Iterable[Person] = (),
    cap: int = DEFAULT_CAP,
) -> TrainingPlan:
    """The training plan of a round; pass `pairing` to reuse one already computed (it
    must be, for learners taught elsewhere to count: see pairing.taught_elsewhere), and
    `teachers`, the people it may name beside `persons` (a plan of some people only)."""
    answers, persons = list(answers), list(persons)
    people = {**{p.id: p for p in teachers}, **roster(persons, answers)}
    if pairing is None:
        pairing = pair_learners(answers, persons, item_order, cap)
    support_by_place = pairing_by_place(pairing, people)
    unit_rows = [
        row
        for profile in team_profiles(answers, persons, item_order, expected, units)
        for row in plan_rows(profile, support_by_place, people)
    ]
    whole = round_profile(answers, persons, item_order, expected)
    return TrainingPlan(tuple(unit_rows), plan_rows(whole, support_by_place, people), pairing)

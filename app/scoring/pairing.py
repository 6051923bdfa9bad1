"""Who can learn from whom (คู่เรียนรู้): pair learners with teachers, item by item.

Rules:
- A learner is a person on an item where target − current >= min_gap (default 1).
- A teacher for that learner is another person whose current level on the item is at
  least the learner's target (which makes it above the learner's current, too).
- Preference: a teacher of the same unit (tambon) first; among those, one the learner
  already learns from on another item (one conversation can cover several items); then
  the smallest sufficient lead (teacher current − learner target); then name, then id.
  A teacher of another unit only when no teacher of the learner's own unit has room.
- Cap: a teacher takes at most `cap` distinct learners, across all items of the round
  (a workshop afternoon has room for only so many people); a learner they already
  teach costs nothing more. When the preferred teacher is full the next capable one is
  taken.
- Learners are served in this order: biggest gap first, then item order, then name, id.
- A learner nobody in the answers reaches gets a TrainingNeed (outside training);
  a learner whose capable teachers are all full is Waiting (a different problem: more
  sessions or a bigger cap, not an outside trainer).
- When the answers are only part of the round (a coordinator's tambons), `others` counts
  the current levels of the rest of the round: a learner nobody in the answers reaches
  but someone of the rest does is TaughtElsewhere (with how many, never who), not a
  TrainingNeed. A TrainingNeed is then one nobody in the whole round reaches.
"""

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from .facts import (
    LEARNER_MIN_GAP,
    Answer,
    Person,
    answers_by_person_item,
    person_order,
    roster,
)

DEFAULT_CAP = 3

# item -> current level -> how many people (outside the answers paired) are at that level.
LevelCounts = Mapping[str, Mapping[float, int]]


@dataclass(frozen=True, slots=True)
class Pair:
    """A learner and their teacher on one item."""

    learner: int
    teacher: int
    item: str
    learner_current: float
    learner_target: float
    teacher_current: float
    same_unit: bool
    learner_unit: str
    teacher_unit: str


@dataclass(frozen=True, slots=True)
class TrainingNeed:
    """A learner whom nobody in the round reaches: training from outside is needed."""

    person: int
    unit: str
    item: str
    current: float
    target: float


@dataclass(frozen=True, slots=True)
class TaughtElsewhere:
    """A learner nobody among the people paired reaches, whom `capable` people of the rest
    of the round reach (another tambon's: paired there, not here, and never named)."""

    person: int
    unit: str
    item: str
    current: float
    target: float
    capable: int


@dataclass(frozen=True, slots=True)
class Waiting:
    """A learner whose capable teachers (`capable` of them) are all at the cap."""

    person: int
    unit: str
    item: str
    current: float
    target: float
    capable: int


@dataclass(frozen=True, slots=True)
class Pairing:
    """Pairs, outside-training needs, learners waiting and learners taught elsewhere in
    the round, each in serving order."""

    pairs: tuple[Pair, ...]
    needs: tuple[TrainingNeed, ...]
    waiting: tuple[Waiting, ...]
    cap: int
    elsewhere: tuple[TaughtElsewhere, ...] = ()


class _Queue:
    """Teachers of one (unit or all, level) in preference order, skipping full ones."""

    def __init__(self, teachers: list[int]) -> None:
        self.teachers = teachers
        self.position = 0

    def first_free(self, load: Mapping[int, int], cap: int) -> int | None:
        """The first teacher below the cap; full ones are skipped for good (loads only grow)."""
        while self.position < len(self.teachers):
            teacher = self.teachers[self.position]
            if load.get(teacher, 0) < cap:
                return teacher
            self.position += 1
        return None


class _Shelf:
    """The teachers of one item, indexed by unit and level."""

    def __init__(self, answers: Sequence[Answer], people: Mapping[int, Person]) -> None:
        ordered = sorted(answers, key=lambda a: person_order(people[a.person]))
        self.name_rank = {a.person: rank for rank, a in enumerate(ordered)}
        groups: dict[tuple[str | None, float], list[int]] = defaultdict(list)
        for a in ordered:
            groups[(a.unit, a.current)].append(a.person)
            groups[(None, a.current)].append(a.person)
        self.queues = {key: _Queue(ids) for key, ids in groups.items()}
        self.answers = {a.person: a for a in answers}
        self.levels = sorted({a.current for a in answers})
        self.at_level = {lv: len(groups[(None, lv)]) for lv in self.levels}

    def capable(self, target: float) -> int:
        """How many people on this item reach `target`."""
        return sum(self.at_level[lv] for lv in self.levels[bisect_left(self.levels, target) :])

    def known_teacher(self, learner: Answer, teachers: Iterable[int]) -> int | None:
        """The preferred one of `teachers` (the learner's, from other items) who reaches
        the learner's target on this item, or None."""
        reaching = [t for t in teachers if t in self.answers and t != learner.person
                    and self.answers[t].current >= learner.target]  # fmt: skip
        return min(reaching, key=lambda t: self._preference(learner, t), default=None)

    def _preference(self, learner: Answer, teacher: int) -> tuple:
        taught = self.answers[teacher]
        return (
            taught.unit != learner.unit,
            taught.current - learner.target,
            self.name_rank[teacher],
        )

    def teacher_for(self, learner: Answer, load: Mapping[int, int], cap: int) -> int | None:
        """The preferred teacher for `learner` who still has room for a new learner, or None."""
        reaching = self.levels[bisect_left(self.levels, learner.target) :]
        for unit in (learner.unit, None):
            for level in reaching:
                queue = self.queues.get((unit, level))
                teacher = queue.first_free(load, cap) if queue else None
                if teacher is not None:
                    return teacher
        return None


def reach_count(levels: Mapping[float, int], target: float) -> int:
    """How many of the people counted by current level in `levels` reach `target`."""
    return sum(count for level, count in levels.items() if level >= target)


def taught_elsewhere(pairing: Pairing, others: LevelCounts) -> Pairing:
    """`pairing` with each need that someone counted in `others` reaches made TaughtElsewhere
    (with how many reach it): the needs left are those nobody in the whole round reaches."""
    needs, elsewhere = [], []
    for n in pairing.needs:
        if capable := reach_count(others.get(n.item, {}), n.target):
            elsewhere.append(
                TaughtElsewhere(n.person, n.unit, n.item, n.current, n.target, capable)
            )
        else:
            needs.append(n)
    return replace(pairing, needs=tuple(needs), elsewhere=(*pairing.elsewhere, *elsewhere))


def for_learners(pairing: Pairing, learners: Collection[int]) -> Pairing:
    """`pairing` (made among everyone) as it serves the people `learners` only: their pairs,
    needs, waits and teachers elsewhere; their teachers may be anyone it paired."""
    kept = set(learners)
    return replace(
        pairing,
        pairs=tuple(p for p in pairing.pairs if p.learner in kept),
        needs=tuple(n for n in pairing.needs if n.person in kept),
        waiting=tuple(w for w in pairing.waiting if w.person in kept),
        elsewhere=tuple(e for e in pairing.elsewhere if e.person in kept),
    )


def serving_order(
    learners: Iterable[Answer], people: Mapping[int, Person], item_order: Sequence[str]
) -> list[Answer]:
    """Learners' answers in serving order: biggest gap, item order, name, id."""
    position = {item: i for i, item in enumerate(item_order)}
    return sorted(
        learners, key=lambda a: (-a.gap, position[a.item], *person_order(people[a.person]))
    )


def pair_learners(
    answers: Iterable[Answer],
    persons: Iterable[Person],
    item_order: Sequence[str],
    cap: int = DEFAULT_CAP,
    min_gap: float = LEARNER_MIN_GAP,
    others: LevelCounts | None = None,
) -> Pairing:
    """Pair every learner with a teacher (see the module docstring for the rules);
    `others`: the current levels of the rest of the round, when the answers are a part."""
    if cap < 1:
        raise ValueError(f"cap must be at least 1, got {cap}")
    known = set(item_order)
    index = answers_by_person_item(a for a in answers if a.item in known)
    people = roster(persons, index.values())
    by_item: dict[str, list[Answer]] = defaultdict(list)
    for a in index.values():
        by_item[a.item].append(a)
    shelves = {item: _Shelf(group, people) for item, group in by_item.items()}
    learners = serving_order((a for a in index.values() if a.gap >= min_gap), people, item_order)
    pairing = _assign(learners, shelves, cap)
    return taught_elsewhere(pairing, others) if others else pairing


def _assign(learners: Sequence[Answer], shelves: Mapping[str, _Shelf], cap: int) -> Pairing:
    """Serve `learners` in order, filling teachers up to `cap` distinct learners."""
    load: dict[int, int] = defaultdict(int)  # teacher -> distinct learners
    teachers_of: dict[int, list[int]] = defaultdict(list)  # learner -> their teachers
    pairs, needs, waiting = [], [], []
    for a in learners:
        shelf = shelves[a.item]
        teacher = _choose(a, shelf, teachers_of[a.person], load, cap)
        if teacher is not None and teacher not in teachers_of[a.person]:
            load[teacher] += 1
            teachers_of[a.person].append(teacher)
        if teacher is not None:
            pairs.append(_pair(a, shelf.answers[teacher]))
        elif capable := shelf.capable(a.target):
            waiting.append(Waiting(a.person, a.unit, a.item, a.current, a.target, capable))
        else:
            needs.append(TrainingNeed(a.person, a.unit, a.item, a.current, a.target))
    return Pairing(tuple(pairs), tuple(needs), tuple(waiting), cap)


def _choose(learner: Answer, shelf: _Shelf, known: list[int], load, cap: int) -> int | None:
    """A known teacher of the learner's unit, else a free one of that unit, else a known one
    of another unit (no new load), else a free one of another unit."""
    old = shelf.known_teacher(learner, known)
    new = shelf.teacher_for(learner, load, cap)
    candidates = [t for t in (old, new) if t is not None]
    same_unit = [t for t in candidates if shelf.answers[t].unit == learner.unit]
    return (same_unit or candidates or [None])[0]


def _pair(learner: Answer, taught: Answer) -> Pair:
    """The Pair of `learner` with the teacher who gave answer `taught`."""
    return Pair(
        learner=learner.person,
        teacher=taught.person,
        item=learner.item,
        learner_current=learner.current,
        learner_target=learner.target,
        teacher_current=taught.current,
        same_unit=taught.unit == learner.unit,
        learner_unit=learner.unit,
        teacher_unit=taught.unit,
    )

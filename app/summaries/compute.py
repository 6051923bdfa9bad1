"""What the summaries hold, computed from answers: plain Python, no database.

Sums of levels are doubled (levels are whole or half steps), so they are whole numbers and a
mean made from them, sum2 / (2 × n), is exactly the mean `app.scoring` computes.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.scoring.facts import LEARNER_MIN_GAP, Answer, ExpectedLevels, Person, expected_for


def doubled(level: float) -> int:
    """A level (a whole or half step) doubled, as a whole number."""
    return round(2 * level)


@dataclass(frozen=True, slots=True)
class ItemSums:
    """One item over the people of one unit who answered it (see ItemSummary)."""

    item: str
    respondents: int
    current_sum2: int
    target_sum2: int
    current_min: float
    current_max: float
    target_min: float
    target_max: float
    learners: int
    below_target: int
    below_expected: int
    expected_sum: int
    expected_count: int


def item_sums(
    answers: Iterable[Answer], people: Mapping[int, Person], expected: ExpectedLevels
) -> tuple[ItemSums, ...]:
    """The sums of every item answered in `answers`, in order of first appearance."""
    by_item: dict[str, list[Answer]] = defaultdict(list)
    for a in answers:
        by_item[a.item].append(a)
    return tuple(
        _sums(item, found, people, expected.get(item, {})) for item, found in by_item.items()
    )


def _sums(
    item: str, answers: list[Answer], people: Mapping[int, Person], expected: Mapping[str, int]
) -> ItemSums:
    levels = [expected_for(people[a.person], expected) for a in answers]
    currents = [a.current for a in answers]
    targets = [a.target for a in answers]
    return ItemSums(
        item=item,
        respondents=len(answers),
        current_sum2=sum(doubled(c) for c in currents),
        target_sum2=sum(doubled(t) for t in targets),
        current_min=min(currents),
        current_max=max(currents),
        target_min=min(targets),
        target_max=max(targets),
        learners=sum(a.gap >= LEARNER_MIN_GAP for a in answers),
        below_target=sum(a.current < a.target for a in answers),
        below_expected=sum(e is not None and a.current < e for a, e in zip(answers, levels)),
        expected_sum=sum(e for e in levels if e is not None),
        expected_count=sum(e is not None for e in levels),
    )


@dataclass(frozen=True, slots=True)
class Change:
    """A response against the same person's previous response of the instrument."""

    items: int  # items answered in both
    sum2: int  # Σ 2 × (current now − current then) over them


def change(now: Mapping[str, float], then: Mapping[str, float]) -> Change:
    """The change of current levels between two responses, item code -> current level."""
    common = now.keys() & then.keys()
    return Change(len(common), sum(doubled(now[i]) - doubled(then[i]) for i in common))

"""Team profiles (the radar data): per unit and item, who answered and where they stand."""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .averages import mean
from .facts import LEARNER_MIN_GAP, Answer, ExpectedLevels, Person, expected_for, roster


@dataclass(frozen=True, slots=True)
class ItemProfile:
    """Where a group of respondents stands on one item.

    Means are None when nobody answered (n == 0). `expected` is the mean over the
    respondents of the expected level for their roles (a person with several roles takes
    the highest); respondents without an expected level are left out of it; None when the
    instrument sets none for any of them.
    """

    item: str
    n: int
    mean_current: float | None
    mean_target: float | None
    mean_gap: float | None
    min_current: float | None
    max_current: float | None
    expected: float | None
    below_target: int  # respondents with current < target
    below_expected: int  # respondents with an expected level and current < it
    learners: int  # respondents with target − current >= LEARNER_MIN_GAP


@dataclass(frozen=True, slots=True)
class TeamProfile:
    """One unit's profile over the instrument's items, in item order.

    `unit` is None for the whole-round profile (all units together, each person weighted
    equally). `respondents` counts distinct persons who answered at least one item.
    """

    unit: str | None
    respondents: int
    items: tuple[ItemProfile, ...]

    def item(self, code: str) -> ItemProfile:
        """The profile of item `code`; KeyError if the instrument has no such item."""
        for profile in self.items:
            if profile.item == code:
                return profile
        raise KeyError(code)


def item_profile(
    item: str,
    answers: Sequence[Answer],
    people: Mapping[int, Person],
    expected_of_item: Mapping[str, int],
) -> ItemProfile:
    """The profile of one item from the answers to it."""
    expected = [expected_for(people[a.person], expected_of_item) for a in answers]
    currents = [a.current for a in answers]
    return ItemProfile(
        item=item,
        n=len(answers),
        mean_current=mean(currents),
        mean_target=mean(a.target for a in answers),
        mean_gap=mean(a.gap for a in answers),
        min_current=min(currents, default=None),
        max_current=max(currents, default=None),
        expected=mean(e for e in expected if e is not None),
        below_target=sum(a.current < a.target for a in answers),
        below_expected=sum(e is not None and a.current < e for a, e in zip(answers, expected)),
        learners=sum(a.gap >= LEARNER_MIN_GAP for a in answers),
    )


def profile_of(
    unit: str | None,
    answers: Sequence[Answer],
    people: Mapping[int, Person],
    item_order: Sequence[str],
    expected: ExpectedLevels,
) -> TeamProfile:
    """The profile of `answers` taken as one group; answers to unknown items are ignored."""
    by_item: dict[str, list[Answer]] = defaultdict(list)
    for a in answers:
        by_item[a.item].append(a)
    items = tuple(
        item_profile(code, by_item.get(code, []), people, expected.get(code, {}))
        for code in item_order
    )
    known = set(item_order)
    respondents = len({a.person for a in answers if a.item in known})
    return TeamProfile(unit, respondents, items)


def team_profiles(
    answers: Iterable[Answer],
    persons: Iterable[Person],
    item_order: Sequence[str],
    expected: ExpectedLevels | None = None,
    units: Iterable[str] | None = None,
) -> tuple[TeamProfile, ...]:
    """One profile per unit, ordered by unit key.

    Units are those of the answers (`Answer.unit`), plus any listed in `units`, which then
    appear with n == 0 everywhere when they have no answers.
    """
    answers = list(answers)
    people = roster(persons, answers)
    by_unit: dict[str, list[Answer]] = {u: [] for u in units or ()}
    for a in answers:
        by_unit.setdefault(a.unit, []).append(a)
    return tuple(
        profile_of(unit, by_unit[unit], people, item_order, expected or {})
        for unit in sorted(by_unit)
    )


def round_profile(
    answers: Iterable[Answer],
    persons: Iterable[Person],
    item_order: Sequence[str],
    expected: ExpectedLevels | None = None,
) -> TeamProfile:
    """The whole-round profile: all respondents together, unit None."""
    answers = list(answers)
    return profile_of(None, answers, roster(persons, answers), item_order, expected or {})

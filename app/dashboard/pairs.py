"""Who can learn from whom, as the page shows it: pairs, outside-training needs, waiting.

The pairing runs once over every visible facilitator (so a coordinator's pairs never
name anyone outside their tambons); a tambon filter then only picks the learners shown.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from app.collation import names_key
from app.round_facts import RoundFacts
from app.scoring import DEFAULT_CAP, Pair, TrainingNeed, Waiting, pair_learners

from .paging import Page, page_of
from .units import tambon_names

PAIRS_PER_PAGE = 200


@dataclass(frozen=True, slots=True)
class PairLine:
    """A learner and their teacher on one item, with names and tambons."""

    item: str
    learner: str
    learner_tambon: str
    current: float
    target: float
    teacher: str
    teacher_tambon: str
    teacher_current: float
    same_tambon: bool


@dataclass(frozen=True, slots=True)
class LearnerLine:
    """A learner with no teacher: an outside-training need, or waiting for a free teacher."""

    item: str
    name: str
    tambon: str
    current: float
    target: float
    capable: int = 0  # waiting: how many people reach the target, all at the cap


@dataclass(frozen=True, slots=True)
class PairsView:
    pairs: tuple[PairLine, ...]
    needs: tuple[LearnerLine, ...]
    waiting: tuple[LearnerLine, ...]
    page: Page
    cap: int

    @property
    def page_pairs(self) -> Sequence[PairLine]:
        return self.page.of(self.pairs)

    def needs_by_item(self) -> list[tuple[str, list[LearnerLine]]]:
        """Outside-training needs grouped by item, in item order."""
        groups: dict[str, list[LearnerLine]] = {}
        for need in self.needs:
            groups.setdefault(need.item, []).append(need)
        return list(groups.items())


def pairs_view(
    facts: RoundFacts, lang: str, tambon_key: str | None, number: int
) -> PairsView | None:
    """Pairs of the visible facilitators; learners of `tambon_key` only when given.

    Pairs are listed by item, then learner's tambon and name; so are needs and waiting.
    None when page `number` of the pairs does not exist.
    """
    pairing = pair_learners(facts.answers, facts.persons, facts.item_order, DEFAULT_CAP)
    names = {p.id: p.name for p in facts.persons}
    places = tambon_names(facts, lang)
    position = {item: i for i, item in enumerate(facts.item_order)}
    pairs = sorted(
        (_pair_line(p, names, places) for p in pairing.pairs
         if tambon_key in (None, p.learner_unit)),
        key=lambda line: (position[line.item], *names_key(line.learner_tambon, line.learner)),
    )  # fmt: skip
    page = page_of(len(pairs), PAIRS_PER_PAGE, number)
    if page is None:
        return None

    def learners(found) -> tuple[LearnerLine, ...]:
        lines = (_learner_line(x, names, places) for x in found if tambon_key in (None, x.unit))
        key = lambda line: (position[line.item], *names_key(line.tambon, line.name))  # noqa: E731
        return tuple(sorted(lines, key=key))

    return PairsView(
        tuple(pairs), learners(pairing.needs), learners(pairing.waiting), page, pairing.cap
    )


def _pair_line(pair: Pair, names: dict[int, str], places: dict[str, str]) -> PairLine:
    return PairLine(
        item=pair.item,
        learner=names[pair.learner],
        learner_tambon=places[pair.learner_unit],
        current=pair.learner_current,
        target=pair.learner_target,
        teacher=names[pair.teacher],
        teacher_tambon=places[pair.teacher_unit],
        teacher_current=pair.teacher_current,
        same_tambon=pair.same_unit,
    )


def _learner_line(
    found: TrainingNeed | Waiting, names: dict[int, str], places: dict[str, str]
) -> LearnerLine:
    capable = found.capable if isinstance(found, Waiting) else 0
    return LearnerLine(
        found.item, names[found.person], places[found.unit], found.current, found.target, capable
    )

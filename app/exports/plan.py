"""Rows of the training-plan export, from the scoring's `training_plan` (as the dashboard).

The plan is computed on the tambons the reader may see, exactly as the dashboard does, so
the round rows ("scope" round) cover those tambons only. The rest of the round is counted,
never named: `outside_training` is 1 only where nobody in the whole round can teach, and
`teachers_elsewhere` says how many people of other tambons can.
"""

from collections import defaultdict
from collections.abc import Iterator

from app.models import Round
from app.numbers import rounded
from app.people_filter import NO_FILTER, PeopleFilter, filtered
from app.round_facts import RoundFacts, load_round_facts, scope_pairing
from app.scoring import PlanRow, TrainingPlan, training_plan
from app.scoring.pairing import for_learners


def round_plan(
    facts: RoundFacts, tambon_ids: set[int] | None = None, everyone: RoundFacts | None = None
) -> TrainingPlan:
    """The training plan of the facts' round, every tambon of the facts listed; the facts
    of tambons `tambon_ids` only (None: the whole round) count the others' teachers.

    `everyone`: the facts before a filter kept `facts`' people. Learners are then the kept
    people, paired as the pairs page pairs them, with teachers from everyone: a filter
    chooses whose needs are planned, not who may teach them."""
    whole = everyone or facts
    pairing = scope_pairing(whole, tambon_ids)
    if everyone is not None:
        pairing = for_learners(pairing, {p.id for p in facts.persons})
    return training_plan(
        facts.answers, facts.persons, facts.item_order, facts.expected, units=facts.tambons,
        pairing=pairing, teachers=whole.persons,
    )  # fmt: skip


def _mean(value: float | None) -> float | None:
    """A mean as the pages show it (two decimals, half up): the CSV and XLSX cells alike."""
    return rounded(value, 2)


def _row_cells(row: PlanRow, instrument, lang: str) -> tuple:
    """priority, item (domain, code, texts) and the figures of one plan row."""
    item = instrument.item(row.item)
    return (
        row.priority,
        instrument.domain(item.domain).name.get(lang), item.code, item.text.th, item.text.en,
        row.respondents,
        _mean(row.mean_current), _mean(row.mean_target), _mean(row.mean_gap), _mean(row.expected),
        row.below_target, row.below_expected, row.learners,
        "; ".join(row.teachers), row.waiting, int(row.outside_training),
        row.teachers_elsewhere,
    )  # fmt: skip


def plan_rows(
    round_: Round, tambon_ids: set[int] | None, lang: str, people: PeopleFilter = NO_FILTER
) -> Iterator[tuple]:
    """The round's rows first, then each tambon's, each in priority order; of the people
    `people` keeps, as they were when they answered (their teachers: anyone of the scope).

    Tambons (and a round) where nobody answered have no rows: an empty round gives none.
    """
    everyone = load_round_facts(round_, tambon_ids)
    facts = filtered(everyone, people)
    if not facts.answers:
        return
    plan = round_plan(facts, tambon_ids, everyone if people.active else None)
    instrument = facts.instrument
    fixed = (round_.name, round_.held_on)
    for row in plan.round:
        yield (*fixed, "round", None, None, None, *_row_cells(row, instrument, lang))
    by_unit = defaultdict(list)
    for row in plan.units:
        by_unit[row.unit].append(row)
    for key, tambon in facts.tambons.items():
        rows = by_unit[key]
        if not any(row.respondents for row in rows):
            continue
        place = (tambon.district.province.name_in(lang), tambon.district.name_in(lang))
        for row in rows:
            cells = _row_cells(row, instrument, lang)
            yield (*fixed, "tambon", *place, tambon.name_in(lang), *cells)

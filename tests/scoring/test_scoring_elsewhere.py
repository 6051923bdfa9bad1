"""Learners of a part of the round whom only the rest of the round can teach: counted by
the same rule as a teacher (current level at least the learner's target), never named."""

from app.scoring import Answer, Person, TaughtElsewhere, TrainingNeed, pair_learners, training_plan

PEOPLE = [Person(1, "ก้อย", "a"), Person(2, "แดง", "a")]
ANSWERS = [
    Answer(1, "a", "K1", 1, 4),  # target 4
    Answer(1, "a", "K2", 1, 3),  # target 3
    Answer(2, "a", "K1", 1, 3.5),  # target 3.5
    Answer(2, "a", "K2", 2, 2),  # no gap, and 2 is below ก้อย's 3: no teacher
]
# The rest of the round, counted by item and current level: 3.5 and 5 reach 3.5, only 5 reaches 4.
OTHERS = {"K1": {3.0: 4, 3.5: 2, 5.0: 1}, "K2": {1.0: 3, 2.5: 2}}


def test_a_learner_nobody_here_reaches_is_counted_elsewhere_or_is_a_need():
    result = pair_learners(ANSWERS, PEOPLE, ["K1", "K2"], others=OTHERS)
    assert result.pairs == () and result.waiting == ()
    assert result.elsewhere == (
        TaughtElsewhere(1, "a", "K1", 1, 4, 1),  # only the one at 5
        TaughtElsewhere(2, "a", "K1", 1, 3.5, 3),  # 3.5 (two of them) and 5
    )
    assert result.needs == (TrainingNeed(1, "a", "K2", 1, 3),)  # 2.5 is below 3


def test_without_the_rest_of_the_round_every_such_learner_is_a_need():
    result = pair_learners(ANSWERS, PEOPLE, ["K1", "K2"])
    assert result.elsewhere == () and len(result.needs) == 3


def test_the_plan_counts_who_reaches_at_least_one_learner_of_the_row():
    pairing = pair_learners(ANSWERS, PEOPLE, ["K1", "K2"], others=OTHERS)
    plan = training_plan(ANSWERS, PEOPLE, ["K1", "K2"], units=["a"], pairing=pairing)
    rows = {(r.unit, r.item): (r.outside_training, r.teachers_elsewhere, r.teachers)
            for r in (*plan.units, *plan.round)}  # fmt: skip
    # K1: 3 people reach 3.5 (แดง's target), one of them also ก้อย's 4.
    assert rows[("a", "K1")] == rows[(None, "K1")] == (False, 3, ())
    assert rows[("a", "K2")] == rows[(None, "K2")] == (True, 0, ())

"""The training plan of the hand-worked round (cap 3; pairs as in test_scoring_pairing)."""

import pytest

from app.scoring import PlanRow, pair_learners, training_plan


def test_rows_per_tambon(round_a, persons, items, expected):
    plan = training_plan(round_a, persons, items, expected)
    approx = pytest.approx
    # bangchak mean gaps: K1 1, K2 2.5/3 = 0.83, S1 4/3 = 1.33 -> S1, K1, K2.
    # S1 teachers: Boon (for Anan); outside training: Chai (nobody at 4).
    # K1 teachers: Chai (for Anan and Boon); K2: Anan (for Boon).
    assert plan.units[:3] == (
        PlanRow(
            "bangchak",
            "S1",
            1,
            3,
            approx(4 / 3),
            approx(8 / 3),
            approx(4 / 3),
            None,
            2,
            0,
            2,
            ("Boon",),
            (2,),
            0,
            True,
        ),
        PlanRow(
            "bangchak", "K1", 2, 3, 3.0, 4.0, 1.0, approx(7 / 3), 2, 1, 2, ("Chai",), (3,), 0, False
        ),
        PlanRow(
            "bangchak",
            "K2",
            3,
            3,
            2.0,
            approx(8.5 / 3),
            approx(2.5 / 3),
            3.5,
            2,
            1,
            1,
            ("Anan",),
            (1,),
            0,
            False,
        ),
    )
    # tharai mean gaps: K1 3.5/3, K2 2/3, S1 0 -> K1, K2, S1.
    # K1 teachers: Ek (for Dao and Fah); K2: Dao (for Ek); S1: nobody needs one.
    assert [(r.item, r.priority, r.teachers, r.outside_training) for r in plan.units[3:]] == [
        ("K1", 1, ("Ek",), False),
        ("K2", 2, ("Dao",), False),
        ("S1", 3, (), False),
    ]


def test_rows_for_the_round(round_a, persons, items, expected):
    plan = training_plan(round_a, persons, items, expected)
    # mean gaps 6.5/6, 0.75, 0.8 -> K1, S1, K2; teachers by name.
    assert [(r.unit, r.item, r.priority, r.teachers) for r in plan.round] == [
        (None, "K1", 1, ("Chai", "Ek")),
        (None, "S1", 2, ("Boon",)),
        (None, "K2", 3, ("Anan", "Dao")),
    ]
    assert [r.outside_training for r in plan.round] == [False, True, False]
    # K1: 5 of 6 below target, Anan (2 < 3) and Dao (1 < 3) below expected, 4 learners.
    k1 = plan.round[0]
    assert (k1.respondents, k1.below_target, k1.below_expected, k1.learners) == (6, 5, 2, 4)


def test_waiting_learners_show_with_a_small_cap(round_a, persons, items, expected):
    plan = training_plan(round_a, persons, items, expected, cap=1)
    bangchak = {r.item: r for r in plan.units if r.unit == "bangchak"}
    # cap 1: Boon K1 and Anan S1 wait; Fah's teacher on K1 is Boon, from bangchak.
    assert (bangchak["K1"].waiting, bangchak["S1"].waiting, bangchak["K2"].waiting) == (1, 1, 0)
    tharai_k1 = next(r for r in plan.units if r.unit == "tharai" and r.item == "K1")
    assert tharai_k1.teachers == ("Boon", "Ek")


def test_a_given_pairing_is_reused(round_a, persons, items):
    pairing = pair_learners(round_a, persons, items, cap=1)
    plan = training_plan(round_a, persons, items, pairing=pairing)
    assert plan.pairing is pairing


def test_listed_tambon_without_answers_gets_empty_rows(round_a, persons, items):
    plan = training_plan(round_a, persons, items, units=["mamuang"])
    rows = [r for r in plan.units if r.unit == "mamuang"]
    # no answers: every mean gap is None, so the items keep the instrument's order.
    assert [(r.item, r.priority, r.respondents) for r in rows] == [
        ("K1", 1, 0),
        ("K2", 2, 0),
        ("S1", 3, 0),
    ]


def test_empty_round():
    plan = training_plan([], [], ["K1"])
    assert plan.units == ()
    assert plan.round == (
        PlanRow(None, "K1", 1, 0, None, None, None, None, 0, 0, 0, (), (), 0, False),
    )

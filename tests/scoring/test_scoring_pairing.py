"""Who can learn from whom, on the hand-worked round.

Learners (gap >= 1), in serving order (gap desc, item order, name):
  Chai S1 1->4 (gap 3); Anan K1 2->4, Dao K1 1->3, Boon K2 1->3, Ek K2 2->4 (gap 2);
  Boon K1 3->4, Fah K1 2->3, Anan S1 1->2 (gap 1).
"""

import pytest

from app.scoring import Answer, Pair, Person, TrainingNeed, Waiting, pair_learners

CHAI_S1 = TrainingNeed(3, "bangchak", "S1", 1, 4)


def test_pairs_with_the_default_cap(round_a, persons, items):
    result = pair_learners(round_a, persons, items)
    assert result.cap == 3
    # Chai S1: nobody is at S1 >= 4 (the best is Dao with 3): outside training.
    assert result.needs == (CHAI_S1,)
    assert result.waiting == ()
    assert result.pairs == (
        # Anan K1 (target 4): Chai 4 (same tambon, lead 0) before Ek 4.5 (other tambon).
        Pair(1, 3, "K1", 2, 4, 4, True, "bangchak", "bangchak"),
        # Dao K1 (target 3): Boon has 3 (lead 0) but is in bangchak; Ek 4.5 is in tharai:
        # the same tambon decides, even with the bigger lead.
        Pair(4, 5, "K1", 1, 3, 4.5, True, "tharai", "tharai"),
        # Boon K2 (target 3): Anan 3 (same tambon).
        Pair(2, 1, "K2", 1, 3, 3, True, "bangchak", "bangchak"),
        # Ek K2 (target 4): Dao 4 (lead 0) before Fah 5 (lead 1), both tharai.
        Pair(5, 4, "K2", 2, 4, 4, True, "tharai", "tharai"),
        # Boon K1 (target 4): Chai again (now 2 learners: Anan and Boon).
        Pair(2, 3, "K1", 3, 4, 4, True, "bangchak", "bangchak"),
        # Fah K1 (target 3): Ek again (now 2 learners: Dao and Fah).
        Pair(6, 5, "K1", 2, 3, 4.5, True, "tharai", "tharai"),
        # Anan S1 (target 2): Boon 2 (same tambon, lead 0) before Dao 3.
        Pair(1, 2, "S1", 1, 2, 2, True, "bangchak", "bangchak"),
    )


def test_the_cap_bites(round_a, persons, items):
    result = pair_learners(round_a, persons, items, cap=1)
    assert result.needs == (CHAI_S1,)
    # The first four pairs are as with cap 3; each teacher then has 1 learner.
    assert [(p.learner, p.teacher, p.item) for p in result.pairs[:4]] == [
        (1, 3, "K1"),
        (4, 5, "K1"),
        (2, 1, "K2"),
        (5, 4, "K2"),
    ]
    # Fah K1 (target 3): Ek (tharai) is full, so the next capable teacher, Boon (3,
    # bangchak), takes her.
    assert result.pairs[4] == Pair(6, 2, "K1", 2, 3, 3, False, "tharai", "bangchak")
    assert result.waiting == (
        # Boon K1 (target 4): Chai and Ek reach 4, both full.
        Waiting(2, "bangchak", "K1", 3, 4, 2),
        # Anan S1 (target 2): Boon (2, full since Fah) and Dao (3, full).
        Waiting(1, "bangchak", "S1", 1, 2, 2),
    )


def test_lone_learner_needs_outside_training():
    result = pair_learners([Answer(1, "u", "K1", 1, 3)], [], ["K1"])
    assert result.pairs == () and result.waiting == ()
    assert result.needs == (TrainingNeed(1, "u", "K1", 1, 3),)


def test_half_steps_and_min_gap():
    answers = [Answer(1, "u", "K1", 2.5, 3.5), Answer(2, "u", "K1", 3.5, 3.5)]
    (pair,) = pair_learners(answers, [], ["K1"]).pairs
    assert (pair.learner, pair.teacher, pair.teacher_current) == (1, 2, 3.5)
    # with a bigger threshold nobody is a learner
    assert pair_learners(answers, [], ["K1"], min_gap=1.5).pairs == ()


def test_teacher_ties_go_by_name_then_id():
    answers = [
        Answer(1, "u", "K1", 1, 3),
        Answer(5, "u", "K1", 3, 3),  # "Ann", id 5
        Answer(4, "u", "K1", 3, 3),  # "Ann", id 4
        Answer(2, "u", "K1", 3, 3),  # "Bee"
    ]
    people = [
        Person(1, "Zed", "u"),
        Person(5, "Ann", "u"),
        Person(4, "Ann", "u"),
        Person(2, "Bee", "u"),
    ]
    assert pair_learners(answers, people, ["K1"]).pairs[0].teacher == 4


def test_learners_with_equal_gaps_are_served_by_name():
    answers = [Answer(1, "u", "K1", 1, 2), Answer(2, "u", "K1", 1, 2), Answer(3, "u", "K1", 2, 2)]
    people = [Person(1, "Noi", "u"), Person(2, "Kai", "u"), Person(3, "Tee", "u")]
    result = pair_learners(answers, people, ["K1"], cap=1)
    assert [p.learner for p in result.pairs] == [2]  # Kai before Noi
    assert [w.person for w in result.waiting] == [1]


def test_a_cap_below_one_is_refused(round_a, persons, items):
    with pytest.raises(ValueError):
        pair_learners(round_a, persons, items, cap=0)


def test_empty():
    result = pair_learners([], [], ["K1"])
    assert (result.pairs, result.needs, result.waiting) == ((), (), ())


def test_a_full_teacher_still_takes_another_item_of_a_learner_they_teach():
    # Cap 1. Serving order (all gaps 2): Nok K1, Pim K1 (item order, then name), Nok K2.
    persons = [Person(10, "Mali", "bc"), Person(11, "Nok", "bc"), Person(12, "Pim", "bc")]
    answers = [
        Answer(10, "bc", "K1", 4, 4), Answer(10, "bc", "K2", 4, 4),
        Answer(11, "bc", "K1", 2, 4), Answer(11, "bc", "K2", 2, 4),
        Answer(12, "bc", "K1", 2, 4), Answer(12, "bc", "K2", 4, 4),
    ]  # fmt: skip
    result = pair_learners(answers, persons, ["K1", "K2"], cap=1)
    assert result.pairs == (
        # Nok K1: Mali (4) is the only one at 4; Mali now has her one learner, Nok.
        Pair(11, 10, "K1", 2, 4, 4, True, "bc", "bc"),
        # Nok K2: Mali is full, but Nok is already hers: no new learner for her.
        Pair(11, 10, "K2", 2, 4, 4, True, "bc", "bc"),
    )
    # Pim K1: only Mali reaches 4 and she is full with Nok.
    assert result.waiting == (Waiting(12, "bc", "K1", 2, 4, 1),)
    assert result.needs == ()


def test_a_free_teacher_of_the_same_tambon_comes_before_a_known_one_from_another():
    # Nok (bc) learns K1 from Ek (tharai), the only one at 4 on K1. On K2 both Ek and
    # Mali (bc) reach 4: the same tambon comes first, though Ek already teaches Nok.
    persons = [Person(10, "Mali", "bc"), Person(11, "Nok", "bc"), Person(13, "Ek", "tharai")]
    answers = [
        Answer(10, "bc", "K1", 1, 1), Answer(10, "bc", "K2", 4, 4),
        Answer(11, "bc", "K1", 2, 4), Answer(11, "bc", "K2", 2, 4),
        Answer(13, "tharai", "K1", 4, 4), Answer(13, "tharai", "K2", 4, 4),
    ]  # fmt: skip
    result = pair_learners(answers, persons, ["K1", "K2"])
    assert [(p.learner, p.teacher, p.item) for p in result.pairs] == [
        (11, 13, "K1"),
        (11, 10, "K2"),
    ]

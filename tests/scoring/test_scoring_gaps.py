"""The gap matrix and the training list."""

import pytest

from app.scoring import Answer, GapRow, Person, gap_matrix, training_list


def test_gap_matrix_of_the_example(round_a, persons, items):
    matrix = gap_matrix(round_a, persons, items)
    assert matrix.items == ("K1", "K2", "S1")
    # gap = target - current, rows by unit, then name; Fah did not answer S1.
    assert matrix.rows == (
        GapRow(1, "Anan", "bangchak", (2, 0, 1)),
        GapRow(2, "Boon", "bangchak", (1, 2, 0)),
        GapRow(3, "Chai", "bangchak", (0, 0.5, 3)),
        GapRow(4, "Dao", "tharai", (2, 0, 0)),
        GapRow(5, "Ek", "tharai", (0.5, 2, 0)),
        GapRow(6, "Fah", "tharai", (1, 0, None)),
    )


def test_training_list_biggest_shared_gap_first(round_a, persons, items, expected):
    # mean gaps over all respondents: K1 6.5/6 = 1.083, K2 4.5/6 = 0.75, S1 4/5 = 0.8.
    ranked = training_list(round_a, persons, items, expected)
    assert [i.item for i in ranked] == ["K1", "S1", "K2"]


def test_training_list_ties_go_to_more_learners_then_below_expected_then_item_order():
    answers = [
        # A: gaps 1 and 1 -> mean 1, 2 learners.
        Answer(1, "u", "A", 2, 3),
        Answer(2, "u", "A", 2, 3),
        # B: gaps 2 and 0 -> mean 1, 1 learner.
        Answer(1, "u", "B", 1, 3),
        Answer(2, "u", "B", 3, 3),
        # C: gaps 2 and 0 -> mean 1, 1 learner; person 1 is below their expected 3.
        Answer(1, "u", "C", 1, 3),
        Answer(2, "u", "C", 3, 3),
        # D: gaps 2 and 0 -> mean 1, 1 learner, like B: item order decides.
        Answer(1, "u", "D", 1, 3),
        Answer(2, "u", "D", 3, 3),
    ]
    people = [Person(1, "P", "u", frozenset({"recording"})), Person(2, "Q", "u")]
    ranked = training_list(answers, people, ["D", "C", "B", "A"], {"C": {"recording": 3}})
    assert [i.item for i in ranked] == ["A", "C", "D", "B"]


def test_unanswered_items_come_last():
    ranked = training_list([Answer(1, "u", "B", 3, 3)], [], ["A", "B"])
    assert [i.item for i in ranked] == ["B", "A"]


def test_duplicate_answers_are_refused():
    twice = [Answer(1, "u", "K1", 1, 2), Answer(1, "u", "K1", 2, 3)]
    with pytest.raises(ValueError):
        gap_matrix(twice, [], ["K1"])


def test_empty_matrix():
    assert gap_matrix([], [], ["K1"]).rows == ()

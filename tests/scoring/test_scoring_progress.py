"""Look back, look forward: rounds A and B of the hand-worked example."""

import pytest

from app.scoring import Answer, ItemChange, PersonProgress, TeamItemProgress, progress


def test_progress_between_the_rounds(round_a, round_b, persons, items):
    result = progress(round_a, round_b, persons, items)
    # Chai answered only round A, Gun only round B.
    assert (result.only_in_a, result.only_in_b) == ((3,), (7,))
    # Anan: K1 2 -> 3, K2 3 -> 3.5; S1 only in A, so not compared.
    assert result.changes[:2] == (
        ItemChange(1, "bangchak", "K1", 2, 3, 1),
        ItemChange(1, "bangchak", "K2", 3, 3.5, 0.5),
    )
    # Anan 1.5/2 = 0.75; Boon (0 + 1 + 1)/3; Ek (0 + 1 + 1)/3 (tie: 3 items both, by name);
    # Dao (1 + 0 + 0.5)/3 = 0.5; Fah (0 + 0)/2 = 0.
    assert result.movers == (
        PersonProgress(1, "Anan", "bangchak", 2, 0.75),
        PersonProgress(2, "Boon", "bangchak", 3, pytest.approx(2 / 3)),
        PersonProgress(5, "Ek", "tharai", 3, pytest.approx(2 / 3)),
        PersonProgress(4, "Dao", "tharai", 3, 0.5),
        PersonProgress(6, "Fah", "tharai", 2, 0.0),
    )
    approx = pytest.approx
    assert result.teams == (
        # bangchak K1: Anan 2 -> 3, Boon 3 -> 3: 2.5 -> 3.
        TeamItemProgress("bangchak", "K1", 2, 2.5, 3.0, 0.5),
        # K2: Anan 3 -> 3.5, Boon 1 -> 2: 2 -> 2.75.
        TeamItemProgress("bangchak", "K2", 2, 2.0, 2.75, 0.75),
        # S1: only Boon answered both: 2 -> 3.
        TeamItemProgress("bangchak", "S1", 1, 2.0, 3.0, 1.0),
        # tharai K1: Dao 1 -> 2, Ek 4.5 -> 4.5, Fah 2 -> 2: 7.5/3 -> 8.5/3.
        TeamItemProgress("tharai", "K1", 3, 2.5, approx(8.5 / 3), approx(1 / 3)),
        # K2: Dao 4 -> 4, Ek 2 -> 3, Fah 5 -> 5: 11/3 -> 4.
        TeamItemProgress("tharai", "K2", 3, approx(11 / 3), 4.0, approx(1 / 3)),
        # S1: Dao 3 -> 3.5, Ek 1 -> 2: 2 -> 2.75 (Gun is new and not counted).
        TeamItemProgress("tharai", "S1", 2, 2.0, 2.75, 0.75),
    )


def test_identical_rounds_show_no_change(round_a, persons, items):
    result = progress(round_a, round_a, persons, items)
    assert all(c.change == 0 for c in result.changes)
    assert all(m.mean_change == 0 for m in result.movers)
    assert (result.only_in_a, result.only_in_b) == ((), ())


def test_person_in_both_rounds_without_a_common_item_comes_last():
    a = [Answer(1, "u", "K1", 1, 2), Answer(2, "u", "K1", 1, 2)]
    b = [Answer(1, "u", "K2", 1, 2), Answer(2, "u", "K1", 2, 2)]
    result = progress(a, b, [], ["K1", "K2"])
    assert [(m.person, m.items, m.mean_change) for m in result.movers] == [
        (2, 1, 1.0),
        (1, 0, None),
    ]


def test_a_person_who_moved_tambon_counts_for_the_new_one():
    a = [Answer(1, "old", "K1", 1, 2)]
    b = [Answer(1, "new", "K1", 2, 2)]
    result = progress(a, b, [], ["K1"])
    assert result.teams == (TeamItemProgress("new", "K1", 1, 1, 2, 1),)
    assert result.movers[0].unit == "new"


def test_empty_rounds():
    result = progress([], [], [], ["K1"])
    assert result == type(result)((), (), (), (), ())

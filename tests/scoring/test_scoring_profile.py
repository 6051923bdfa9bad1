"""Team profiles and the whole-round profile on the hand-worked round."""

import pytest

from app.scoring import Answer, ItemProfile, Person, round_profile, team_profiles


def test_team_profiles_of_the_example(round_a, persons, items, expected):
    bangchak, tharai = team_profiles(round_a, persons, items, expected)
    assert (bangchak.unit, bangchak.respondents) == ("bangchak", 3)
    # K1: currents 2, 3, 4 -> mean 3; targets 4, 4, 4 -> 4; gaps 2, 1, 0 -> 1.
    # expected: Anan coordination 3, Boon meeting_process 2, Chai recording 2 -> 7/3.
    # below target: Anan, Boon; below expected: Anan (2 < 3); learners (gap >= 1): Anan, Boon.
    assert bangchak.item("K1") == ItemProfile(
        "K1", 3, 3.0, 4.0, 1.0, 2, 4, pytest.approx(7 / 3), 2, 1, 2
    )
    # K2: currents 3, 1, 2 -> 2; targets 3, 3, 2.5 -> 8.5/3; gaps 0, 2, 0.5 -> 2.5/3.
    # expected: Anan 3, Boon none (K2 sets no meeting_process), Chai 4 -> (3 + 4) / 2 = 3.5.
    # below expected: Chai (2 < 4); learners: Boon only (Chai's gap is 0.5).
    assert bangchak.item("K2") == ItemProfile(
        "K2", 3, 2.0, pytest.approx(8.5 / 3), pytest.approx(2.5 / 3), 1, 3, 3.5, 2, 1, 1
    )
    # S1: currents 1, 2, 1 -> 4/3; targets 2, 2, 4 -> 8/3; gaps 1, 0, 3 -> 4/3; no expected.
    assert bangchak.item("S1") == ItemProfile(
        "S1",
        3,
        pytest.approx(4 / 3),
        pytest.approx(8 / 3),
        pytest.approx(4 / 3),
        1,
        2,
        None,
        2,
        0,
        2,
    )
    assert (tharai.unit, tharai.respondents) == ("tharai", 3)
    # K1: currents 1, 4.5, 2 -> 2.5; targets 3, 5, 3 -> 11/3; gaps 2, 0.5, 1 -> 3.5/3.
    # expected: Dao 3, Ek max(meeting_process 2, recording 2) = 2, Fah no roles -> 2.5.
    assert tharai.item("K1") == ItemProfile(
        "K1", 3, 2.5, pytest.approx(11 / 3), pytest.approx(3.5 / 3), 1, 4.5, 2.5, 3, 1, 2
    )
    # K2: Ek has two roles; only recording (4) is set for K2, so his expected is 4.
    # expected: Dao 3, Ek 4 -> 3.5; below expected: Ek (2 < 4).
    assert tharai.item("K2").expected == 3.5
    assert tharai.item("K2").below_expected == 1
    # S1: Fah did not answer: n = 2, currents 3, 1 -> 2, no gaps.
    assert tharai.item("S1") == ItemProfile("S1", 2, 2.0, 2.0, 0.0, 1, 3, None, 0, 0, 0)


def test_round_profile_takes_every_person_once(round_a, persons, items, expected):
    whole = round_profile(round_a, persons, items, expected)
    assert (whole.unit, whole.respondents) == (None, 6)
    # K1: currents 2+3+4+1+4.5+2 = 16.5 / 6 = 2.75; targets 23 / 6; gaps 6.5 / 6.
    # expected: 3, 2, 2, 3, 2 (Fah none) = 12 / 5 = 2.4.
    assert whole.item("K1") == ItemProfile(
        "K1", 6, 2.75, pytest.approx(23 / 6), pytest.approx(6.5 / 6), 1, 4.5, 2.4, 5, 2, 4
    )
    # S1: five answers, currents 1+2+1+3+1 = 8 -> 1.6, targets 12 -> 2.4, gaps 4 -> 0.8.
    assert whole.item("S1") == ItemProfile("S1", 5, 1.6, 2.4, 0.8, 1, 3, None, 2, 0, 2)


def test_listed_unit_without_answers_has_an_empty_profile(round_a, persons, items):
    profiles = team_profiles(round_a, persons, items, units=["mamuang"])
    assert [p.unit for p in profiles] == ["bangchak", "mamuang", "tharai"]
    empty = profiles[1]
    assert empty.respondents == 0
    assert empty.item("K1") == ItemProfile("K1", 0, None, None, None, None, None, None, 0, 0, 0)


def test_empty_input():
    assert team_profiles([], [], ["K1"]) == ()
    whole = round_profile([], [], ["K1"])
    assert whole.respondents == 0
    assert whole.items[0].n == 0 and whole.items[0].mean_current is None


def test_half_steps_and_unknown_items_and_unknown_persons():
    answers = [Answer(9, "u", "K1", 2.5, 3.5), Answer(9, "u", "X9", 1, 5)]
    (profile,) = team_profiles(answers, [], ["K1"])
    # person 9 is not in the roster: counted, no roles, so no expected level.
    assert profile.item("K1") == ItemProfile("K1", 1, 2.5, 3.5, 1.0, 2.5, 2.5, None, 1, 0, 1)
    assert [i.item for i in profile.items] == ["K1"]  # X9 is not an item of the instrument


def test_a_target_below_current_is_refused():
    with pytest.raises(ValueError):
        Answer(1, "u", "K1", 3, 2)


def test_person_roles_default_to_none():
    assert Person(1, "A", "u").roles == frozenset()

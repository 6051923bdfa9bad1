"""The river of tambons and of persons."""

import pytest

from app.scoring import (
    Answer,
    Level,
    RiverBand,
    RiverLine,
    person_levels,
    river,
    team_levels,
    team_profiles,
    widest_items,
)


def test_river_of_tambons(round_a, persons, items):
    profiles = team_profiles(round_a, persons, items)
    result = river(team_levels(profiles), items)
    approx = pytest.approx
    # Team means (see test_scoring_profile): bangchak K1 3, K2 2, S1 4/3;
    # tharai K1 2.5, K2 11/3, S1 2. Targets: bangchak 4, 8.5/3, 8/3; tharai 11/3, 13/3, 2.
    assert result.bands == (
        # K1: low 2.5, high 3, width 0.5, mean (3 + 2.5) / 2; targets 11/3 .. 4.
        RiverBand("K1", 2, 2.5, 3.0, 0.5, 2.75, approx(11 / 3), 4.0),
        # K2: low 2, high 11/3, width 5/3, mean (2 + 11/3) / 2 = 17/6; targets 8.5/3 .. 13/3.
        RiverBand(
            "K2",
            2,
            2.0,
            approx(11 / 3),
            approx(5 / 3),
            approx(17 / 6),
            approx(8.5 / 3),
            approx(13 / 3),
        ),
        # S1: low 4/3, high 2, width 2/3, mean 5/3; targets 2 .. 8/3.
        RiverBand("S1", 2, approx(4 / 3), 2.0, approx(2 / 3), approx(5 / 3), 2.0, approx(8 / 3)),
    )
    assert result.widest == ("K2",)
    assert result.lines == (
        RiverLine("bangchak", (3.0, 2.0, approx(4 / 3))),
        RiverLine("tharai", (2.5, approx(11 / 3), 2.0)),
    )
    # top 2 by width: K2 (5/3), S1 (2/3); K1 (0.5) is left out; item order kept.
    assert river(team_levels(profiles), items, top_k=2).widest == ("K2", "S1")


def test_river_of_persons(round_a, persons, items):
    result = river(person_levels(round_a, persons), items)
    # K1 currents 2, 3, 4, 1, 4.5, 2: low 1, high 4.5, width 3.5, mean 16.5/6; targets 3..5.
    assert result.bands[0] == RiverBand("K1", 6, 1, 4.5, 3.5, 2.75, 3, 5)
    # K2 currents 3, 1, 2, 4, 2, 5: width 4 is the widest.
    assert result.bands[1].width == 4
    # S1: Fah has no answer: 5 units, low 1, high 3, mean 8/5; targets 1..4.
    assert result.bands[2] == RiverBand("S1", 5, 1, 3, 2, 1.6, 1, 4)
    assert result.widest == ("K2",)
    # lines by name: Anan, Boon, Chai, Dao, Ek, Fah.
    assert [line.key for line in result.lines] == [1, 2, 3, 4, 5, 6]
    assert result.lines[-1] == RiverLine(6, (2, 5, None))


def test_river_of_chosen_units_only(round_a, persons, items):
    result = river(person_levels(round_a, persons, person_ids={3, 4}), items)
    # Chai K1 4, Dao K1 1 -> width 3; K2 2 and 4 -> 2; S1 1 and 3 -> 2.
    assert [b.width for b in result.bands] == [3, 2, 2]
    assert result.widest == ("K1",)


def test_widest_ties_and_zero_width():
    levels = {
        "a": {"K1": Level(1, 2), "K2": Level(1, 2), "K3": Level(2, 2)},
        "b": {"K1": Level(3, 3), "K2": Level(3, 3), "K3": Level(2, 2)},
    }
    result = river(levels, ["K1", "K2", "K3"])
    assert result.widest == ("K1", "K2")  # tied at width 2
    assert river(levels, ["K1", "K2", "K3"], top_k=1).widest == ("K1",)  # item order
    assert river(levels, ["K3"]).widest == ()  # width 0: nothing to share


def test_one_unit_has_nothing_to_share():
    result = river(person_levels([Answer(1, "u", "K1", 2, 4)], []), ["K1"])
    assert result.bands[0] == RiverBand("K1", 1, 2, 2, 0, 2, 4, 4)
    assert result.widest == ()


def test_empty_river():
    result = river({}, ["K1"])
    assert result.bands == (RiverBand("K1", 0, None, None, 0.0, None, None, None),)
    assert result.lines == () and result.widest == ()
    assert widest_items(()) == ()


def test_tambon_without_answers_draws_no_line(round_a, persons, items):
    profiles = team_profiles(round_a, persons, items, units=["mamuang"])
    levels = team_levels(profiles)
    assert levels["mamuang"] == {}
    assert river(levels, items).lines[1] == RiverLine("mamuang", (None, None, None))

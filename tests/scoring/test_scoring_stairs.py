"""The stairs of exchange."""

import pytest

from app.scoring import (
    Level,
    Standing,
    Step,
    item_stairs,
    overall_order,
    person_levels,
    stairs,
    team_levels,
    team_profiles,
)


def test_stairs_of_tambons(round_a, persons, items):
    result = stairs(team_levels(team_profiles(round_a, persons, items)), items)
    k1, k2, s1 = result.items
    # K1: bangchak 3 above tharai 2.5.
    assert k1.steps == (
        Step("bangchak", 3.0, 4.0, 1),
        Step("tharai", 2.5, pytest.approx(11 / 3), 2),
    )
    # K2: tharai 11/3 above bangchak 2; S1: tharai 2 above bangchak 4/3.
    assert [s.key for s in k2.steps] == ["tharai", "bangchak"]
    assert [s.key for s in s1.steps] == ["tharai", "bangchak"]
    # overall: bangchak (3 + 2 + 4/3) / 3 = 19/9 = 2.11; tharai (2.5 + 11/3 + 2) / 3 = 2.72.
    assert result.overall == (
        Standing("tharai", pytest.approx(49 / 18), 3, 1),
        Standing("bangchak", pytest.approx(19 / 9), 3, 2),
    )


def test_stairs_of_persons_with_ties(round_a, persons, items):
    result = stairs(person_levels(round_a, persons), items)
    # K1: Ek 4.5, Chai 4, Boon 3, then Anan and Fah tied at 2 (rank 4, name order),
    # then Dao 1 at rank 6 (competition ranking: 5 units are above Dao).
    assert result.items[0].steps == (
        Step(5, 4.5, 5, 1),
        Step(3, 4, 4, 2),
        Step(2, 3, 4, 3),
        Step(1, 2, 4, 4),
        Step(6, 2, 3, 4),
        Step(4, 1, 3, 6),
    )
    # overall means: Fah (2 + 5)/2 = 3.5 on 2 items; Dao 8/3; Ek 7.5/3 = 2.5;
    # Chai 7/3; Anan 6/3 = 2; Boon 6/3 = 2 (tie with Anan: same rank, name order).
    assert [(s.key, s.items, s.rank) for s in result.overall] == [
        (6, 2, 1),
        (4, 3, 2),
        (5, 3, 3),
        (3, 3, 4),
        (1, 3, 5),
        (2, 3, 5),
    ]
    assert result.overall[0].mean_current == 3.5


def test_equal_means_put_the_unit_with_more_items_first():
    levels = {"a": {"K1": Level(3, 3)}, "b": {"K1": Level(2, 3), "K2": Level(4, 4)}}
    # a: 3 on 1 item; b: (2 + 4) / 2 = 3 on 2 items -> b first, same rank.
    assert overall_order(levels, ["K1", "K2"]) == (Standing("b", 3, 2, 1), Standing("a", 3, 1, 1))


def test_units_missing_an_item_are_not_on_its_stairs():
    levels = {"a": {"K1": Level(3, 3)}, "b": {}}
    assert item_stairs(levels, "K2").steps == ()
    assert [s.key for s in overall_order(levels, ["K1"])] == ["a"]


def test_half_steps_and_near_equal_means_tie():
    # 2.3 reached two ways differs in the last bit; tie comparison rounds, so they tie.
    assert 2.1 + 0.2 != 2.3
    levels = {
        "a": {"K1": Level(2.3, 4)},
        "b": {"K1": Level(2.1 + 0.2, 4)},
        "c": {"K1": Level(1.5, 3)},
    }
    assert [s.rank for s in item_stairs(levels, "K1").steps] == [1, 1, 3]


def test_empty_stairs():
    assert stairs({}, ["K1"]).overall == ()
    assert stairs({}, ["K1"]).items[0].steps == ()


def test_step_groups_put_equal_levels_on_one_step():
    from app.scoring import StepGroup, step_groups

    levels = {
        "a": {"K1": Level(4, 5)},
        "b": {"K1": Level(3, 4)},
        "c": {"K1": Level(4, 4)},
        "d": {"K1": Level(1 + 2.1 - 0.1, 3)},  # 3.0000000000000004: equal as ranks are
        "e": {"K1": Level(1.5, 2)},
    }
    groups = step_groups(item_stairs(levels, "K1"))
    # Three levels, so three steps; ties share the step's number (not "1, 1, 3, 3, 5").
    assert [(g.number, g.current, [s.key for s in g.units]) for g in groups] == [
        (1, 4, ["a", "c"]),
        (2, 3, ["b", "d"]),
        (3, 1.5, ["e"]),
    ]
    # Mean target of the step: (5 + 4) / 2, (4 + 3) / 2, 2.
    assert [g.mean_target for g in groups] == [4.5, 3.5, 2]
    # The competition ranks inside stay those of the stairs.
    assert [s.rank for s in groups[1].units] == [3, 3]
    assert isinstance(groups[0], StepGroup)


def test_step_groups_of_nobody_and_of_one():
    from app.scoring import ItemStairs, step_groups

    assert step_groups(ItemStairs("K1", ())) == ()
    (only,) = step_groups(item_stairs({"x": {"K1": Level(2, 5)}}, "K1"))
    assert (only.number, only.current, only.mean_target, len(only.units)) == (1, 2, 5, 1)

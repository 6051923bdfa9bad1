"""Properties that hold for any round."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.scoring import (
    ROLES,
    Answer,
    Person,
    pair_learners,
    person_levels,
    progress,
    river,
    round_profile,
    stairs,
    team_levels,
    team_profiles,
    training_plan,
)
from app.scoring.averages import tie_key

ITEMS = ("K1", "K2", "K3", "S1")
HALF_STEPS = [1 + i / 2 for i in range(9)]  # 1, 1.5, ..., 5


@st.composite
def rounds(draw) -> tuple[list[Person], list[Answer]]:
    """Up to 12 persons in up to 4 units, each answering some items in half steps."""
    count = draw(st.integers(0, 12))
    persons = [
        Person(
            pid,
            draw(st.sampled_from(["Ann", "Bee", "Cha", "Dee"])),
            draw(st.sampled_from(["u1", "u2", "u3", "u4"])),
            frozenset(draw(st.sets(st.sampled_from(ROLES)))),
        )
        for pid in range(1, count + 1)
    ]
    answers = []
    for p in persons:
        for item in draw(st.sets(st.sampled_from(ITEMS))):
            current = draw(st.sampled_from(HALF_STEPS))
            target = draw(st.sampled_from([x for x in HALF_STEPS if x >= current]))
            answers.append(Answer(p.id, p.unit, item, current, target))
    return persons, answers


expected_levels = st.dictionaries(
    st.sampled_from(ITEMS), st.dictionaries(st.sampled_from(ROLES), st.integers(1, 5))
)


@given(rounds(), expected_levels)
def test_profile_means_lie_between_min_and_max(round_, expected):
    persons, answers = round_
    for profile in (
        *team_profiles(answers, persons, ITEMS, expected),
        round_profile(answers, persons, ITEMS, expected),
    ):
        for i in profile.items:
            if i.n:
                assert i.min_current <= i.mean_current <= i.max_current
                assert i.mean_current <= i.mean_target
                assert i.learners <= i.below_target <= i.n


@given(rounds())
def test_unit_counts_add_up_to_the_round(round_):
    persons, answers = round_
    whole = round_profile(answers, persons, ITEMS)
    units = team_profiles(answers, persons, ITEMS)
    for position, item in enumerate(whole.items):
        assert item.n == sum(p.items[position].n for p in units)


@given(rounds())
def test_river_bands_are_ordered(round_):
    persons, answers = round_
    for levels in (
        person_levels(answers, persons),
        team_levels(team_profiles(answers, persons, ITEMS)),
    ):
        result = river(levels, ITEMS)
        for band in result.bands:
            if band.units:
                assert band.low <= band.mean <= band.high
                assert band.target_low <= band.target_high
                assert band.width == band.high - band.low >= 0
        widths = {b.item: b.width for b in result.bands}
        assert all(widths[i] > 0 for i in result.widest)
        # Widths tie as the method rounds them (team means differ in their last float bits).
        most = tie_key(max(widths.values()))
        assert all(tie_key(widths[i]) == most for i in result.widest)


@given(rounds())
def test_stairs_descend_and_ranks_count_those_above(round_):
    persons, answers = round_
    for item in stairs(person_levels(answers, persons), ITEMS).items:
        levels = [s.current for s in item.steps]
        assert levels == sorted(levels, reverse=True)
        for step in item.steps:
            assert step.rank == 1 + sum(x > step.current for x in levels)


@given(rounds(), st.integers(1, 4))
def test_every_pair_follows_the_rules_and_the_cap(round_, cap):
    persons, answers = round_
    result = pair_learners(answers, persons, ITEMS, cap=cap)
    level = {(a.person, a.item): a.current for a in answers}
    learners_of: dict[int, set[int]] = {}
    for p in result.pairs:
        assert p.teacher != p.learner
        assert p.learner_target - p.learner_current >= 1
        assert p.teacher_current == level[p.teacher, p.item] >= p.learner_target
        assert p.teacher_current > p.learner_current
        learners_of.setdefault(p.teacher, set()).add(p.learner)
    assert all(len(people) <= cap for people in learners_of.values())

    def full_for(teacher: int, learner: int) -> bool:
        """The teacher has no room for this learner: at the cap, and not already theirs."""
        people = learners_of.get(teacher, set())
        return len(people) == cap and learner not in people

    # A teacher from another tambon only when every capable one of the same tambon is full.
    unit = {a.person: a.unit for a in answers}
    for p in result.pairs:
        if not p.same_unit:
            same = [
                a.person
                for a in answers
                if a.item == p.item and a.unit == unit[p.learner] and a.current >= p.learner_target
            ]
            assert all(full_for(t, p.learner) for t in same if t != p.learner)
    # Waiting learners: their capable teachers are all full; needs: nobody reaches them.
    for w in result.waiting:
        capable = [a.person for a in answers if a.item == w.item and a.current >= w.target]
        assert len(capable) == w.capable > 0
        assert all(full_for(t, w.person) for t in capable)
    for n in result.needs:
        assert not [a for a in answers if a.item == n.item and a.current >= n.target]
    # Every learner is served exactly once.
    learners = sorted((a.person, a.item) for a in answers if a.gap >= 1)
    served = [(p.learner, p.item) for p in result.pairs]
    served += [(x.person, x.item) for x in (*result.needs, *result.waiting)]
    assert sorted(served) == learners


@given(rounds())
def test_identical_rounds_show_no_progress(round_):
    persons, answers = round_
    result = progress(answers, list(reversed(answers)), persons, ITEMS)
    assert all(c.change == 0 for c in result.changes)
    assert all(t.change == 0 for t in result.teams)
    assert all(m.mean_change in (0, None) for m in result.movers)
    assert result.only_in_a == result.only_in_b == ()


@settings(max_examples=50)
@given(rounds(), expected_levels, st.randoms(use_true_random=False))
def test_the_order_of_answers_does_not_matter(round_, expected, rnd: random.Random):
    persons, answers = round_
    shuffled = answers[:]
    rnd.shuffle(shuffled)
    people = persons[::-1]
    assert training_plan(answers, persons, ITEMS, expected) == training_plan(
        shuffled, people, ITEMS, expected
    )
    assert river(person_levels(answers, persons), ITEMS) == river(
        person_levels(shuffled, people), ITEMS
    )

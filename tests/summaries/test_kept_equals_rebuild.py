"""The kept summaries equal a rebuild after any sequence of submissions, changes, merges,
moves, deactivations and closings; and the figures read from them are the scoring's."""

import math
from datetime import date
from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.collation import names_key
from app.dashboard.gaps import gaps_view
from app.dashboard.overview import tambon_tallies
from app.dashboard.progress import progress_view
from app.extensions import db
from app.facilitators.changes import command_line
from app.facilitators.merge import KEPT, merge, shared_rounds
from app.models import (
    Facilitator,
    InstrumentVersion,
    Round,
    Tambon,
)
from app.ratings import Mark, record
from app.round_facts import close_round, load_round_facts, load_round_units, reopen_round
from app.rounds.access import Scope
from app.scoring import gap_matrix, progress, round_profile, team_levels, team_profiles
from app.summaries import read
from tests import builders
from tests.kept_summaries import kept, rebuilt

ITEMS = 12
PEOPLE, TAMBONS, ROUNDS = 6, 3, 2
level = st.integers(1, 5)
marks = st.lists(st.tuples(level, st.integers(0, 4)), min_size=ITEMS, max_size=ITEMS)
person = st.integers(0, PEOPLE - 1)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("submit"), person, st.integers(0, ROUNDS - 1), marks),
        st.tuples(st.just("move"), person, st.integers(0, TAMBONS - 1)),
        st.tuples(st.just("active"), person, st.booleans()),
        st.tuples(st.just("merge"), person, person),
        st.tuples(st.just("close"), st.integers(0, ROUNDS - 1), st.booleans()),
        st.tuples(st.just("new"), st.integers(0, TAMBONS - 1)),
    ),
    max_size=12,
)


def _world(instruments) -> dict:
    version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
    tambons = [builders.tambon(f"ตำบล{i}", f"Tambon {i}") for i in range(TAMBONS)]
    roles = [("coordination",), ("recording",), ()]
    people = [
        builders.facilitator(tambons[i % TAMBONS], f"คน{i}", roles=roles[i % 3])
        for i in range(PEOPLE)
    ]
    rounds = [builders.round_(version, tambons[: TAMBONS - r]) for r in range(ROUNDS)]
    rounds[1].held_on = date(2027, 5, 1)
    db.session.commit()
    return {"tambons": [t.id for t in tambons], "people": [p.id for p in people],
            "rounds": [r.id for r in rounds], "serial": [0]}  # fmt: skip


def _apply(world: dict, step: tuple) -> None:
    kind, *args = step
    people = [pid and db.session.get(Facilitator, pid) for pid in world["people"]]
    if kind == "submit":
        who, which, levels = args
        round_, person_ = db.session.get(Round, world["rounds"][which]), people[who]
        codes = round_.instrument_version.instrument.item_codes
        if person_ is None or not round_.is_open:
            return
        answers = [
            Mark(c, float(cur), float(min(5, cur + up))) for c, (cur, up) in zip(codes, levels)
        ]
        world["serial"][0] += 1
        record(round_, person_.id, answers, f"step-{world['serial'][0]}-{round_.id}-{person_.id}")
        return
    if kind == "elsewhere":  # answered at a workshop as they were then: in another tambon
        who, which, tambon, levels = args
        round_, person_ = db.session.get(Round, world["rounds"][which]), people[who]
        if person_ is None or not round_.is_open:
            return
        codes = round_.instrument_version.instrument.item_codes
        answers = [Mark(c, float(cur), float(cur)) for c, (cur, _) in zip(codes, levels)]
        then = SimpleNamespace(
            **{k: getattr(person_, k) for k in ("name", "roles", "agency", "team")}
        )
        then.tambon_id = world["tambons"][tambon]
        world["serial"][0] += 1
        record(round_, person_.id, answers, f"then-{world['serial'][0]}", as_they_were=then)
        return
    if kind == "move" and people[args[0]] is not None:
        people[args[0]].tambon_id = world["tambons"][args[1]]
    elif kind == "active" and people[args[0]] is not None:
        people[args[0]].active = args[1]
        people[args[0]].deactivated_at = None if args[1] else db.func.now()
    elif kind == "merge":
        kept, other = people[args[0]], people[args[1]]
        if kept is None or other is None or kept.id == other.id:
            return
        choices = {s.round.id: KEPT for s in shared_rounds(kept, other)}
        merge(kept, other, choices, command_line())
        world["people"][args[1]] = None
    elif kind == "close":
        round_ = db.session.get(Round, world["rounds"][args[0]])
        (close_round if args[1] else reopen_round)(round_)
    elif kind == "new":
        added = builders.facilitator(db.session.get(Tambon, world["tambons"][args[0]]))
        world["people"].append(added.id)
    db.session.commit()


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sequence=steps)
def test_the_kept_summaries_equal_a_rebuild_after_any_changes(app, instruments, sequence):
    with app.app_context():
        db.session.rollback()  # nothing left over from an example that failed
        world = _world(instruments)
        for step in sequence:
            _apply(world, step)
        assert kept() == rebuilt()
        for round_id in world["rounds"]:
            _same_figures(db.session.get(Round, round_id))
        _same_progress(*(db.session.get(Round, r) for r in world["rounds"]))


# Mostly answers, as at a workshop: first answers are added to the summaries by difference
# (app/summaries/add.py), the rest recomputed; both must give the rebuild.
answering = st.lists(
    st.one_of(
        st.tuples(st.just("submit"), person, st.integers(0, ROUNDS - 1), marks),
        st.tuples(st.just("submit"), person, st.integers(0, ROUNDS - 1), marks),
        st.tuples(
            st.just("elsewhere"), person, st.integers(0, ROUNDS - 1),
            st.integers(0, TAMBONS - 1), marks,
        ),
        st.tuples(st.just("active"), person, st.booleans()),
        st.tuples(st.just("close"), st.integers(0, ROUNDS - 1), st.booleans()),
        st.tuples(st.just("new"), st.integers(0, TAMBONS - 1)),
    ),
    min_size=4,
    max_size=16,
)  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sequence=answering)
def test_answers_added_by_difference_equal_a_rebuild(app, instruments, sequence):
    with app.app_context():
        db.session.rollback()
        world = _world(instruments)
        for step in sequence:
            _apply(world, step)
        assert kept() == rebuilt()


def _same_figures(round_: Round) -> None:
    """What the pages read from the summaries is what the scoring computes from the facts."""
    facts = load_round_facts(round_)
    order, expected = facts.item_order, facts.expected
    units = [int(k) for k in facts.tambons]
    assert read.whole_profile(round_.id, None, order) == round_profile(
        facts.answers, facts.persons, order, expected
    )
    assert read.whole_profile(round_.id, units[:1], order) == round_profile(
        [a for a in facts.answers if a.unit == str(units[0])], facts.persons, order, expected
    )
    reference = {
        p.unit: p
        for p in team_profiles(facts.answers, facts.persons, order, expected, units=facts.tambons)
    }
    assert read.unit_profiles(round_.id, units, order) == reference
    answered = team_profiles(facts.answers, facts.persons, order, expected)
    assert read.unit_levels(round_.id, None) == team_levels(answered)
    view = gaps_view(load_round_units(round_), "th", "instrument", "total", 1)
    assert view.columns == round_profile(facts.answers, facts.persons, order, expected).items
    matrix = gap_matrix(facts.answers, facts.persons, order)
    place = {key: t.name_th for key, t in facts.tambons.items()}

    def by_total(r):
        total = math.fsum(g for g in r.gaps if g is not None)
        return (-total, *names_key(place[r.unit], r.name), r.person)

    reference = sorted(matrix.rows, key=by_total)
    assert [(line.person, line.gaps) for line in view.page_lines] == [
        (r.person, r.gaps) for r in reference[:100]
    ]
    tallies = {t.tambon.id: (t.answered, t.roster) for t in tambon_tallies(round_, None)}
    assert tallies == {
        int(key): (
            len(facts.respondents(key)),
            sum(p.unit == key for p in facts.persons),
        )
        for key in facts.tambons
    }


def _same_progress(earlier: Round, later: Round) -> None:
    """The progress page's sums are the scoring's progress of the same two rounds."""
    a, b = load_round_facts(earlier), load_round_facts(later)
    persons = {p.id: p for p in (*a.persons, *b.persons)}
    found = progress(a.answers, b.answers, persons.values(), b.item_order)
    view = progress_view(Scope(earlier, None), Scope(later, None), "th", 1)
    assert [(m.name, m.items, m.mean_change) for m in view.page_movers] == [
        (m.name, m.items, m.mean_change) for m in found.movers[:100]
    ]
    teams = {(t.unit, t.item): (t.before, t.after, t.change) for t in found.teams}
    names = {key: t.name_th for key, t in b.tambons.items()}
    shown = {
        (unit, item): (before, after, change)
        for t in view.tambons
        for unit in [next(k for k, n in names.items() if n == t.name)]
        for item, before, after, change in zip(view.items, t.before, t.after, t.changes)
        if before is not None
    }
    assert shown == teams
    assert len(view.only_earlier) == len(found.only_in_a)
    assert len(view.only_later) == len(found.only_in_b)

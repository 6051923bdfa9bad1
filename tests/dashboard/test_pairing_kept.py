"""Who can learn from whom kept per round and scope, computed in the request (SQLite, a
small scope on PostgreSQL, or with PAIRING_IN_BACKGROUND off), read a page at a time."""

import re

import pytest
from sqlalchemy import select

from app.collation import names_key
from app.extensions import db
from app.models import PairingLine, PairingResult, Round
from app.pairing import store
from app.ratings import Mark, record
from app.round_facts import load_round_facts
from app.scoring import DEFAULT_CAP, pair_learners
from app.summaries import rebuild_round
from bench.province import populate
from tests import builders
from tests.html_tables import table
from tests.tiny_round import NOT_FOR_BANG_CHAK, sign_in


def _province(app, people: int, tambons: int, seed: int) -> int:
    """A bench round where everyone answered every item; its id."""
    with app.app_context():
        (round_id,) = populate(people, tambons, 1, seed)
        rebuild_round(db.session, round_id)
        builders.coordinator("admin", admin=True)
        db.session.commit()
    return round_id


def _kept(round_id: int, key: str, kind: str) -> list[PairingLine]:
    query = select(PairingLine).where(
        PairingLine.round_id == round_id, PairingLine.scope_key == key, PairingLine.kind == kind
    )
    return list(db.session.execute(query.order_by(PairingLine.position)).scalars())


def _expected(round_: Round):
    """pair_learners on the round's facts, each list sorted as the page lists it."""
    facts = load_round_facts(round_)
    pairing = pair_learners(facts.answers, facts.persons, facts.item_order, DEFAULT_CAP)
    names = {p.id: p.name for p in facts.persons}
    rank = {item: i for i, item in enumerate(facts.item_order)}

    def order(lines, unit, person):
        return sorted(lines, key=lambda x: (rank[x.item], *names_key(
            facts.tambons[unit(x)].name_th, names[person(x)])))  # fmt: skip

    return (
        order(pairing.pairs, lambda p: p.learner_unit, lambda p: p.learner),
        order(pairing.needs, lambda x: x.unit, lambda x: x.person),
        order(pairing.waiting, lambda x: x.unit, lambda x: x.person),
    )


def test_the_kept_pairing_is_pair_learners_in_the_page_s_order(app):
    round_id = _province(app, 150, 8, seed=31)
    with app.app_context():
        round_ = db.session.get(Round, round_id)
        store.compute(round_, None)
        db.session.commit()
        pairs, needs, waiting = _expected(round_)
        assert pairs and needs and waiting  # the round exercises all three
        kept = {kind: _kept(round_id, "all", kind) for kind in ("pair", "need", "waiting")}
        assert [(r.item, r.learner_id, r.teacher_id, r.current, r.target, r.teacher_current)
                for r in kept["pair"]] == [
            (p.item, p.learner, p.teacher, p.learner_current, p.learner_target,
             p.teacher_current) for p in pairs
        ]  # fmt: skip
        assert [(r.item, r.learner_id, r.current, r.target) for r in kept["need"]] == [
            (n.item, n.person, n.current, n.target) for n in needs
        ]
        assert [(r.item, r.learner_id, r.capable) for r in kept["waiting"]] == [
            (w.item, w.person, w.capable) for w in waiting
        ]
        result = db.session.get(PairingResult, (round_id, "all"))
        assert (result.pairs, result.needs, result.waiting) == (
            len(pairs),
            len(needs),
            len(waiting),
        )
        assert result.revision == round_.revision


@pytest.fixture
def in_request(app):
    app.config["PAIRING_IN_BACKGROUND"] = False
    return app


def test_needs_and_waiting_are_paged_like_the_pairs(in_request, client):
    round_id = _province(in_request, 500, 40, seed=32)
    sign_in(client, "admin")
    base = f"/rounds/{round_id}/pairs"
    first = client.get(base).text
    with in_request.app_context():
        needs, waiting = _kept(round_id, "all", "need"), _kept(round_id, "all", "waiting")
        assert len(needs) > 400 and len(waiting) > 200
        assert f"ต้องการวิทยากรจากภายนอก: {len(needs)}" in first
        second = client.get(f"{base}?needs_page=2&waiting_page=2").text
        # Page 2 starts at the 201st line: its item first, that learner first in its row.
        need_rows = table(second, "needs")[1:]
        assert need_rows[0][0] == needs[200].item
        assert need_rows[0][3].startswith(f"{needs[200].learner_name} (")
        assert sum(row[3].count(" → ") for row in need_rows) == 200
        assert table(second, "waiting")[1][:2] == [waiting[200].item, waiting[200].learner_name]
        # The learners column counts every need of the item, not only this page's.
        by_item = {item: sum(n.item == item for n in needs) for item in {n.item for n in needs}}
        assert all(row[2] == str(by_item[row[0]]) for row in need_rows)
    assert table(first, "waiting")[1][:2] == [waiting[0].item, waiting[0].learner_name]
    assert f'href="/rounds/{round_id}/pairs?needs_page=2"' in first
    for missing in ("needs_page=99", "waiting_page=0"):
        assert client.get(f"{base}?{missing}").status_code == 404, missing
    for odd in ("page=-1", "waiting_page=10000000000000", "needs_page=x"):  # not a page number
        response = client.get(f"{base}?{odd}")
        assert response.status_code == 400 and "จำนวนเต็ม" in response.text, odd


def test_a_new_answer_makes_the_page_recompute_in_the_request(in_request, as_admin, tiny):
    url = f"/rounds/{tiny.later}/pairs"
    before = as_admin.get(url).text
    assert re.search(r"คำนวณเมื่อ \d+ \S+ 25\d\d \d\d:\d\d", before)  # B.E., Thailand's time
    assert [r[1] for r in table(before, "pairs")[1:]] == ["สมศรี", "บุญมา", "บุญมา", "สมศรี"]
    with in_request.app_context():
        round_ = db.session.get(Round, tiny.later)
        revision = round_.revision
        codes = round_.instrument_version.instrument.item_codes
        record(round_, tiny.people["บุญมา"], [Mark(c, 2.0, 2.0) for c in codes], "again")
    after = as_admin.get(url).text
    assert [r[1] for r in table(after, "pairs")[1:]] == ["สมศรี", "สมศรี"]
    assert "กำลังคำนวณใหม่" not in after and "คำนวณเมื่อ" in after
    with in_request.app_context():
        assert db.session.get(PairingResult, (tiny.later, "all")).revision > revision


def test_a_coordinator_s_kept_pairing_names_only_their_tambons(as_bangchak, tiny, app):
    page = as_bangchak.get(f"/rounds/{tiny.later}/pairs").text
    for name in NOT_FOR_BANG_CHAK:
        assert name not in page
    key = store.scope_key({tiny.bang_chak})
    with app.app_context():
        lines = db.session.execute(
            select(PairingLine).where(PairingLine.scope_key == key)
        ).scalars().all()  # fmt: skip
        assert lines and {r.learner_tambon_id for r in lines} == {tiny.bang_chak}
        assert {r.teacher_tambon_id for r in lines} - {None} == {tiny.bang_chak}
        # Computed in the request whatever the setting: one tambon is small.
        result = db.session.get(PairingResult, (tiny.later, key))
        assert result.revision == db.session.get(Round, tiny.later).revision


def test_scope_keys_name_the_set_of_tambons():
    assert store.scope_key(None) == "all"
    assert store.scope_key([3, 1, 2]) == store.scope_key({1, 2, 3}) != store.scope_key({1, 2})
    assert len(store.scope_key({1})) == 64

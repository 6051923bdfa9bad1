"""A round read from the database as the scoring's plain facts, limited to visible tambons."""

from sqlalchemy import select

from app.extensions import db
from app.models import Round, Tambon
from app.round_facts import load_round_facts, unit_key


def _open_round():
    return db.session.execute(select(Round).filter_by(join_code="DEMO26")).scalar_one()


def test_facts_of_the_demo_round(app, demo):
    with app.app_context():
        facts = load_round_facts(_open_round())
        assert len(facts.tambons) == 3 and len(facts.persons) == 11
        assert len(facts.answers) == 9 * 12 and len(facts.respondents()) == 9
        assert facts.item_order[:3] == ("K1", "K2", "K3")
        s8 = facts.instrument.item("S8")
        assert facts.expected["S8"]["recording"] == s8.expected["recording"]
        assert all(a.target >= a.current for a in facts.answers)
        roles = {p.name: p.roles for p in facts.persons}
        assert roles["สมชาย ใจงามยิ่ง"] == {"meeting_process", "coordination"}


def test_facts_limited_to_one_tambon(app, demo):
    with app.app_context():
        bang_chak = db.session.execute(select(Tambon).filter_by(name_en="Bang Chak")).scalar_one()
        facts = load_round_facts(_open_round(), {bang_chak.id})
        assert list(facts.tambons) == [unit_key(bang_chak.id)]
        assert {p.unit for p in facts.persons} == {unit_key(bang_chak.id)}
        assert len(facts.persons) == 4 and len(facts.respondents()) == 3
        assert {a.unit for a in facts.answers} == {unit_key(bang_chak.id)}


def test_notes_are_kept_with_person_and_item(app, demo):
    with app.app_context():
        first = db.session.execute(select(Round).filter_by(join_code="DEMO25")).scalar_one()
        facts = load_round_facts(first)
        by_name = {p.id: p.name for p in facts.persons}
        notes = {(by_name[pid], item): text for (pid, item), text in facts.notes.items()}
        assert notes[("วิไลวรรณ ศรีสุขสวัสดิ์", "K2")].startswith("ยังไม่มั่นใจเรื่องงบทดลอง")

"""Look-alikes made elsewhere, and answers given in a tambon the coordinator does not look
after: what a coordinator may still do, and what they may not see or set aside."""

from sqlalchemy import select

from app.extensions import db
from app.models import Facilitator, FacilitatorChange, Response, Round
from app.ratings import record
from tests import builders
from tests.facilitators.roster_world import answers, sign_in

SUNEE = "นางสุนีย์ ทองประเสริฐ"


def test_a_look_alike_made_by_the_import_does_not_stop_other_edits(app, client, roster):
    """An import's "new" added สุนีย์ beside นางสุนีย์: each can still be edited (the check
    is for a new name or tambon only)."""
    with app.app_context():
        tambon = db.session.get(Facilitator, roster.people[SUNEE]).tambon
        twin = builders.facilitator(tambon, "สุนีย์ ทองประเสริฐ").id
        db.session.commit()
    sign_in(client, "local")
    data = {"name": SUNEE, "tambon": str(roster.bang_chak), "roles": ["recording"],
            "agency": "พช.", "team": "v"}  # fmt: skip
    assert client.post(f"/facilitators/{roster.people[SUNEE]}/edit", data=data).status_code == 302
    with app.app_context():
        assert db.session.get(Facilitator, roster.people[SUNEE]).team == "v"
    # Renaming onto another person's name is still refused.
    renamed = data | {"name": "นางเกศินี  ใจดี"}
    page = client.post(f"/facilitators/{twin}/edit", data=renamed)
    assert page.status_code == 200 and "รวมสองรายการ" in page.text


def _moved_after_answering(app, roster) -> tuple[int, int]:
    """สมชาย answered the open round in Tha Rai, then moved to Bang Chak; a twin of his is
    in Bang Chak and answered the open round too."""
    with app.app_context():
        somchai = db.session.get(Facilitator, roster.people["สมชาย ใจงามยิ่ง"])
        somchai.tambon_id = roster.bang_chak
        twin = builders.facilitator(somchai.tambon, "สมชาย ใจงามยิ่ง (ซ้ำ)")
        db.session.commit()
        record(db.session.get(Round, roster.open_round), twin.id, answers(roster.items, 1, 2), "t")
        return somchai.id, twin.id


def test_a_coordinator_sees_only_answers_given_in_their_tambons(app, client, roster):
    somchai, _ = _moved_after_answering(app, roster)
    sign_in(client, "local")
    page = client.get(f"/facilitators/{somchai}").text
    assert "รอบเปิด" not in page  # answered in Tha Rai, which "local" does not look after
    assert "ตอบอีก 1 รอบในตำบลที่ไม่ได้อยู่ในความรับผิดชอบของคุณ" in page
    admin = app.test_client()
    sign_in(admin, "admin")
    assert "รอบเปิด" in admin.get(f"/facilitators/{somchai}").text


def test_a_coordinator_cannot_set_aside_an_answer_given_elsewhere(app, client, roster):
    somchai, twin = _moved_after_answering(app, roster)
    sign_in(client, "local")
    data = {"other": str(somchai), f"round_{roster.open_round}": "kept"}
    page = client.post(f"/facilitators/{twin}/merge", data=data)
    assert "ให้ผู้ดูแลระบบรวมรายการให้" in page.text
    with app.app_context():
        responses = db.session.execute(
            select(Response.facilitator_id).filter_by(round_id=roster.open_round)
        ).scalars()
        assert {somchai, twin} <= set(responses)
        assert (
            db.session.execute(select(FacilitatorChange).filter_by(action="merge")).first() is None
        )

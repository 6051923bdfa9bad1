"""The upload page: a coordinator brings a workshop's answers into a round they manage."""

import io

from sqlalchemy import select

from app.extensions import db
from app.models import FacilitatorChange
from tests.tiny_round import sign_in
from tests.workshop.test_workshop_round_trip import (
    _answer_on_the_laptop,
    _carry_to_laptop,
    _export,
    responses,
)


def _upload(client, round_id: int, path, dry_run: bool = False):
    data = {"file": (io.BytesIO(path.read_bytes()), "answers.ftw")}
    if dry_run:
        data["dry_run"] = "y"
    return client.post(f"/rounds/{round_id}/workshop-import", data=data, follow_redirects=True)


def test_a_dry_run_reports_then_the_import_writes_and_a_second_one_changes_nothing(
    app, server, laptop, tmp_path
):
    _carry_to_laptop(app, laptop, tmp_path)
    _answer_on_the_laptop(laptop)
    answers = _export(laptop, tmp_path)
    client = app.test_client()
    sign_in(client, "admin")
    before = responses(app)
    page = _upload(client, server.later, answers, dry_run=True).text
    assert "เพิ่มคนในรายชื่อ 1 คน (นางดวงใจ มีสุข)" in page
    assert "ตรวจอย่างเดียว: ยังไม่ได้บันทึกอะไร" in page
    assert responses(app) == before
    page = _upload(client, server.later, answers).text
    assert "คำตอบเพิ่มใหม่ 2 คน แก้ไข 2 คน" in page
    after = responses(app)
    assert after[("นางดวงใจ มีสุข", "ท่าไร่")] == responses(laptop)[("นางดวงใจ มีสุข", "ท่าไร่")]
    with app.app_context():
        change = db.session.execute(select(FacilitatorChange)).scalar_one()
        assert (change.action, change.by, change.coordinator_id) == (
            "add",
            "workshop import",
            server.accounts["admin"],
        )
    page = _upload(client, server.later, answers).text
    assert "ไม่มีอะไรใหม่" in page
    assert responses(app) == after


def test_a_file_of_another_round_or_a_broken_file_is_refused(app, server, laptop, tmp_path):
    _carry_to_laptop(app, laptop, tmp_path)
    _answer_on_the_laptop(laptop)
    answers = _export(laptop, tmp_path)
    client = app.test_client()
    sign_in(client, "admin")
    before = responses(app)
    page = _upload(client, server.earlier, answers).text
    assert "ไฟล์นี้เป็นคำตอบของรอบอื่น" in page
    broken = tmp_path / "broken.ftw"
    broken.write_bytes(answers.read_bytes()[:40])
    page = _upload(client, server.later, broken).text
    assert "ไม่ได้นำเข้าอะไรเลย" in page
    assert responses(app) == before


def test_only_a_coordinator_who_manages_the_round_may_import(app, server, tmp_path):
    client = app.test_client()
    sign_in(client, "bangchak")  # sees the round (Bang Chak) but not Tha Rai: may not manage it
    assert client.get(f"/rounds/{server.later}/workshop-import").status_code == 403
    stranger = app.test_client()
    sign_in(stranger, "outsider")
    assert stranger.get(f"/rounds/{server.later}/workshop-import").status_code == 404

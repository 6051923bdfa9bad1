"""Faults during a submission, against gunicorn as in production: a worker killed before it
commits, a reply lost after the commit, the database briefly unavailable. After each, the
database holds either the whole old response or the whole new one, the phone is told which,
and sending the same submission again stores it exactly once."""

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Round
from app.ratings import derived_token
from tests import builders
from tests.conftest import make_app
from tests.gunicorn_server import SECRET_KEY, gunicorn_server
from tests.phone import Phone
from tests.reliability.workshop import Stored, answers, database_outage, stored

FAULT_APP = "tests.reliability.fault_app:app"
OLD = {(2.0, 3.0, "ก่อน")}
NEW = {(4.0, 5.0, "ใหม่")}


def _first_answer(phone: Phone, workshop, person: int) -> str:
    """Answer 2 → 3 everywhere from the roster's form; the personal link."""
    url = workshop.form_url(person)
    sent = phone.post(url, answers(2, 3, "ก่อน", **_hidden(phone, url)))
    assert sent.status == 303, sent.text
    return sent.location


def _hidden(phone: Phone, url: str) -> dict[str, str]:
    """The CSRF token of the form page (the submission id is the test's own)."""
    return {"csrf_token": phone.open_form(url)["csrf_token"]}


def _fault(kind: str, submission_id: str, tmp_path) -> dict[str, str]:
    return {"FAULT": kind, "FAULT_SUBMISSION": submission_id, "FAULT_ONCE": str(tmp_path / "x")}


@pytest.mark.parametrize("answered_before", [False, True], ids=["first", "change"])
def test_a_worker_killed_before_the_commit_leaves_the_old_response_whole(
    app, workshop, database_url, tmp_path, answered_before
):
    person = workshop.people[0]
    change = answers(4, 5, "ใหม่")
    env = _fault("before-commit", change["submission_id"], tmp_path)
    with gunicorn_server(database_url, FAULT_APP, workers=1, threads=2, env=env) as server:
        phone = Phone(server.base)
        link = _first_answer(phone, workshop, person) if answered_before else None
        url = f"{link}/edit" if link else workshop.form_url(person)
        change |= _hidden(phone, url)
        before = stored(app, workshop.round_id)

        with pytest.raises(OSError):  # the worker died: the connection closes without a reply
            phone.post(url, change)
        assert (tmp_path / "x").exists(), server.output()
        assert stored(app, workshop.round_id) == before  # nothing of the new answers
        if link:
            assert before[person].levels() == OLD
            assert "ก่อน" in phone.get(link).text  # the result page still shows the old answers

        again = phone.post(url, change)  # the phone sends the same submission again
        assert again.status == 303, server.output()
        saved = stored(app, workshop.round_id)[person]
        assert saved.levels() == NEW and len(saved.ratings) == 12
        assert saved.submissions[-1] == change["submission_id"]
        assert saved.revision == len(saved.submissions) == (2 if link else 1)
        message = "บันทึกการแก้ไขแล้ว" if link else "บันทึกคำตอบของคุณแล้ว"
        assert message in phone.get(again.location).text


def test_a_reply_lost_after_the_commit_is_answered_by_the_retry(
    app, workshop, database_url, tmp_path
):
    person = workshop.people[0]
    url = workshop.form_url(person)
    first = answers(4, 5, "ใหม่")
    env = _fault("after-commit", first["submission_id"], tmp_path)
    with gunicorn_server(database_url, FAULT_APP, workers=1, threads=2, env=env) as server:
        phone = Phone(server.base)
        first |= _hidden(phone, url)
        with pytest.raises(OSError):
            phone.post(url, first)
        assert (tmp_path / "x").exists(), server.output()
        committed = stored(app, workshop.round_id)
        assert committed[person].levels() == NEW and committed[person].revision == 1

        link = f"/r/{derived_token(SECRET_KEY, first['submission_id'])}"
        by_script = phone.post(url, first, as_script=True)
        assert (by_script.status, by_script.json()["saved"]) == (200, True)
        assert by_script.json()["url"] == link
        by_form = phone.post(url, first)
        assert (by_form.status, by_form.location) == (303, link)
        assert "บันทึกคำตอบของคุณแล้ว" in phone.get(link).text
        assert stored(app, workshop.round_id) == committed  # the retries stored nothing more


def test_a_database_outage_answers_503_and_keeps_the_old_response(app, workshop, database_url):
    person = workshop.people[0]
    env = {"SQLITE_BUSY_TIMEOUT": "1"}
    with gunicorn_server(database_url, workers=1, threads=2, env=env) as server:
        phone = Phone(server.base)
        link = _first_answer(phone, workshop, person)
        url = f"{link}/edit"
        change = answers(4, 5, "ใหม่", **_hidden(phone, url))
        before = stored(app, workshop.round_id)

        with database_outage(database_url):
            by_form = phone.post(url, change)
            by_script = phone.post(url, change, as_script=True)
            health = phone.get("/healthz")

        assert by_form.status == 503, server.output()
        assert "ยังไม่ได้บันทึกอะไร" in by_form.text
        assert "สิ่งที่บันทึกไว้ก่อนหน้านี้ยังอยู่ครบ" in by_form.text
        assert by_script.status == 503 and by_script.json()["saved"] is False
        assert "ยังไม่ได้บันทึก" in by_script.json()["message"]
        if not database_url.startswith("sqlite"):  # SQLite still reads during a write lock
            assert health.status == 503
        assert stored(app, workshop.round_id) == before
        assert before[person].levels() == OLD

        again = phone.post(url, change)
        assert (again.status, again.location) == (303, link)
        after = stored(app, workshop.round_id)[person]
        assert after == Stored(
            2, after.ratings, (*before[person].submissions, change["submission_id"])
        )
        assert after.levels() == NEW and len(after.ratings) == 12
        assert phone.get("/healthz").status == 200


def test_a_coordinator_during_an_outage_gets_503_and_the_round_stays_open(
    app, workshop, database_url
):
    with app.app_context():
        builders.coordinator("admin", admin=True)
        db.session.commit()
    waiting_briefly = make_app(database_url, SQLITE_BUSY_TIMEOUT=0.5)
    client = waiting_briefly.test_client()
    signed_in = client.post(
        "/signin", data={"username": "admin", "password": "correct horse battery"}
    )
    assert signed_in.status_code == 302
    try:
        with database_outage(database_url):
            closing = client.post(f"/rounds/{workshop.round_id}/close")
        assert closing.status_code == 503
        assert "ยังไม่ได้บันทึกอะไร" in closing.text
        assert closing.headers["Retry-After"] == "30"
        with app.app_context():
            assert db.session.scalar(select(Round.is_open).filter_by(id=workshop.round_id))
        assert client.post(f"/rounds/{workshop.round_id}/close").status_code == 302
    finally:
        with waiting_briefly.app_context():
            db.engine.dispose()

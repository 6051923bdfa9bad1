"""Every POST of the facilitator pages is CSRF-protected, and an expired page loses nothing."""

import uuid

from sqlalchemy import func, select

from app.extensions import db
from app.models import Facilitator, Response, ResponseRevision
from tests.assess_helpers import FACILITATOR, checked, filled, hidden, notes


def _count(app, model) -> int:
    with app.app_context():
        return db.session.execute(select(func.count()).select_from(model)).scalar()


def _answers(note="ตอบจากศาลาวัด") -> dict:
    return filled(FACILITATOR, "2", "4", note) | {"submission_id": str(uuid.uuid4())}


def test_the_form_without_a_token_stores_nothing(csrf_app, setting):
    client = csrf_app.test_client()
    response = client.post(setting.form_url("สุนีย์"), data=_answers())
    assert response.status_code == 400
    assert "กรุณากดส่งอีกครั้ง" in response.text
    assert _count(csrf_app, Response) == 0


def test_adding_oneself_without_a_token_adds_nobody_and_keeps_what_was_typed(csrf_app, setting):
    client = csrf_app.test_client()
    data = {"name": "วันดี ศรีสุข", "tambon": str(setting.tambons["บางจาก"]),
            "roles": "recording", "team": "v", "agency": "กศน."}  # fmt: skip
    before = _count(csrf_app, Facilitator)
    response = client.post("/j/ABC234/add", data=data)
    assert response.status_code == 400
    assert "หน้านี้หมดอายุแล้ว" in response.text and 'value="วันดี ศรีสุข"' in response.text
    assert _count(csrf_app, Facilitator) == before
    data["csrf_token"] = hidden(response.text, "csrf_token")
    assert client.post("/j/ABC234/add", data=data).status_code == 302


def _answered(csrf_app, setting) -> str:
    """Answer with a valid token; returns the personal link."""
    client = csrf_app.test_client()
    token = hidden(client.get(setting.form_url("สุนีย์")).text, "csrf_token")
    response = client.post(setting.form_url("สุนีย์"), data=_answers() | {"csrf_token": token})
    assert response.status_code == 303
    return response.headers["Location"]


def test_a_valid_token_is_accepted(csrf_app, setting):
    assert _answered(csrf_app, setting).startswith("/r/")
    assert _count(csrf_app, Response) == 1


def test_changing_answers_without_a_token_changes_nothing(csrf_app, setting):
    link = _answered(csrf_app, setting)
    response = csrf_app.test_client().post(link + "/edit", data=_answers("อื่น"))
    assert response.status_code == 400
    assert _count(csrf_app, ResponseRevision) == 1


def test_an_expired_page_shows_every_answer_again_with_a_fresh_token(csrf_app, setting):
    phone = csrf_app.test_client()
    stale = hidden(phone.get(setting.form_url("สุนีย์")).text, "csrf_token")
    restarted = csrf_app.test_client()  # the phone restarted: its session cookie is gone
    data = _answers() | {"csrf_token": stale, "S5-current": "3", "S5-target": "5"}
    response = restarted.post(setting.form_url("สุนีย์"), data=data)
    assert response.status_code == 400
    page = response.text
    assert "คำตอบของคุณยังอยู่ครบ แต่หน้านี้หมดอายุแล้ว กรุณากดส่งอีกครั้ง" in page
    assert checked(page) == {k: v for k, v in data.items() if k.endswith(("-current", "-target"))}
    assert set(notes(page).values()) == {"ตอบจากศาลาวัด"}
    assert _count(csrf_app, Response) == 0
    again = restarted.post(
        setting.form_url("สุนีย์"), data=data | {"csrf_token": hidden(page, "csrf_token")}
    )
    assert again.status_code == 303
    assert _count(csrf_app, Response) == 1


def test_the_script_gets_a_fresh_token_to_send_again(csrf_app, setting):
    restarted = csrf_app.test_client()
    json = {"Accept": "application/json"}
    data = _answers() | {"csrf_token": "expired"}
    first = restarted.post(setting.form_url("สุนีย์"), data=data, headers=json)
    assert first.status_code == 400 and first.json["csrf_token"]
    data["csrf_token"] = first.json["csrf_token"]
    second = restarted.post(setting.form_url("สุนีย์"), data=data, headers=json)
    assert second.json["saved"] is True
    assert _count(csrf_app, ResponseRevision) == 1


def test_a_retry_of_a_stored_submission_needs_no_fresh_token(csrf_app, setting):
    phone = csrf_app.test_client()
    token = hidden(phone.get(setting.form_url("สุนีย์")).text, "csrf_token")
    data = _answers() | {"csrf_token": token}
    first = phone.post(setting.form_url("สุนีย์"), data=data)
    retry = csrf_app.test_client().post(setting.form_url("สุนีย์"), data=data)
    assert retry.status_code == 303 and retry.headers["Location"] == first.headers["Location"]
    assert _count(csrf_app, ResponseRevision) == 1

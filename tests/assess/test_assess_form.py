"""The rating form: one card per item, every error next to its item, nothing lost or doubled."""

import re
import uuid

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Rating, Response, ResponseRevision, Round
from app.ratings import record
from tests import builders
from tests.assess_helpers import FACILITATOR, GROUP, checked, errors, filled, hidden, notes


def _counts(app) -> tuple[int, int, int]:
    with app.app_context():
        return tuple(
            db.session.execute(select(func.count()).select_from(m)).scalar()
            for m in (Response, Rating, ResponseRevision)
        )


def _post(client, url, data, sid=None, **kwargs):
    return client.post(url, data=data | {"submission_id": sid or str(uuid.uuid4())}, **kwargs)


def test_the_form_is_the_freedom_table_row_by_row_in_thai(client, setting):
    page = client.get(setting.form_url("สุนีย์")).text
    assert page.count('<fieldset class="item"') == 12
    assert page.count('<fieldset class="levels now"') == 12
    assert page.count('<fieldset class="levels goal"') == 12
    assert page.count('type="radio"') == 12 * 2 * 5
    for item in FACILITATOR.items:
        assert item.text.th in page
        # Each row of the freedom table once, described to both of its choices.
        for level in range(1, 6):
            assert page.count(item.indicator(level).th) == 1
            assert page.count(f'aria-describedby="{item.code}-{level}"') == 2
    assert '<legend>ปัจจุบัน<span class="visually-hidden"> — ระดับปัจจุบัน: ตอนนี้อยู่ตรงไหน' in page
    assert '<legend>เป้าหมาย<span class="visually-hidden"> — ระดับเป้าหมาย: อยากไปถึงตรงไหน' in page
    assert f"<b>3 {FACILITATOR.scale.name(3).th}</b>" in page
    assert "ทำแล้ว 0 จาก 12 หัวข้อ" in page
    assert 'value="2.5"' not in page  # whole levels only on this instrument
    assert re.fullmatch(r"[0-9a-f-]{36}", hidden(page, "submission_id"))


def test_the_form_in_english(client, setting):
    client.post("/lang", data={"lang": "en", "next": "/"})
    page = client.get(setting.form_url("สุนีย์")).text
    assert FACILITATOR.item("S4").indicator(2).en in page
    assert FACILITATOR.item("S4").indicator(2).th not in page
    assert "Current level: where am I now?" in page and "Done 0 of 12 items" in page
    assert "Send my answers" in page


def test_half_steps_appear_where_the_instrument_allows_them(client, group_setting):
    page = client.get(group_setting.form_url("สุนีย์")).text
    assert page.count('type="radio"') == len(GROUP.items) * 2 * 9
    assert "<b>2½</b> ระหว่างระดับ 2 กับ 3" in page
    assert 'value="4.5"' in page


def test_a_complete_form_stores_exactly_what_was_sent(app, client, setting):
    data = filled(FACILITATOR, "2", "3", **{"K1-current": "1", "K1-target": "5", "S9-current": "4",
                  "S9-target": "4", "K2-note": "ทำบัญชีกองทุนได้\r\nแต่ยังไม่คล่อง"})  # fmt: skip
    response = _post(client, setting.form_url("สุนีย์"), data)
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/r/")
    with app.app_context():
        stored = db.session.execute(select(Response)).scalar_one()
        got = {r.item_code: (r.current_level, r.target_level, r.note) for r in stored.ratings}
        assert stored.facilitator_id == setting.people["สุนีย์"]
    want = {code: (2.0, 3.0, "") for code in FACILITATOR.item_codes}
    want |= {"K1": (1.0, 5.0, ""), "S9": (4.0, 4.0, "")}
    want["K2"] = (2.0, 3.0, "ทำบัญชีกองทุนได้\nแต่ยังไม่คล่อง")
    assert got == want
    assert _counts(app) == (1, 12, 1)
    result = client.get(response.headers["Location"]).text
    assert "บันทึกคำตอบของคุณแล้ว" in result


def test_half_steps_are_stored_on_the_group_instrument(app, client, group_setting):
    data = filled(GROUP, "2.5", "3.5")
    assert _post(client, group_setting.form_url("สุนีย์"), data).status_code == 303
    with app.app_context():
        assert {r.current_level for r in db.session.execute(select(Rating)).scalars()} == {2.5}


INVALID = [
    ({"K3-current": None}, "K3-current", "กรุณาเลือกระดับปัจจุบัน"),
    ({"K3-target": None}, "K3-target", "กรุณาเลือกระดับเป้าหมาย"),
    ({"K3-current": "abc"}, "K3-current", "กรุณาเลือกระดับจากตัวเลือกที่มีให้"),
    ({"K3-current": "-1"}, "K3-current", "กรุณาเลือกระดับจากตัวเลือกที่มีให้"),
    ({"K3-target": "1e9"}, "K3-target", "กรุณาเลือกระดับจากตัวเลือกที่มีให้"),
    ({"K3-target": "6"}, "K3-target", "กรุณาเลือกระดับจากตัวเลือกที่มีให้"),
    ({"K3-current": "2.5"}, "K3-current", "กรุณาเลือกระดับจากตัวเลือกที่มีให้"),
    ({"K3-current": "4", "K3-target": "2"}, "K3-target", "ระดับเป้าหมายต้องไม่ต่ำกว่าระดับปัจจุบัน"),
    ({"K3-note": "ก" * 1001}, "K3-note", "หมายเหตุยาวเกินไป เขียนได้ไม่เกิน 1000 ตัวอักษร"),
]


@pytest.mark.parametrize(("change", "field", "message"), INVALID, ids=[i[1] for i in INVALID])
def test_a_rejected_form_says_why_next_to_the_item_and_keeps_everything(
    app, client, setting, change, field, message
):
    data = filled(FACILITATOR, "2", "4", note="หมายเหตุเดิม") | {"S5-current": "3"}
    data = {k: v for k, v in (data | change).items() if v is not None}
    response = _post(client, setting.form_url("สุนีย์"), data)
    assert response.status_code == 200
    page = response.text
    assert errors(page) == {field: message}
    assert f'aria-describedby="{field}-error"' in page
    sent = {k: v for k, v in data.items() if not k.endswith("-note")}
    # Every choice is shown as it was made; a value that is not a choice cannot be shown.
    assert checked(page) == {k: v for k, v in sent.items() if v in {"1", "2", "3", "4", "5"}}
    assert notes(page) == {k: v for k, v in data.items() if k.endswith("-note")}
    assert "มีคำตอบบางข้อต้องแก้ไข" in page
    assert _counts(app) == (0, 0, 0)


def test_several_errors_are_shown_at_once_with_the_progress_line(client, setting):
    data = filled(FACILITATOR)
    del data["K1-current"], data["S2-target"]
    page = _post(client, setting.form_url("สุนีย์"), data).text
    assert set(errors(page)) == {"K1-current", "S2-target"}
    assert "ทำแล้ว 10 จาก 12 หัวข้อ" in page


def test_a_note_at_the_limit_with_line_breaks_is_accepted(app, client, setting):
    note = ("ก" * 99 + "\r\n") * 10  # 1000 characters once a line break counts as one
    data = filled(FACILITATOR) | {"K1-note": note.rstrip()}
    assert _post(client, setting.form_url("สุนีย์"), data).status_code == 303


def test_a_replayed_submission_changes_nothing_and_answers_the_same(app, client, setting):
    sid = str(uuid.uuid4())
    first = _post(client, setting.form_url("สุนีย์"), filled(FACILITATOR, "2", "3"), sid)
    again = _post(client, setting.form_url("สุนีย์"), filled(FACILITATOR, "2", "3"), sid)
    assert (again.status_code, again.headers["Location"]) == (303, first.headers["Location"])
    other_phone = client.application.test_client()  # the first answer never reached the phone
    third = _post(other_phone, setting.form_url("สุนีย์"), filled(FACILITATOR, "2", "3"), sid)
    assert third.headers["Location"] == first.headers["Location"]
    assert _counts(app) == (1, 12, 1)
    page = client.get(first.headers["Location"]).text
    assert page.count("บันทึกคำตอบของคุณแล้ว") == 1  # said once, not once per retry


def test_a_replay_asked_for_by_the_script_gets_the_same_link(app, client, setting):
    sid = str(uuid.uuid4())
    first = _post(client, setting.form_url("สุนีย์"), filled(FACILITATOR), sid)
    json = {"Accept": "application/json"}
    again = _post(client, setting.form_url("สุนีย์"), filled(FACILITATOR), sid, headers=json)
    assert again.json == {"saved": True, "url": first.headers["Location"], "revision": 1}
    assert _counts(app) == (1, 12, 1)


def test_a_submission_id_of_someone_else_is_refused(app, client, setting):
    sid = str(uuid.uuid4())
    _post(client, setting.form_url("สุนีย์"), filled(FACILITATOR), sid)
    response = _post(client, setting.form_url("สมชาย"), filled(FACILITATOR), sid)
    assert response.status_code == 400
    assert "/r/" not in response.text
    assert _counts(app) == (1, 12, 1)


def test_the_script_gets_its_messages_as_json(client, setting):
    json = {"Accept": "application/json"}
    data = filled(FACILITATOR) | {"K2-target": "1"}
    rejected = _post(client, setting.form_url("สุนีย์"), data, headers=json)
    assert rejected.status_code == 422
    assert rejected.json["errors"] == {"K2": {"target": ["ระดับเป้าหมายต้องไม่ต่ำกว่าระดับปัจจุบัน"]}}
    saved = _post(client, setting.form_url("สุนีย์"), filled(FACILITATOR), headers=json)
    assert saved.json["saved"] is True and saved.json["url"].startswith("/r/")


def _answer(app, setting, name, note):
    with app.app_context():
        round_ = db.session.get(Round, setting.round_id)
        answers = builders.answers(FACILITATOR, 3, 4, note=note)
        return record(round_, setting.people[name], answers, str(uuid.uuid4()))


def test_picking_a_name_that_has_answered_shows_no_answers(app, client, setting):
    _answer(app, setting, "สุนีย์", "บันทึกลับของสุนีย์")
    page = client.get(setting.form_url("สุนีย์")).text
    assert "สุนีย์ ส่งคำตอบแล้ว" in page
    assert "ลิงก์ส่วนตัว" in page and "ผู้ประสานงานโครงการ" in page
    assert "บันทึกลับของสุนีย์" not in page and 'type="radio"' not in page


def test_a_name_that_has_answered_cannot_be_answered_again_from_the_roster(app, client, setting):
    _answer(app, setting, "สุนีย์", "เดิม")
    response = _post(client, setting.form_url("สุนีย์"), filled(FACILITATOR, "1", "1"))
    assert response.status_code == 409 and "สุนีย์ ส่งคำตอบแล้ว" in response.text
    with app.app_context():
        assert {r.current_level for r in db.session.execute(select(Rating)).scalars()} == {3.0}
    assert _counts(app) == (1, 12, 1)


def test_a_closed_round_refuses_the_form_and_every_post(app, client, setting):
    with app.app_context():
        db.session.get(Round, setting.round_id).is_open = False
        db.session.commit()
    page = client.get(setting.form_url("สุนีย์")).text
    assert "รอบการประเมินนี้ปิดแล้ว" in page and 'type="radio"' not in page
    response = _post(client, setting.form_url("สุนีย์"), filled(FACILITATOR))
    assert response.status_code == 409 and "รอบการประเมินนี้ปิดแล้ว" in response.text
    assert _counts(app) == (0, 0, 0)


def test_someone_outside_the_round_has_no_form(client, setting):
    assert client.get(f"/j/ABC234/f/{setting.outsider}").status_code == 404
    assert client.get("/j/ABC234/f/999999").status_code == 404


def test_a_retry_arriving_after_the_round_closed_still_answers_as_the_first(app, client, setting):
    sid = str(uuid.uuid4())
    first = _post(client, setting.form_url("สุนีย์"), filled(FACILITATOR), sid)
    with app.app_context():
        db.session.get(Round, setting.round_id).is_open = False
        db.session.commit()
    retry = _post(client, setting.form_url("สุนีย์"), filled(FACILITATOR), sid)
    assert (retry.status_code, retry.headers["Location"]) == (303, first.headers["Location"])
    assert _counts(app) == (1, 12, 1)


def test_a_retry_whose_link_cannot_be_made_again_still_says_saved(app, client, setting):
    sid = str(uuid.uuid4())
    with app.app_context():  # stored with a random token, as after a change of SECRET_KEY
        record(db.session.get(Round, setting.round_id), setting.people["สุนีย์"],
               builders.answers(FACILITATOR), sid)  # fmt: skip
    page = _post(client, setting.form_url("สุนีย์"), filled(FACILITATOR), sid)
    assert page.status_code == 200 and "/r/" not in page.text
    assert "บันทึกคำตอบแล้ว" in page.text and "ลิงก์ส่วนตัวแสดงไว้ตอนที่ส่งคำตอบครั้งแรก" in page.text
    json = _post(client, setting.form_url("สุนีย์"), filled(FACILITATOR), sid,
                 headers={"Accept": "application/json"})  # fmt: skip
    assert json.json["saved"] is True and json.json["url"] is None
    assert _counts(app) == (1, 12, 1)


def test_the_language_switch_sends_the_form_back_in_english_storing_nothing(app, client, setting):
    data = filled(FACILITATOR, "2", "4", note="หมายเหตุเดิม")
    del data["S9-target"]
    response = _post(client, setting.form_url("สุนีย์"), data | {"switch_lang": "en"})
    assert response.status_code == 200
    page = response.text
    assert '<html lang="en">' in page and "Send my answers" in page
    sent = {k: v for k, v in data.items() if not k.endswith("-note")}
    assert checked(page) == sent
    assert notes(page) == {k: v for k, v in data.items() if k.endswith("-note")}
    assert errors(page) == {}
    assert _counts(app) == (0, 0, 0)
    assert "lang=en" in response.headers["Set-Cookie"]
    # A language the app does not have changes nothing.
    odd = _post(client, setting.form_url("สุนีย์"), data | {"switch_lang": "xx"})
    assert odd.status_code == 200 and '<html lang="en">' in odd.text


def test_the_language_switch_says_when_the_round_closed_or_the_name_has_answered(
    app, client, setting
):
    data = filled(FACILITATOR, "2", "4")
    assert _post(client, setting.form_url("สุนีย์"), data).status_code == 303
    answered = _post(client, setting.form_url("สุนีย์"), data | {"switch_lang": "en"})
    assert answered.status_code == 409 and 'name="K1-current"' not in answered.text
    with app.app_context():
        db.session.get(Round, setting.round_id).is_open = False
        db.session.commit()
    closed = _post(client, setting.form_url("ประเสริฐ"), data | {"switch_lang": "en"})
    assert closed.status_code == 409 and 'name="K1-current"' not in closed.text


def test_switching_an_untouched_form_gives_the_other_language_s_cards(client, setting):
    thai = client.get(setting.form_url("สุนีย์")).text  # the Thai cards are kept now
    assert FACILITATOR.item("S4").indicator(2).th in thai
    sid = hidden(thai, "submission_id")
    page = _post(client, setting.form_url("สุนีย์"), {"switch_lang": "en"}, sid=sid).text
    assert FACILITATOR.item("S4").indicator(2).en in page
    assert FACILITATOR.item("S4").indicator(2).th not in page

"""Hostile input: markup, SQL fragments, long and non-Thai text, invalid UTF-8 and NUL bytes,
levels that are not levels, missing, repeated and unknown fields, submission ids that are not
ids or are someone else's. Never a server error (the test app lets any exception through, so
one fails the test); a clear message in the visitor's language; nothing written in part; and
stored text comes back as text wherever it is shown."""

import csv
import io
import uuid

import pytest
from markupsafe import escape
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from app.extensions import db
from app.models import Facilitator, Response
from app.names import clean_name
from tests.assess_helpers import FACILITATOR as INSTRUMENT
from tests.assess_helpers import checked, errors, filled, hidden
from tests.security.security_pages import inline_code
from tests.security.security_world import (
    DEMO_CODE,
    FACILITATOR,
    OTHER_FACILITATOR,
    UNANSWERED,
    sign_in,
)
from tests.security.test_security_csrf import snapshot

CHOOSE_A_SHOWN_LEVEL = "กรุณาเลือกระดับจากตัวเลือกที่มีให้"
CHOOSE_CURRENT = "กรุณาเลือกระดับปัจจุบัน"
TWO_VALUES = "ข้อนี้ส่งมาสองคำตอบที่ไม่ตรงกัน กรุณาเลือกใหม่อีกครั้ง"
TARGET_BELOW = "ระดับเป้าหมายต้องไม่ต่ำกว่าระดับปัจจุบัน"
NOTE_TOO_LONG = "หมายเหตุยาวเกินไป เขียนได้ไม่เกิน 1000 ตัวอักษร"
INCOMPLETE = "แบบประเมินที่ส่งมาไม่ครบ กรุณากดส่งอีกครั้ง"
NOT_UNDERSTOOD = "ระบบไม่เข้าใจคำขอนี้ กรุณากลับไปแล้วลองใหม่"
NOT_FOUND = "ไม่พบหน้านี้"
SCRIPT = "<script>alert('x')</script>"
# Text from anyone, in any script: markup, SQL, Arabic, emoji with joiners, bidi marks.
HOSTILE_TEXTS = {
    "markup": f'{SCRIPT}<img src=x onerror="alert(1)"><b style="color:red">ตัวหนา</b>',
    "sql": "'; DROP TABLE rating; -- \" OR 1=1 --",
    "arabic": "مرحبا بالعالم، هذه ملاحظة",
    "emoji": "ชาวนา 👩🏽‍🌾 ครอบครัว 👨‍👩‍👧‍👦 ธง 🇹🇭",
    "bidi": "\u202eเรียงกลับ\u202c \u200fอาลี\u200f \u2066แยก\u2069",
    "zero width": "คุณ\u200bอำนวย\u200d\u200c\ufeffจ้ะ",
    "formula": '=HYPERLINK("http://example.invalid","คลิก")',
    "thai, full length": "ก" * 1000,
}


def _rating_url(world) -> str:
    return f"/j/{DEMO_CODE}/f/{world.people[UNANSWERED].id}"


def _edit_url(world) -> str:
    return f"/r/{world.tokens[FACILITATOR]}/edit"


def _form(**fields) -> dict:
    return filled(INSTRUMENT, "2", "3", submission_id=str(uuid.uuid4())) | fields


def _stored(app, name: str) -> dict[str, tuple]:
    """The person's ratings in DEMO26: item -> (current, target, note)."""
    with app.app_context():
        person = db.session.execute(select(Facilitator).filter_by(name=name)).scalar_one()
        query = select(Response).filter_by(facilitator_id=person.id)
        responses = db.session.execute(query).scalars().all()
        ratings = [r for rs in responses if rs.round.join_code == DEMO_CODE for r in rs.ratings]
        return {r.item_code: (r.current_level, r.target_level, r.note) for r in ratings}


# --- levels, missing, repeated and unknown fields -------------------------------------------

JUNK_LEVELS = ["-1", "0", "6", "3.7", "2.5", "1e9", "NaN", "nan", "inf", "-inf", " 3", "3 ",
               "３", "๓", "3.0", "0x3", "abc", "'; DROP TABLE rating; --", SCRIPT,
               "3" * 5000]  # fmt: skip


@pytest.mark.parametrize("level", JUNK_LEVELS, ids=lambda v: repr(v)[:20])
def test_a_level_not_on_the_scale_is_refused_next_to_its_item(world_app, world, level):
    before = snapshot(world_app)
    sent = _form(**{"K1-current": level})
    response = world_app.test_client().post(_rating_url(world), data=sent)
    assert response.status_code == 200
    assert errors(response.text) == {"K1-current": CHOOSE_A_SHOWN_LEVEL}
    levels = {k: v for k, v in sent.items() if k.endswith(("current", "target"))}
    del levels["K1-current"]
    assert checked(response.text) == levels  # everything else still chosen
    assert inline_code(response.text) == []
    assert snapshot(world_app) == before


def test_the_script_gets_the_same_messages_as_json(world_app, world):
    before = snapshot(world_app)
    sent = _form(**{"K1-current": "NaN", "S2-target": "1", "S2-current": "4"})
    response = world_app.test_client().post(
        _rating_url(world), data=sent, headers={"Accept": "application/json"}
    )
    assert response.status_code == 422
    assert response.json["errors"] == {
        "K1": {"current": [CHOOSE_A_SHOWN_LEVEL]},
        "S2": {"target": [TARGET_BELOW]},
    }
    assert snapshot(world_app) == before


@pytest.mark.parametrize(
    ("drop", "expected"),
    [
        (["K1-current"], {"K1-current": CHOOSE_CURRENT}),
        (["K1-current", "K1-target", "K1-note"],
         {"K1-current": CHOOSE_CURRENT, "K1-target": "กรุณาเลือกระดับเป้าหมาย"}),
        ([f"{c}-{f}" for c in INSTRUMENT.item_codes for f in ("current", "target", "note")],
         {f"{c}-{f}": m for c in INSTRUMENT.item_codes
          for f, m in (("current", CHOOSE_CURRENT), ("target", "กรุณาเลือกระดับเป้าหมาย"))}),
    ],
    ids=["one level", "one item", "every item"],
)  # fmt: skip
def test_missing_fields_are_named_and_nothing_is_stored(world_app, world, drop, expected):
    before = snapshot(world_app)
    sent = {k: v for k, v in _form().items() if k not in drop}
    response = world_app.test_client().post(_rating_url(world), data=sent)
    assert response.status_code == 200
    assert errors(response.text) == expected
    assert snapshot(world_app) == before


@pytest.mark.parametrize("data", [{}, {"csrf_token": "x"}, {"submit": "1"}], ids=repr)
def test_an_empty_post_is_refused_with_messages(world_app, world, data):
    before = snapshot(world_app)
    response = world_app.test_client().post(_rating_url(world), data=data)
    assert response.status_code == 200
    assert len(errors(response.text)) == 2 * len(INSTRUMENT.items)
    assert uuid.UUID(hidden(response.text, "submission_id")).version == 4  # a fresh id
    assert snapshot(world_app) == before


def test_missing_notes_are_no_notes(world_app, world):
    sent = {k: v for k, v in _form().items() if not k.endswith("-note")}
    response = world_app.test_client().post(_edit_url(world), data=sent)
    assert response.status_code == 303
    assert set(_stored(world_app, FACILITATOR).values()) == {(2.0, 3.0, "")}


@pytest.mark.parametrize(
    ("field", "values", "error_field"),
    [("K1-current", ["2", "4"], "K1-current"), ("K1-target", ["3", "5"], "K1-target"),
     ("K1-note", ["หนึ่ง", "สอง"], "K1-note")],
)  # fmt: skip
def test_a_field_sent_twice_with_different_values_is_refused(world_app, world, field, values,
                                                             error_field):  # fmt: skip
    before = snapshot(world_app)
    sent = MultiDict(list(_form().items()))
    sent.setlist(field, values)
    response = world_app.test_client().post(_rating_url(world), data=sent)
    assert response.status_code == 200
    assert errors(response.text) == {error_field: TWO_VALUES}
    assert snapshot(world_app) == before


def test_a_field_sent_twice_with_the_same_value_is_that_value(world_app, world):
    sent = MultiDict(list(_form(**{"K1-target": "5"}).items()))
    sent.setlist("K1-target", ["5", "5"])
    response = world_app.test_client().post(_edit_url(world), data=sent)
    assert response.status_code == 303
    assert _stored(world_app, FACILITATOR)["K1"] == (2.0, 5.0, "")


def test_unknown_items_and_fields_are_ignored(world_app, world):
    other = str(world.people[OTHER_FACILITATOR].id)
    sent = _form(**{"X9-current": "3", "X9-target": "4", "X9-note": "?", "K1-extra": "1",
                    "response_id": "1", "facilitator_id": other})  # fmt: skip
    response = world_app.test_client().post(_edit_url(world), data=sent)
    assert response.status_code == 303
    stored = _stored(world_app, FACILITATOR)
    assert sorted(stored) == sorted(INSTRUMENT.item_codes)
    assert _stored(world_app, OTHER_FACILITATOR)["K1"] == (4.0, 5.0, "บันทึกอับดุลลับB7")


# --- submission ids ---------------------------------------------------------------------------

BAD_IDS = ["", "abc", "'; DROP TABLE response_revision; --", str(uuid.uuid4()).upper(),
           str(uuid.uuid1()), str(uuid.uuid4()) + "0", "x" * 5000, SCRIPT]  # fmt: skip


@pytest.mark.parametrize("submission_id", BAD_IDS, ids=lambda v: repr(v)[:20])
def test_a_submission_id_that_is_no_id_asks_to_send_again_with_a_fresh_one(
    world_app, world, submission_id
):
    before = snapshot(world_app)
    client = world_app.test_client()
    response = client.post(_rating_url(world), data=_form(submission_id=submission_id))
    assert response.status_code == 200
    assert INCOMPLETE in response.text
    assert snapshot(world_app) == before
    fresh = hidden(response.text, "submission_id")
    assert fresh != submission_id and str(uuid.UUID(fresh)) == fresh


def test_someone_else_s_submission_id_is_refused_without_saying_whose(world_app, world):
    before = snapshot(world_app)
    theirs = world.submissions[OTHER_FACILITATOR]
    client = world_app.test_client()
    for url in (_edit_url(world), _rating_url(world)):
        response = client.post(url, data=_form(submission_id=theirs))
        assert response.status_code == 400
        assert NOT_UNDERSTOOD in response.text
        assert OTHER_FACILITATOR.split()[0] not in response.text
        assert world.tokens[OTHER_FACILITATOR] not in response.text
    assert snapshot(world_app) == before


# --- text: stored as sent, shown as text ------------------------------------------------------


@pytest.mark.parametrize("text", list(HOSTILE_TEXTS.values()), ids=list(HOSTILE_TEXTS))
def test_a_hostile_note_is_stored_exactly_and_shown_as_text(world_app, world, text):
    response = world_app.test_client().post(_edit_url(world), data=_form(**{"K1-note": text}))
    assert response.status_code == 303
    assert _stored(world_app, FACILITATOR)["K1"] == (2.0, 3.0, text)
    page = world_app.test_client().get(response.headers["Location"]).text
    assert escape(text) in page and inline_code(page) == []
    if "<" in text:
        assert SCRIPT not in page
    coordinator = world_app.test_client()
    sign_in(coordinator, "bangchak")
    export = coordinator.get(f"/rounds/{world.rounds['demo']}/exports/ratings.csv").text
    rows = csv.DictReader(io.StringIO(export.removeprefix("\ufeff"), newline=""))
    (row,) = [r for r in rows if (r["facilitator"], r["item_code"]) == (FACILITATOR, "K1")]
    assert row["note"] == ("'" + text if text.startswith("=") else text)  # formulas neutralised


def test_a_note_one_character_too_long_is_refused(world_app, world):
    before = snapshot(world_app)
    sent = _form(**{"K1-note": "ก" * 1001})
    response = world_app.test_client().post(_edit_url(world), data=sent)
    assert response.status_code == 200
    assert errors(response.text) == {"K1-note": NOTE_TOO_LONG}
    assert snapshot(world_app) == before


@pytest.mark.parametrize("name", list(HOSTILE_TEXTS.values())[:-1], ids=list(HOSTILE_TEXTS)[:-1])
def test_a_hostile_name_added_by_oneself_shows_as_text_everywhere(world_app, world, name):
    client = world_app.test_client()
    added = client.post(f"/j/{DEMO_CODE}/add", data={"name": name, "roles": "recording",
                        "tambon": str(world.tambons["bangchak"]), "team": "u"})  # fmt: skip
    assert added.status_code == 302
    # A gap of 2 on every item: the name shows in the gap table and among the learners.
    answered = client.post(added.headers["Location"], data=_form(**_levels("1", "3")))
    assert answered.status_code == 303
    coordinator = world_app.test_client()
    sign_in(coordinator, "bangchak")
    # As the identity rule keeps a name: invisible characters (not an emoji's joiners) dropped.
    shown = escape(clean_name(name))
    base = f"/rounds/{world.rounds['demo']}"
    for url in (f"/j/{DEMO_CODE}", added.headers["Location"], f"{base}/gaps", f"{base}/pairs",
                f"{base}/river?units=people", f"{base}/stairs?units=people"):  # fmt: skip
        page = (client if url.startswith("/j/") else coordinator).get(url).text
        assert shown in page, url
        assert SCRIPT not in page and inline_code(page) == [], url


def _levels(current: str, target: str) -> dict:
    return filled(INSTRUMENT, current, target)


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "กรุณาเขียนชื่อของคุณ"), (" \u200b ", "กรุณาเขียนชื่อของคุณ"),
     ("ก" * 201, "ไม่เกิน 200 ตัวอักษร")],
    ids=["empty", "blank", "too long"],
)  # fmt: skip
def test_a_name_that_is_no_name_is_refused(world_app, world, name, message):
    before = snapshot(world_app)
    data = {"name": name, "roles": "recording", "tambon": str(world.tambons["bangchak"]),
            "team": "u"}  # fmt: skip
    response = world_app.test_client().post(f"/j/{DEMO_CODE}/add", data=data)
    assert response.status_code == 200
    assert errors(response.text)["name"] == message
    assert snapshot(world_app) == before


# --- roster import, admin forms, sign-in -------------------------------------------------------


def _roster_file(*names: str) -> dict:
    lines = ["province,district,tambon,name,roles,agency,team"]
    for name in names:
        quoted = '"' + name.replace('"', '""') + '"'
        lines.append(f"นครศรีธรรมราช,เมืองนครศรีธรรมราช,บางจาก,{quoted},บันทึก,{quoted},u")
    return {"file": (io.BytesIO("\r\n".join(lines).encode()), "roster.csv")}


def test_hostile_names_in_a_roster_file_are_imported_as_text(world_app, world):
    names = [" ".join(t.split())[:200] for t in list(HOSTILE_TEXTS.values())[:-1]]
    coordinator = world_app.test_client()
    sign_in(coordinator, "bangchak")
    response = coordinator.post("/roster/import", data=_roster_file(*names))
    assert response.status_code == 302
    with world_app.app_context():
        stored = set(db.session.execute(select(Facilitator.name)).scalars())
    # Stored as the identity rule cleans them (invisible characters out); the formula too,
    # as the literal text.
    kept = {clean_name(name) for name in names}
    assert kept <= stored
    roster = world_app.test_client().get(f"/j/{DEMO_CODE}").text
    for name in kept:
        assert escape(name) in roster
    assert SCRIPT not in roster and inline_code(roster) == []


HEADER = "จังหวัด,อำเภอ,ตำบล,ชื่อ,บทบาท,หน่วยงาน,ทีม\r\n"
LONG_NAME = HEADER + "นครศรีธรรมราช,เมืองนครศรีธรรมราช,บางจาก," + "ก" * 201 + ",บันทึก,,u\r\n"
UNREADABLE = {
    "invalid UTF-8 and NUL": (HEADER.encode() + b"\xff\xfe,\x00,x,y,z,,u\r\n", "UTF-8"),
    "UTF-16": (HEADER.encode("utf-16"), "UTF-8"),
    "name too long": (LONG_NAME.encode(), "ยาวเกิน 200 ตัวอักษร"),
}


@pytest.mark.parametrize(("body", "message"), UNREADABLE.values(), ids=list(UNREADABLE))
def test_a_roster_file_that_cannot_be_read_is_refused_whole(world_app, world, body, message):
    coordinator = world_app.test_client()
    sign_in(coordinator, "bangchak")
    before = snapshot(world_app)
    upload = {"file": (io.BytesIO(body), "roster.csv")}
    response = coordinator.post("/roster/import", data=upload)
    assert response.status_code == 200
    assert message in response.text and "ยังไม่ได้นำเข้าข้อมูลใดเลย" in response.text
    assert snapshot(world_app) == before


def test_hostile_text_in_admin_forms_shows_as_text(world_app, world):
    admin = world_app.test_client()
    sign_in(admin, "admin")
    markup = HOSTILE_TEXTS["markup"][:100]
    tambon = {"province_th": markup, "district_th": HOSTILE_TEXTS["sql"], "tambon_th": SCRIPT,
              "tambon_en": HOSTILE_TEXTS["bidi"]}  # fmt: skip
    assert admin.post("/admin/tambons", data=tambon).status_code == 302
    account = {"username": "hostile", "display_name": markup, "password": "long password here",
               "confirm": "long password here", "is_admin": "y"}  # fmt: skip
    assert admin.post("/admin/accounts/new", data=account).status_code == 302
    new_round = {"name": markup, "held_on": "2026-12-01", "date_confirmed": "y",
                 "instrument": "facilitator-competency",
                 "tambons": str(world.tambons["bangchak"])}  # fmt: skip
    opened = admin.post("/rounds/new", data=new_round)
    assert opened.status_code == 302
    for url in ("/admin/tambons", "/admin/accounts", "/rounds", opened.headers["Location"],
                "/rounds/new", "/roster/import"):  # fmt: skip
        page = admin.get(url).text
        assert SCRIPT not in page and inline_code(page) == [], url
    assert escape(markup) in admin.get("/admin/accounts").text
    assert escape(markup) in admin.get("/rounds").text


@pytest.mark.parametrize(
    ("data", "messages"),
    [({"username": "", "password": ""}, {"username": "กรุณาใส่ชื่อผู้ใช้",
                                          "password": "กรุณาใส่รหัสผ่าน"}),
     ({"username": "ก" * 81, "password": "x"}, {"username": "ไม่เกิน 80 ตัวอักษร"}),
     ({"username": "admin' --", "password": "' OR '1'='1"}, {})],
    ids=["empty", "too long", "sql"],
)  # fmt: skip
def test_sign_in_answers_in_thai(world_app, world, data, messages):
    response = world_app.test_client().post("/signin", data=data)
    assert response.status_code == 200
    assert errors(response.text) == messages
    if not messages:
        assert "ชื่อผู้ใช้และรหัสผ่านนี้ไม่ตรงกับบัญชีใด" in response.text


# --- bytes that are not text, numbers that are not ids ----------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/j/%FF%FE", "/j/%C3%28", "/r/%FF", "/r/%ED%A0%80", "/instruments/%FF",
     "/join?code=%FF%FE", "/join?code=" + "%E0%B8" * 3, "/rounds/1/gaps?rows=%FF"],
)  # fmt: skip
def test_invalid_utf8_in_the_url_is_not_found_not_an_error(world_app, world, path):
    client = world_app.test_client()
    sign_in(client, "admin")
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert inline_code(response.text) == []


def test_raw_bytes_in_the_path_are_not_found(world_app, world):
    raw = {"PATH_INFO": "/j/\xff\xfe\x80"}  # bytes as WSGI passes them: latin-1
    response = world_app.test_client().get("/", environ_overrides=raw)
    assert response.status_code == 404 and NOT_FOUND in response.text


def test_raw_bytes_in_the_query_are_read_as_if_percent_encoded(world_app, world):
    raw = {"PATH_INFO": "/join", "QUERY_STRING": "code=\xff\xfe&x=\xe0\xb8\x81"}
    response = world_app.test_client().get("/", environ_overrides=raw)
    assert response.status_code == 404 and "%FF%FE" in response.text  # the code as typed
    admin = world_app.test_client()
    sign_in(admin, "admin")
    raw = {"PATH_INFO": f"/rounds/{world.rounds['demo']}/gaps", "QUERY_STRING": "rows=\xff"}
    assert admin.get("/", environ_overrides=raw).status_code == 200


def test_percent_encoded_bytes_that_are_not_utf8_stay_as_written(world_app, world):
    sent = "&".join(f"{k}={v}" for k, v in _form().items() if k != "K1-note")
    body = sent.encode() + b"&K1-note=%FF%FE+x%C3%28ok+%E0%B8%81"
    response = world_app.test_client().post(
        _edit_url(world), data=body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 303
    assert _stored(world_app, FACILITATOR)["K1"][2] == "%FF%FE x%C3(ok ก"


def test_a_body_of_raw_bytes_that_are_not_utf8_stores_nothing(world_app, world):
    """Werkzeug reads such a form as empty: every item asks for its levels again."""
    before = snapshot(world_app)
    sent = "&".join(f"{k}={v}" for k, v in _form().items())
    body = sent.encode() + b"&K1-note=\xff\xc3\x28"
    response = world_app.test_client().post(
        _rating_url(world), data=body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert len(errors(response.text)) == 2 * len(INSTRUMENT.items)
    assert snapshot(world_app) == before


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [("GET", "/j/%00", None), ("GET", "/instruments/facilitator-competency%00", None),
     ("GET", "/join?code=DEMO%0026", None),
     ("POST", "/signin", {"username": "a\x00", "password": "x"}),
     ("POST", f"/j/{DEMO_CODE}/add", {"name": "ชื่อ\x00", "roles": "recording", "team": "u"}),
     ("POST", "rating", {"K1-note": "หมายเหตุ\x00"})],
    ids=["path", "path of a page", "query", "sign-in", "self-add", "note"],
)  # fmt: skip
def test_a_nul_character_is_refused_whole(world_app, world, method, url, data):
    """PostgreSQL cannot store NUL in text: refused the same on every database."""
    before = snapshot(world_app)
    if url == "rating":
        url, data = _rating_url(world), _form(**data)
    response = world_app.test_client().open(url, method=method, data=data)
    assert response.status_code == 400
    assert NOT_UNDERSTOOD in response.text
    assert snapshot(world_app) == before


@pytest.mark.parametrize(
    "url",
    ["/rounds/99999999999999999999", "/rounds/2147483648/gaps", "/admin/accounts/" + "9" * 30,
     "/j/DEMO26/f/99999999999999999999", "/instruments/facilitator-competency/r99999999999999999"],
)  # fmt: skip
def test_a_number_no_table_can_hold_is_not_found(world_app, world, url):
    admin = world_app.test_client()
    sign_in(admin, "admin")
    response = admin.get(url.format(demo=world.rounds["demo"]))
    assert response.status_code == 404
    assert NOT_FOUND in response.text


@pytest.mark.parametrize(
    ("url", "name"),
    [("/rounds/{demo}/progress?from=99999999999999999999", "from"),
     ("/rounds/{demo}/progress?from=-5", "from"),
     ("/rounds/{demo}/gaps?tambon=99999999999999999999", "tambon"),
     ("/rounds/{demo}/radar?page=99999999999999", "page"),
     ("/rounds/{demo}/charts/radar.png?tambon=-99999999999999999999", "tambon")],
)  # fmt: skip
def test_a_query_number_no_table_can_hold_is_a_400_naming_it(world_app, world, url, name):
    """In the path a number is part of the address (404); in the query it is a mistake."""
    admin = world_app.test_client()
    sign_in(admin, "admin")
    response = admin.get(url.format(demo=world.rounds["demo"]))
    assert response.status_code == 400
    assert f"ค่า “{name}” ในที่อยู่ของหน้านี้ต้องเป็นจำนวนเต็ม" in response.text

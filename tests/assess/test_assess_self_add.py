"""A facilitator missing from the roster adds themselves, then goes straight to their form."""

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Facilitator, Round
from tests.assess_helpers import errors


def _valid(setting, **changes) -> dict:
    data = {
        "name": "  วันดี   ศรีสุข ",
        "tambon": str(setting.tambons["ท่าไร่"]),
        "roles": ["recording", "coordination"],
        "agency": "กองทุนหมู่บ้าน หมู่ที่ 3",
        "team": "v",
    }
    return {key: value for key, value in (data | changes).items() if value is not None}


def _count(app) -> int:
    with app.app_context():
        return db.session.execute(select(func.count(Facilitator.id))).scalar()


def test_the_form_offers_only_the_round_tambons(client, setting):
    page = client.get("/j/ABC234/add").text
    assert f'<option value="{setting.tambons["บางจาก"]}">บางจาก</option>' in page
    assert f'<option value="{setting.tambons["ท่าไร่"]}">ท่าไร่</option>' in page
    assert "ปากพูน" not in page
    for label in ("ประสานงาน", "นำกระบวนการประชุม", "บันทึก", "ชื่อและนามสกุล", "หน่วยงาน"):
        assert label in page


def test_adding_oneself_stores_the_facilitator_and_opens_their_form(app, client, setting):
    response = client.post("/j/ABC234/add", data=_valid(setting))
    assert response.status_code == 302
    with app.app_context():
        person = db.session.execute(select(Facilitator).filter_by(name="วันดี ศรีสุข")).scalar_one()
        assert person.tambon_id == setting.tambons["ท่าไร่"]
        assert person.roles == ("coordination", "recording")
        assert (person.agency, person.team) == ("กองทุนหมู่บ้าน หมู่ที่ 3", "v")
        person_id = person.id
    assert response.headers["Location"] == f"/j/ABC234/f/{person_id}"
    form = client.get(response.headers["Location"]).text
    assert "เพิ่มชื่อของคุณในรายชื่อแล้ว" in form and 'name="K1-current"' in form
    assert "วันดี ศรีสุข" in client.get("/j/ABC234").text


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"name": "   "}, "name", "กรุณาเขียนชื่อของคุณ"),
        ({"name": "ก" * 201}, "name", "ไม่เกิน 200 ตัวอักษร"),
        ({"tambon": ""}, "tambon", "กรุณาเลือกตำบลของคุณ"),
        ({"tambon": "outside"}, "tambon", "กรุณาเลือกตำบลจากรายการ"),
        ({"tambon": "abc"}, "tambon", "กรุณาเลือกตำบลจากรายการ"),
        ({"roles": None}, "roles", "กรุณาเลือกบทบาทอย่างน้อยหนึ่งบทบาท"),
        ({"roles": ["chief"]}, "roles", "กรุณาเลือกบทบาทจากรายการ"),
        ({"team": None}, "team", "กรุณาเลือกทีมของคุณ"),
        ({"team": "x"}, "team", "กรุณาเลือกทีมของคุณ"),
        ({"agency": "ก" * 101}, "agency", "ไม่เกิน 100 ตัวอักษร"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_rejected_entry_says_why_and_keeps_what_was_typed(
    app, client, setting, change, field, message
):
    if change.get("tambon") == "outside":
        change = {"tambon": str(setting.tambons["ปากพูน"])}
    before = _count(app)
    response = client.post("/j/ABC234/add", data=_valid(setting, **change))
    assert response.status_code == 200
    assert errors(response.text) == {field: message}
    assert _count(app) == before
    page = response.text
    if field != "name":
        assert 'value="วันดี ศรีสุข"' in page
    if field != "agency":
        assert 'value="กองทุนหมู่บ้าน หมู่ที่ 3"' in page
    if field != "roles":
        assert 'checked id="roles-2" name="roles" type="checkbox" value="recording"' in page


@pytest.mark.parametrize(
    "typed",
    ["สมชาย", "  สมชาย ", "นาย สมชาย", "นายสมชาย", "สม\u200bชาย", "\u202bสมชาย", "Mr. สมชาย"],
)
def test_a_name_already_on_the_tambon_roster_is_refused(app, client, setting, typed):
    """Titles, spaces and invisible characters do not make another person."""
    before = _count(app)
    data = _valid(setting, name=typed, tambon=str(setting.tambons["ท่าไร่"]))
    response = client.post("/j/ABC234/add", data=data)
    assert errors(response.text) == {"name": "มีชื่อนี้อยู่ในรายชื่อของตำบลนี้แล้ว กรุณากลับไปเลือกชื่อจากรายชื่อ"}
    # "Is this you?" with the way to the person already listed.
    assert "ใช่คุณหรือไม่" in response.text
    assert f'href="/j/ABC234/f/{setting.people["สมชาย"]}"' in response.text
    assert _count(app) == before


def test_a_name_of_invisible_characters_is_no_name(app, client, setting):
    before = _count(app)
    response = client.post("/j/ABC234/add", data=_valid(setting, name="\u200b\u200b \u200d"))
    assert errors(response.text) == {"name": "กรุณาเขียนชื่อของคุณ"}
    assert _count(app) == before


def test_the_same_name_in_another_tambon_asks_is_this_you_first(app, client, setting):
    data = _valid(setting, name="นายสมชาย", tambon=str(setting.tambons["บางจาก"]))
    before = _count(app)
    asked = client.post("/j/ABC234/add", data=data)
    assert asked.status_code == 200 and "ใช่คุณหรือไม่" in asked.text
    assert f'href="/j/ABC234/f/{setting.people["สมชาย"]}"' in asked.text
    assert "ตำบลท่าไร่" in asked.text
    assert _count(app) == before
    # Not them: ticked, the new person is added, with the name as written (title kept).
    added = client.post("/j/ABC234/add", data=data | {"someone_else": "y"})
    assert added.status_code == 302 and _count(app) == before + 1
    with app.app_context():
        query = select(Facilitator).filter_by(tambon_id=setting.tambons["บางจาก"], name="นายสมชาย")
        assert db.session.execute(query).scalar_one().name_key == "สมชาย"


def test_a_closed_round_adds_nobody(app, client, setting):
    with app.app_context():
        db.session.get(Round, setting.round_id).is_open = False
        db.session.commit()
    before = _count(app)
    assert "รอบการประเมินนี้ปิดแล้ว" in client.get("/j/ABC234/add").text
    response = client.post("/j/ABC234/add", data=_valid(setting))
    assert response.status_code == 409 and "รอบการประเมินนี้ปิดแล้ว" in response.text
    assert _count(app) == before

"""Joining a round by its code, and the round's roster grouped by tambon."""

import re

import pytest

from app.extensions import db
from app.models import Round
from app.ratings import record
from tests import builders
from tests.assess_helpers import FACILITATOR


def test_the_home_page_has_the_code_box(client):
    page = client.get("/").text
    assert '<form method="get" action="/join"' in page
    assert '<label for="join-code">รหัสเข้าร่วม' in page
    assert 'id="join-code" name="code"' in page


@pytest.mark.parametrize("typed", ["ABC234", "abc234", " abc 234 ", "abc-234", "Abc 2 3 4"])
def test_a_typed_code_leads_to_the_roster(client, setting, typed):
    response = client.get("/join", query_string={"code": typed})
    assert response.status_code == 302
    assert response.headers["Location"] == "/j/ABC234"


@pytest.mark.parametrize(
    ("stored", "typed"),
    [("DEMO26", "dem026"), ("DEMO26", "DEM0 26"), ("BIKE42", "b1ke42"), ("BIKE42", "BLKE42")],
)
def test_look_alikes_typed_for_each_other_still_find_the_round(app, client, setting, stored, typed):
    with app.app_context():
        builders.round_(db.session.get(Round, setting.round_id).instrument_version, [], code=stored)
        db.session.commit()
    response = client.get("/join", query_string={"code": typed})
    assert response.headers["Location"] == f"/j/{stored}"


def test_a_wrong_code_says_so_and_keeps_what_was_typed(client, setting):
    response = client.get("/join", query_string={"code": "XYZ999"})
    assert response.status_code == 404
    assert "ไม่พบรอบการประเมินที่ใช้รหัสนี้" in response.text
    assert 'value="XYZ999"' in response.text
    assert 'aria-describedby="join-code-error"' in response.text


def test_an_empty_code_asks_for_one(client, setting):
    response = client.get("/join", query_string={"code": "  "})
    assert response.status_code == 400
    assert "กรุณาพิมพ์รหัสเข้าร่วม" in response.text


def test_a_closed_round_says_so_and_lists_nobody(app, client, setting):
    with app.app_context():
        db.session.get(Round, setting.round_id).is_open = False
        db.session.commit()
    page = client.get("/join", query_string={"code": "abc234"}, follow_redirects=True).text
    assert "รอบการประเมินนี้ปิดแล้ว" in page
    assert "ผู้ประสานงานโครงการปิดรอบการประเมินนี้แล้ว" in page
    assert "สุนีย์" not in page and "/f/" not in page


def _sections(page: str) -> dict[str, list[str]]:
    """Tambon heading -> names listed under it, in page order."""
    found = {}
    for block in page.split("<section")[1:]:
        heading = re.search(r"<h2[^>]*>([^<]+)</h2>", block).group(1)
        found[heading] = re.findall(r'<li[^>]*><a href="[^"]+">([^<]+?)(?: <|</a>)', block)
    return found


def test_the_roster_lists_the_round_tambons_with_their_people(client, setting):
    page = client.get("/j/ABC234").text
    assert _sections(page) == {
        "ตำบลท่าไร่": ["จันทร์เพ็ญ", "สมชาย"],
        "ตำบลบางจาก": ["ประเสริฐ", "สุนีย์"],
    }
    assert "คนนอกรอบ" not in page  # a tambon outside the round is not listed
    assert f'href="/j/ABC234/f/{setting.people["สุนีย์"]}"' in page
    assert 'href="/j/ABC234/add"' in page


def test_the_roster_marks_who_has_answered(app, client, setting):
    with app.app_context():
        round_ = db.session.get(Round, setting.round_id)
        record(round_, setting.people["สมชาย"], builders.answers(FACILITATOR), "s-1")
    page = client.get("/j/ABC234").text
    badge = r'(?: <small>[^<]*</small>)? <span class="answered">ส่งแล้ว</span>'
    assert re.search(">สมชาย" + badge, page)
    assert not re.search(">สุนีย์" + badge, page)


def test_the_roster_in_english(client, setting):
    client.post("/lang", data={"lang": "en", "next": "/"})
    page = client.get("/j/ABC234").text
    assert "Tambon Bang Chak" in page and "Tambon Tha Rai" in page
    assert "Find your name and tap it to open your form." in page
    assert "14 Nov 2026" in page


def test_the_roster_shows_the_date_in_the_buddhist_era(client, setting):
    assert "14 พ.ย. 2569" in client.get("/j/ABC234").text


def test_a_code_in_the_link_typed_loosely_goes_to_the_right_link(client, setting):
    assert client.get("/j/abc234").headers["Location"] == "/j/ABC234"
    assert client.get("/j/NOPE99").status_code == 404


@pytest.mark.parametrize("as_typed", ["ฟิแ/-ภ", "ฟิแ /-ภ", "ฟิแ๒๓๔", "ฤฺฉ๒๓๔"])
def test_a_code_typed_with_the_thai_keyboard_opens_the_round(client, setting, as_typed):
    # ABC234 typed with the phone's Thai layout left on: the keys pressed are the code's.
    response = client.get("/join", query_string={"code": as_typed})
    assert response.status_code == 302
    assert response.headers["Location"] == "/j/ABC234"
    roster = client.get("/j/ABC234").text
    assert "สุนีย์" in roster

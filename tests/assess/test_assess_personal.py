"""The personal link: one's own result and radar, changing answers, and nobody else's."""

import base64
import io
import struct
import uuid
import xml.etree.ElementTree as ET

import pytest
import segno
from sqlalchemy import select

from app.extensions import db
from app.models import Response, Round
from tests.assess_helpers import FACILITATOR, checked, filled, notes


def _submit(client, setting, name, current="2", target="3", note=""):
    data = filled(FACILITATOR, current, target, note) | {"submission_id": str(uuid.uuid4())}
    response = client.post(setting.form_url(name), data=data)
    assert response.status_code == 303
    return response.headers["Location"]


def _token(link: str) -> str:
    return link.removeprefix("/r/")


def test_the_result_shows_my_levels_gaps_notes_and_radar(client, setting):
    link = _submit(client, setting, "สุนีย์", "2", "4", note="เคยจัดเวทีที่ศาลาวัด")
    page = client.get(link).text
    assert "ผลการประเมินของฉัน" in page and "สุนีย์" in page
    rows = page.split('<th scope="row">')[1:]
    assert len(rows) == 12
    for row, item in zip(rows, FACILITATOR.items):
        assert item.text.th in row
        cells = [c.split("</td>")[0] for c in row.split('<td class="num">')[1:]]
        assert cells == ["2", "4", "2"]
        assert "เคยจัดเวทีที่ศาลาวัด" in row
    assert f'src="{link}/radar.png"' in page and 'aria-describedby="levels-table"' in page
    assert f'src="{link}/qr.svg"' in page
    assert f"http://localhost{link}" in page
    assert "14 พ.ย. 2569" in page  # the round's date in the Buddhist era
    assert f'href="{link}/edit"' in page


def test_the_personal_link_is_a_long_random_token_not_an_id(app, client, setting):
    link = _submit(client, setting, "สุนีย์")
    token = _token(link)
    assert "/" not in token
    assert len(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))) * 8 >= 128
    with app.app_context():
        response = db.session.execute(select(Response)).scalar_one()
        assert str(response.id) not in token.split("-") and token != str(response.id)
        assert response.token_hash != token  # only a hash of it is stored
    assert client.get(f"/r/{response.id}").status_code == 404


def test_a_token_opens_only_its_own_result(client, setting):
    mine = _submit(client, setting, "สุนีย์", note="บันทึกของสุนีย์")
    theirs = _submit(client, setting, "สมชาย", note="บันทึกของสมชาย")
    assert mine != theirs
    page = client.get(theirs).text
    assert "สมชาย" in page and "บันทึกของสมชาย" in page
    assert "สุนีย์" not in page and "บันทึกของสุนีย์" not in page
    altered = mine[:-1] + ("A" if mine[-1] != "A" else "B")
    for url in (altered, "/r/not-a-token", altered + "/edit", altered + "/radar.png"):
        assert client.get(url).status_code == 404


def test_personal_pages_are_private_and_pass_no_referrer(client, setting):
    link = _submit(client, setting, "สุนีย์")
    for url in (link, link + "/edit", link + "/qr.svg", link + "/radar.png"):
        response = client.get(url)
        assert response.headers["Cache-Control"] == "private, no-store"
        assert response.headers["Referrer-Policy"] == "no-referrer"


def test_changing_answers_keeps_the_earlier_version_in_the_history(app, client, setting):
    link = _submit(client, setting, "สุนีย์", "2", "3", note="ครั้งแรก")
    form = client.get(link + "/edit").text
    assert checked(form) == {f"{c}-{k}": v for c in FACILITATOR.item_codes
                             for k, v in (("current", "2"), ("target", "3"))}  # fmt: skip
    assert set(notes(form).values()) == {"ครั้งแรก"}
    data = filled(FACILITATOR, "3", "5", note="ครั้งที่สอง") | {"submission_id": str(uuid.uuid4())}
    response = client.post(link + "/edit", data=data)
    assert (response.status_code, response.headers["Location"]) == (303, link)
    assert client.post(link + "/edit", data=data).headers["Location"] == link  # a retry
    with app.app_context():
        stored = db.session.execute(select(Response)).scalar_one()
        assert stored.revision == 2 and [h.revision for h in stored.history] == [1, 2]
        assert {r.current_level for r in stored.ratings} == {3.0}
        assert stored.history[0].ratings[0] == {"item": "K1", "current": 2, "target": 3,
                                                "note": "ครั้งแรก"}  # fmt: skip
    assert "บันทึกการแก้ไขแล้ว" in client.get(link).text


def test_a_closed_round_shows_the_result_but_takes_no_change(app, client, setting):
    link = _submit(client, setting, "สุนีย์", "2", "3")
    with app.app_context():
        db.session.get(Round, setting.round_id).is_open = False
        db.session.commit()
    page = client.get(link).text
    assert "รอบการประเมินนี้ปิดแล้ว แก้ไขคำตอบไม่ได้อีก" in page and "/edit" not in page
    assert 'type="radio"' not in client.get(link + "/edit").text
    data = filled(FACILITATOR, "4", "5") | {"submission_id": str(uuid.uuid4())}
    response = client.post(link + "/edit", data=data)
    assert response.status_code == 409 and "รอบการประเมินนี้ปิดแล้ว" in response.text
    with app.app_context():
        stored = db.session.execute(select(Response)).scalar_one()
        assert stored.revision == 1 and {r.current_level for r in stored.ratings} == {2.0}


def test_the_qr_code_encodes_the_personal_link(client, setting):
    link = _submit(client, setting, "สุนีย์")
    svg = client.get(link + "/qr.svg")
    assert svg.mimetype == "image/svg+xml"
    root = ET.fromstring(svg.data)  # well-formed XML
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    expected = io.BytesIO()
    segno.make(f"http://localhost{link}", micro=False, error="m").save(
        expected, kind="svg", border=4, omitsize=True, xmldecl=False, light="#fff",
        title="ลิงก์ส่วนตัว",
    )  # fmt: skip
    assert svg.data == expected.getvalue()


def test_the_radar_is_a_png_drawn_from_my_answers(client, setting):
    low = client.get(_submit(client, setting, "สุนีย์", "1", "2") + "/radar.png")
    high = client.get(_submit(client, setting, "สมชาย", "4", "5") + "/radar.png")
    assert low.mimetype == "image/png" and low.data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", low.data[16:24])
    assert (width, height) == (400, 400)
    assert low.data != high.data  # other answers, another picture


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_result_page_speaks_the_chosen_language(client, setting, lang):
    link = _submit(client, setting, "สุนีย์")
    client.post("/lang", data={"lang": lang, "next": "/"})
    page = client.get(link).text
    words = {"th": ("ผลการประเมินของฉัน", "14 พ.ย. 2569"), "en": ("My result", "14 Nov 2026")}
    assert all(word in page for word in words[lang])

"""The personal link: one's own result and radar, changing answers, and nobody else's."""

import base64
import io
import math
import re
import uuid
import xml.etree.ElementTree as ET

import pytest
import segno
from sqlalchemy import select

from app.charts.palette import CURRENT, TARGET
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
    assert '<div class="radar-chart" role="img" aria-describedby="levels-table"' in page
    assert "<svg " in page and "/radar" not in page  # drawn into the page, no image of its own
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
    for url in (altered, "/r/not-a-token", altered + "/edit", altered + "/qr.svg"):
        assert client.get(url).status_code == 404


def test_personal_pages_are_private_and_pass_no_referrer(client, setting):
    link = _submit(client, setting, "สุนีย์")
    for url in (link, link + "/edit", link + "/qr.svg"):
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


def _radar(page: str) -> ET.Element:
    """The radar drawn into the result page (ElementTree wrote it: well-formed XML)."""
    return ET.fromstring(re.search(r"<svg .*?</svg>", page, re.DOTALL)[0])


def _line(radar: ET.Element, style: dict) -> list[tuple[float, float]]:
    """The points of the longest unfilled path drawn in `style`'s colour."""
    paths = [p.get("d") for p in radar.iter("path")
             if p.get("stroke") == style["color"] and p.get("fill") == "none"]  # fmt: skip
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", max(paths, key=len))]
    return list(zip(numbers[::2], numbers[1::2]))


def test_the_radar_in_the_page_draws_my_levels_clockwise_from_the_top(client, setting):
    levels = {code: n % 5 + 1 for n, code in enumerate(FACILITATOR.item_codes)}
    data = filled(FACILITATOR, target="5") | {f"{c}-current": str(v) for c, v in levels.items()}
    response = client.post(
        setting.form_url("สุนีย์"), data=data | {"submission_id": str(uuid.uuid4())}
    )
    radar = _radar(client.get(response.headers["Location"]).text)
    target, current = _line(radar, TARGET)[:-1], _line(radar, CURRENT)[:-1]  # closed: first again
    assert len(target) == len(current) == 12
    # Every target is 5: a regular polygon around the centre, whose radius is level 5.
    cx, cy = sum(x for x, _ in target) / 12, sum(y for _, y in target) / 12
    radius = math.dist((cx, cy), target[0])
    assert all(abs(math.dist((cx, cy), p) - radius) < 0.2 for p in target)
    drawn = [round(5 * math.dist((cx, cy), p) / radius, 1) for p in current]
    assert drawn == [float(levels[c]) for c in FACILITATOR.item_codes]
    assert abs(current[0][0] - cx) < 0.2 and current[0][1] < cy  # K1 straight up
    assert current[1][0] > cx  # then clockwise
    assert [t.text for t in radar.iter("text")][:12] == list(FACILITATOR.item_codes)


def test_the_radar_in_the_page_keeps_to_the_content_security_policy(client, setting):
    link = _submit(client, setting, "สุนีย์", "1", "2")
    page = client.get(link).text
    radar = _radar(page)
    elements = list(radar.iter())
    assert not [e for e in elements if e.tag in ("style", "script", "foreignObject")]
    assert not [
        e for e in elements if "style" in e.attrib or any(a.startswith("on") for a in e.attrib)
    ]
    ids = [e.get("id") for e in elements if e.get("id")]
    assert ids and all(i.startswith("radar-") for i in ids)  # none can clash with the page's
    assert "Sarabun" in radar.get("font-family") and radar.get("viewBox")
    assert "สุนีย์" in [t.text for t in radar.iter("text")]  # the name as text, not glyph paths
    assert client.get(link + "/radar.png").status_code == 404


def test_another_answer_draws_another_radar(client, setting):
    low = _radar(client.get(_submit(client, setting, "สุนีย์", "1", "2")).text)
    high = _radar(client.get(_submit(client, setting, "สมชาย", "4", "5")).text)
    assert _line(low, CURRENT) != _line(high, CURRENT)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_result_page_speaks_the_chosen_language(client, setting, lang):
    link = _submit(client, setting, "สุนีย์")
    client.post("/lang", data={"lang": lang, "next": "/"})
    page = client.get(link).text
    words = {"th": ("ผลการประเมินของฉัน", "14 พ.ย. 2569"), "en": ("My result", "14 Nov 2026")}
    assert all(word in page for word in words[lang])


def test_a_result_page_opened_again_takes_its_radar_from_the_chart_cache(
    client, setting, monkeypatch
):
    from app.assess import radar

    drawn = []
    draw = radar.inline_radar
    monkeypatch.setattr(radar, "inline_radar", lambda **inputs: drawn.append(1) or draw(**inputs))
    link = _submit(client, setting, "สุนีย์", "2", "4")
    first = _radar(client.get(link).text)
    again = _radar(client.get(link).text)
    assert len(drawn) == 1  # the same radar, not drawn a second time
    assert ET.tostring(again) == ET.tostring(first)
    # Changed answers show another radar.
    data = filled(FACILITATOR, "3", "4") | {"submission_id": str(uuid.uuid4())}
    client.post(link + "/edit", data=data)
    changed = _radar(client.get(link).text)
    assert len(drawn) == 2 and _line(changed, CURRENT) != _line(first, CURRENT)

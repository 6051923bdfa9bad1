"""The knowledge-assets page: grouped, searched, filtered, and names only within scope."""

import re
from html import unescape

import pytest

from tests.notes.conftest import JAM_K1, JAM_K2, PLIAN_K1, SOMSRI_K1, SOMSRI_K2, sign_in


def _page(client, world, query="", round_id=None) -> str:
    response = client.get(f"/rounds/{round_id or world.round_id}/notes{query}")
    assert response.status_code == 200, response.text
    return unescape(response.text)


def _sections(html: str) -> dict[str, list[tuple[str, list[str]]]]:
    """Item code -> [(level heading, [note texts])] as the page shows them."""
    found = {}
    for code, body in re.findall(
        r'<section class="item-notes" id="item-(\w+)">(.*?)</section>', html, re.S
    ):
        levels = re.findall(r"<h3>(.*?)</h3>\s*<ul class=\"notes\">(.*?)</ul>", body, re.S)
        found[code] = [
            (h, re.findall(r"<blockquote>(.*?)</blockquote>", ul, re.S)) for h, ul in levels
        ]
    return found


@pytest.fixture
def admin(client, notes_world):
    sign_in(client, "admin")
    return client


@pytest.fixture
def local(client, notes_world):
    sign_in(client, "local")
    return client


def test_notes_by_item_then_by_the_writers_level_highest_first(admin, notes_world):
    html = _page(admin, notes_world)
    k1, k2 = notes_world.items[:2]
    assert _sections(html) == {
        k1: [("ระดับปัจจุบัน 4", [SOMSRI_K1, JAM_K1]), ("ระดับปัจจุบัน 2", [PLIAN_K1])],
        k2: [("ระดับปัจจุบัน 5", [SOMSRI_K2]), ("ระดับปัจจุบัน 2", [JAM_K2])],
    }
    assert "<h1>ขุมความรู้: บันทึกของคุณอำนวย</h1>" in html
    assert "บันทึก 5 รายการ" in html
    assert "ป้าแจ่ม ใจดี · บางจาก" in html and "สมศรี มีสุข · ท่าไร่" in html


def test_the_rounds_views_link_to_the_page(admin, notes_world):
    html = _page(admin, notes_world)
    assert f'href="/rounds/{notes_world.round_id}/notes" aria-current="page">ขุมความรู้' in html
    overview = admin.get(f"/rounds/{notes_world.round_id}").text
    assert f'href="/rounds/{notes_world.round_id}/notes">ขุมความรู้</a>' in overview


def test_in_english(admin, notes_world):
    admin.post("/lang", data={"lang": "en", "next": "/"})
    html = _page(admin, notes_world)
    assert "<h1>Knowledge assets: the facilitators' notes</h1>" in html
    assert "Current level 4" in html and "ระดับปัจจุบัน" not in html and "ป้าแจ่ม ใจดี · Bang Chak" in html


def test_a_coordinator_sees_the_notes_of_their_tambons_only(local, notes_world):
    html = _page(local, notes_world)
    k1, k2 = notes_world.items[:2]
    assert _sections(html) == {
        k1: [("ระดับปัจจุบัน 4", [JAM_K1]), ("ระดับปัจจุบัน 2", [PLIAN_K1])],
        k2: [("ระดับปัจจุบัน 2", [JAM_K2])],
    }
    assert "ป้าแจ่ม ใจดี · บางจาก" in html and "ลุงเปลี่ยน แก้วใส · บางจาก" in html
    # Tha Rai's writer, tambon and notes are nowhere on the page, searched or not.
    assert "สมศรี" not in html and "ท่าไร่" not in html and SOMSRI_K1 not in html
    assert SOMSRI_K2 not in _page(local, notes_world, "?q=ชวนคุย")
    assert "แสดงเฉพาะบันทึกของตำบลในความดูแลของท่าน" in html and "บันทึก 3 รายการ" in html


def test_the_admin_sees_no_scope_message(admin, notes_world):
    assert "แสดงเฉพาะบันทึกของตำบล" not in _page(admin, notes_world)


def test_search_finds_thai_as_typed_whitespace_normalised(admin, notes_world):
    html = _page(admin, notes_world, "?q=ชาวบ้าน+ทุกเดือน")  # the note has two spaces there
    assert [t for levels in _sections(html).values() for _, ts in levels for t in ts] == [JAM_K1]
    assert 'value="ชาวบ้าน ทุกเดือน"' in html


def test_search_without_a_match_says_so(admin, notes_world):
    html = _page(admin, notes_world, "?q=ไม่มีคำนี้")
    assert "ไม่มีบันทึกที่ตรงกับ “ไม่มีคำนี้”" in html and _sections(html) == {}


def test_search_text_is_escaped(admin, notes_world):
    response = admin.get(f"/rounds/{notes_world.round_id}/notes?q=<script>x</script>")
    assert response.status_code == 200 and "<script>x</script>" not in response.text


def test_the_tambon_filter_shows_that_tambon_only(admin, notes_world):
    html = _page(admin, notes_world, f"?tambon={notes_world.tambon_b}")
    found = {t for levels in _sections(html).values() for _, ts in levels for t in ts}
    assert found == {SOMSRI_K1, SOMSRI_K2}
    assert f'<option value="{notes_world.tambon_b}" selected>' in html


@pytest.mark.parametrize("value", ["abc", "-1", "1.5", "๑", "9" * 30])
def test_a_bad_tambon_value_gets_a_clear_message(admin, notes_world, value):
    response = admin.get(f"/rounds/{notes_world.round_id}/notes?tambon={value}")
    assert response.status_code == 400
    assert "ค่า “tambon” ในที่อยู่ของหน้านี้ต้องเป็นจำนวนเต็ม" in unescape(response.text)


def test_a_tambon_outside_the_scope_or_round_is_not_found(local, notes_world):
    for tambon in (notes_world.tambon_b, notes_world.elsewhere, 999999):
        response = local.get(f"/rounds/{notes_world.round_id}/notes?tambon={tambon}")
        assert response.status_code == 404
        assert "สมศรี" not in response.text


def test_a_coordinator_of_no_tambon_of_the_round_is_not_found(client, notes_world):
    sign_in(client, "stranger")
    assert client.get(f"/rounds/{notes_world.round_id}/notes").status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, notes_world):
    response = client.get(f"/rounds/{notes_world.round_id}/notes")
    assert response.status_code == 302 and response.headers["Location"].startswith("/signin")


def test_a_round_without_notes(admin, notes_world):
    html = _page(admin, notes_world, round_id=notes_world.empty_round_id)
    assert "ยังไม่มีคุณอำนวยเขียนบันทึกไว้ที่นี่" in html and _sections(html) == {}


def test_pages_of_notes(admin, notes_world, monkeypatch):
    from app.notes import routes

    monkeypatch.setattr(routes, "NOTES_PER_PAGE", 2)
    first, third = _page(admin, notes_world), _page(admin, notes_world, "?page=3")
    k1, k2 = notes_world.items[:2]
    assert _sections(first) == {k1: [("ระดับปัจจุบัน 4", [SOMSRI_K1, JAM_K1])]}
    assert _sections(third) == {k2: [("ระดับปัจจุบัน 2", [JAM_K2])]}
    assert "หน้า 1 จาก 3" in first and "หน้า 3 จาก 3" in third
    assert admin.get(f"/rounds/{notes_world.round_id}/notes?page=4").status_code == 404
    assert admin.get(f"/rounds/{notes_world.round_id}/notes?page=x").status_code == 400

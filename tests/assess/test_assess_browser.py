"""A real phone-sized Chromium: join by code, answer half, lose the connection, reload, finish,
send while offline, come back online — one response holding every answer."""

import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Facilitator, Response, Round
from tests.live_server import live_server

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 640}
PERSON = "อารีย์ ชูช่วยชาติ"  # team v in the demo: has not answered yet
ITEMS = ("K1", "K2", "K3", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9")
# The answers the test gives: current level and target level per item.
CHOSEN = {code: (1 + n % 4, min(5, 2 + n % 4)) for n, code in enumerate(ITEMS)}


def _choose(page, code: str) -> None:
    current, target = CHOSEN[code]
    groups = page.locator(f"fieldset#{code} fieldset.levels")
    groups.nth(0).locator("label.dot").nth(current - 1).click()
    groups.nth(1).locator("label.dot").nth(target - 1).click()


def _checked(page) -> dict[str, str]:
    return page.evaluate(
        "Object.fromEntries([...document.querySelectorAll('input[type=radio]:checked')]"
        ".map(i => [i.name, i.value]))"
    )


def _want(codes) -> dict[str, str]:
    pairs = (("current", 0), ("target", 1))
    return {f"{c}-{kind}": str(CHOSEN[c][i]) for c in codes for kind, i in pairs}


def _counting(app, hits: list):
    def wsgi(environ, start_response):
        hits.append((environ["REQUEST_METHOD"], environ["PATH_INFO"]))
        return app(environ, start_response)

    return wsgi


def test_a_phone_answers_through_a_lost_connection_and_nothing_is_lost(csrf_app, demo, chromium):
    hits: list[tuple[str, str]] = []
    with live_server(_counting(csrf_app, hits)) as base:
        context = chromium.new_context(viewport=PHONE)
        page = context.new_page()
        page.goto(base + "/")
        page.fill("#join-code", "demo 26")
        page.click(".join-box button")
        page.wait_for_url(re.compile(r"/j/DEMO26$"))
        page.get_by_role("link", name=re.compile(PERSON)).click()
        page.wait_for_selector("html[data-offline-ready]")  # the service worker keeps the form
        form_path = page.evaluate("location.pathname")

        _the_page_fits_a_phone(page)
        for code in ITEMS[:6]:
            _choose(page, code)
        page.click("#K1 .note summary")  # "Add a note"
        page.fill("#K1-note", "จัดเวทีที่ศาลาวัดได้ แต่ยังไม่คล่อง")
        assert page.text_content("#progress") == "ทำแล้ว 6 จาก 12 หัวข้อ"

        context.set_offline(True)
        before = len(hits)
        page.reload()
        assert ("GET", form_path) not in hits[before:]  # served by the phone, not the server
        assert "ออฟไลน์อยู่" in page.text_content("#status")
        assert _checked(page) == _want(ITEMS[:6])
        assert page.input_value("#K1-note") == "จัดเวทีที่ศาลาวัดได้ แต่ยังไม่คล่อง"
        assert page.is_visible("#K1-note")  # a kept note is shown, not folded away
        assert page.text_content("#progress") == "ทำแล้ว 6 จาก 12 หัวข้อ"

        for code in ITEMS[6:]:
            _choose(page, code)
        page.click("#rating button.primary")
        page.wait_for_selector("#status.warn")
        assert "เก็บคำตอบของคุณไว้ในโทรศัพท์เครื่องนี้แล้ว" in page.text_content("#status")
        assert _responses(csrf_app) == []

        context.set_offline(False)
        page.wait_for_url(re.compile(r"/r/[\w-]{43}$"), timeout=20000)
        assert "บันทึกคำตอบของคุณแล้ว" in page.text_content(".flash")
        # Nothing left waiting on the phone: only the link it keeps ("answers sent from here").
        assert page.evaluate("Object.keys(localStorage)") == ["ft:sent"]
        context.close()

    [response] = _responses(csrf_app)
    assert response["name"] == PERSON and response["revisions"] == [1]
    assert response["levels"] == {code: tuple(map(float, CHOSEN[code])) for code in ITEMS}
    assert response["notes"] == {"K1": "จัดเวทีที่ศาลาวัดได้ แต่ยังไม่คล่อง"}


def _the_page_fits_a_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    heights = page.evaluate(
        "[...document.querySelectorAll('label.dot, button:not([hidden]), summary')]"
        ".map(e => e.getBoundingClientRect().height)"
    )
    # every level choice, send, language switch, "add a note"
    assert len(heights) == 12 * 2 * 5 + 2 + 12
    assert min(heights) >= 44


def _responses(app) -> list[dict]:
    """The responses of the open demo round, as plain data."""
    with app.app_context():
        query = select(Response).join(Round).join(Facilitator).where(Round.join_code == "DEMO26")
        found = []
        for r in db.session.execute(query.where(Facilitator.team == "v")).scalars():
            found.append(
                {
                    "name": r.facilitator.name,
                    "revisions": [h.revision for h in r.history],
                    "levels": {x.item_code: (x.current_level, x.target_level) for x in r.ratings},
                    "notes": {x.item_code: x.note for x in r.ratings if x.note},
                }
            )
        return found


def test_without_javascript_the_form_is_a_plain_html_form(csrf_app, demo, chromium):
    with live_server(csrf_app) as base:
        context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
        page = context.new_page()
        page.goto(base + "/join?code=DEMO26")
        page.get_by_role("link", name=re.compile(PERSON)).click()
        for code in ITEMS:
            _choose(page, code)
        page.click("#S9 .note summary")
        page.locator("#S9").get_by_label(re.compile("หมายเหตุ")).fill("ส่งโดยไม่มีสคริปต์")
        page.click("#rating button.primary")
        page.wait_for_url(re.compile(r"/r/[\w-]{43}$"))
        assert "บันทึกคำตอบของคุณแล้ว" in page.text_content(".flash")
        context.close()
    [response] = _responses(csrf_app)
    assert response["notes"] == {"S9": "ส่งโดยไม่มีสคริปต์"}


def test_the_poster_prints_on_one_a4_page(csrf_app, demo, chromium):
    with live_server(csrf_app) as base:
        context = chromium.new_context()
        page = context.new_page()
        page.goto(base + "/signin")
        page.fill("#username", "admin")
        page.fill("#password", "demo-freedom-table")
        page.click("form.stack input[type=submit]")
        page.goto(base + "/rounds")
        page.get_by_role("link", name="รหัสเข้าร่วมและคิวอาร์โค้ด").first.click()
        page.get_by_role("link", name="โปสเตอร์สำหรับพิมพ์ (A4)").click()
        assert page.evaluate("document.querySelector('.poster-qr').naturalWidth") > 0
        pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
        context.close()
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1

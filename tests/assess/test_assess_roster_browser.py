"""Finding one's name on the demo roster in a phone-sized Chromium: as one types, and
without JavaScript through the same box."""

import re

import pytest

from tests.live_server import live_server

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 640}
PERSON = "อารีย์ ชูช่วยชาติ"


def _shown_names(page) -> list[str]:
    return page.evaluate(
        "[...document.querySelectorAll('.names li')].filter(li => li.offsetParent !== null)"
        ".map(li => li.querySelector('a').firstChild.textContent.trim())"
    )


def _shown_tambons(page) -> int:
    return page.evaluate(
        "[...document.querySelectorAll('.tambon-names')].filter(s => !s.hidden).length"
    )


def test_typing_filters_the_names_as_one_types(app, demo, chromium):
    with live_server(app) as base:
        context = chromium.new_context(viewport=PHONE)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(base + "/j/DEMO26")
        everyone = _shown_names(page)
        tambons = _shown_tambons(page)
        assert len(everyone) > 10 and PERSON in everyone and tambons > 1
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        page.locator("#find-name-q").press_sequentially("อารี")
        shown = _shown_names(page)
        assert PERSON in shown and all("อารี" in name for name in shown)
        assert len(shown) < len(everyone) and _shown_tambons(page) < tambons
        assert page.text_content("#find-name-status") == ""
        assert page.url.endswith("/j/DEMO26")  # filtered on the phone, no request

        page.fill("#find-name-q", "ไม่มีใครชื่อนี้")
        assert _shown_names(page) == [] and _shown_tambons(page) == 0
        assert "ไม่มีชื่อในรายชื่อนี้ที่ตรงกับที่พิมพ์" in page.text_content("#find-name-status")
        assert page.get_by_role("link", name="ไม่มีชื่อของฉันในรายชื่อ").first.is_visible()

        page.fill("#find-name-q", "")
        assert _shown_names(page) == everyone
        page.get_by_role("link", name=re.compile(PERSON)).click()
        page.wait_for_url(re.compile(r"/j/DEMO26/f/\d+$"))
        assert errors == []
        context.close()


def test_without_javascript_the_box_asks_the_server(app, demo, chromium):
    with live_server(app) as base:
        context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
        page = context.new_page()
        page.goto(base + "/j/DEMO26")
        everyone = page.locator(".names li").count()
        page.fill("#find-name-q", "อารี")
        page.press("#find-name-q", "Enter")
        page.wait_for_url(re.compile(r"/j/DEMO26\?q="))
        names = [n.strip() for n in page.locator(".names li a").all_inner_texts()]
        assert names and all("อารี" in n for n in names)
        assert any(n.startswith(PERSON) for n in names)
        page.get_by_role("link", name="แสดงทุกคน").click()
        assert page.locator(".names li").count() == everyone > len(names)
        context.close()

"""The way back: the result page opens with the personal link, a Copy and a Share button
and its QR code; at 200 % text (half the width in CSS pixels) nothing scrolls sideways.
The radar is drawn in the page: no request of its own, on the first visit or the next."""

import re

import pytest

from tests.live_server import live_server
from tests.phone_pages import PERSON, PHONE, send_answers

pytestmark = pytest.mark.browser
# A share sheet that notes what it was given (headless Chromium has none of its own).
SHARE_SHEET = "navigator.share = d => { window.shared = d; return Promise.resolve(); };"


def test_the_result_page_opens_with_the_link_copy_share_and_qr(csrf_app, demo, chromium):
    with live_server(csrf_app) as base:
        context = chromium.new_context(
            viewport=PHONE, permissions=["clipboard-read", "clipboard-write"]
        )
        context.add_init_script(SHARE_SHEET)
        page = context.new_page()
        send_answers(page, base)
        page.wait_for_load_state("load")
        link = page.get_attribute("#personal-link", "href")
        assert re.search(r"/r/[\w-]{43}$", link) and page.url.endswith(link[-46:])
        # On the first screen, before the radar: the link, both buttons, and the QR code starts.
        assert page.locator("#personal-link").bounding_box()["y"] < PHONE["height"]
        copy, share = page.locator(".copy-link"), page.locator(".share-link")
        assert copy.is_visible() and share.is_visible()
        assert copy.bounding_box()["y"] < PHONE["height"]
        qr, radar = page.locator(".personal-link .qr"), page.locator(".radar svg")
        assert qr.bounding_box()["y"] < radar.bounding_box()["y"]

        copy.click()
        page.wait_for_selector(".link-status:not(:empty)")
        assert "คัดลอกแล้ว" in page.text_content(".link-status")
        assert page.evaluate("navigator.clipboard.readText()") == link

        share.click()
        assert page.evaluate("window.shared.url") == link
        assert "ลิงก์ส่วนตัวของฉัน" in page.evaluate("window.shared.title")

        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        # 200 % text on a 360 px phone lays out like a 180 px wide page.
        page.set_viewport_size({"width": 180, "height": 320})
        assert page.evaluate("document.documentElement.scrollWidth") <= 180
        assert qr.bounding_box()["width"] <= 180
        context.close()


def test_without_a_share_sheet_only_copy_is_offered(csrf_app, demo, chromium):
    with live_server(csrf_app) as base:
        context = chromium.new_context(viewport=PHONE)
        context.add_init_script("delete Navigator.prototype.share; delete navigator.share;")
        page = context.new_page()
        send_answers(page, base)
        page.wait_for_load_state("load")
        assert page.locator(".copy-link").is_visible()
        assert not page.locator(".share-link").is_visible()
        context.close()


def test_without_javascript_no_button_is_shown_but_the_link_and_qr_are(csrf_app, demo, chromium):
    with live_server(csrf_app) as base:
        context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
        page = context.new_page()
        send_answers(page, base)
        assert page.locator("#personal-link").is_visible()
        assert page.locator(".personal-link .qr").is_visible()
        assert not page.locator(".copy-link").is_visible()
        assert not page.locator(".share-link").is_visible()
        context.close()


def test_the_phone_lists_answers_sent_from_it_until_forgotten(csrf_app, demo, chromium):
    with live_server(csrf_app) as base:
        context = chromium.new_context(viewport=PHONE)
        page = context.new_page()
        page.goto(base + "/")
        assert page.locator("#sent-here").is_hidden()  # nothing sent from this phone yet
        send_answers(page, base)
        result = page.evaluate("location.pathname")
        page.goto(base + "/")
        entries = page.locator("#sent-list a")
        assert page.locator("#sent-here").is_visible() and entries.count() == 1
        assert entries.first.get_attribute("href") == result
        assert entries.first.inner_text() == f"รอบที่ 2 เหลียวหลัง แลหน้า · {PERSON}"
        entries.first.click()
        page.wait_for_url(re.compile(r"/r/[\w-]{43}$"))
        page.go_back()
        page.click("#forget-here")
        assert page.locator("#sent-here").is_hidden()
        assert "ลืมในโทรศัพท์เครื่องนี้แล้ว" in page.text_content("#sent-status")
        page.reload()
        assert page.locator("#sent-here").is_hidden()
        assert page.evaluate("localStorage.getItem('ft:sent')") is None


def test_the_radar_is_drawn_in_the_page_sharp_and_without_a_request(csrf_app, demo, chromium):
    with live_server(csrf_app) as base:
        context = chromium.new_context(viewport=PHONE, device_scale_factor=2)
        page = context.new_page()
        send_answers(page, base)
        link = page.get_attribute("#personal-link", "href")
        refused, requests = [], []  # refused: what the Content-Security-Policy blocked
        page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else 0)
        page.on("request", lambda r: requests.append(r.url))
        for visit in (page.reload, lambda: page.goto(link)):  # again, and a later visit
            requests.clear()
            visit()
            page.wait_for_load_state("load")
            assert link in requests and not [url for url in requests if "radar" in url]
        assert refused == []
        radar = page.locator(".radar svg")
        box = radar.bounding_box()
        assert 300 <= box["width"] <= PHONE["width"] and abs(box["height"] - box["width"]) < 1
        # Drawn as vectors and text in the page's font: the spoke labels are text.
        assert radar.locator("text", has_text="K1").count() == 1
        assert page.get_by_role("img", name=re.compile("เรดาร์|Radar")).count() == 1
        context.close()

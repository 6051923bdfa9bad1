"""In a real headless Chromium, scripts off: the search and tambon form of the notes page."""

import os

import pytest

from tests.live_server import live_server as serving
from tests.notes.conftest import JAM_K1, PASSWORD, SOMSRI_K1

pytestmark = pytest.mark.browser


@pytest.fixture
def live_server(app, notes_world):
    with serving(app) as base:
        yield base


def _shown(page) -> list[str]:
    """The notes on the page, whitespace as one space (pre-line folds runs of spaces)."""
    return [" ".join(text.split()) for text in page.locator("blockquote").all_inner_texts()]


def _signed_in_page(browser, base: str, username: str):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(f"{base}/signin")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/rounds")
    return page


def test_search_then_one_tambon_without_scripts(chromium, live_server, notes_world):
    page = _signed_in_page(chromium, live_server, "admin")
    page.goto(f"{live_server}/rounds/{notes_world.round_id}/notes")
    page.get_by_label("ค้นในบันทึก").fill("ทุกเดือน")
    page.get_by_role("button", name="แสดง").click()
    page.wait_for_load_state()
    assert _shown(page) == [" ".join(SOMSRI_K1.split()), " ".join(JAM_K1.split())]
    page.get_by_label("บันทึกของ").select_option(label="บางจาก")
    page.get_by_role("button", name="แสดง").click()
    page.wait_for_load_state()
    assert _shown(page) == [" ".join(JAM_K1.split())]
    assert "q=" in page.url and f"tambon={notes_world.tambon_a}" in page.url
    if shot := os.environ.get("NOTES_SCREENSHOT"):  # to look at the page by eye
        page.goto(f"{live_server}/rounds/{notes_world.round_id}/notes")
        page.screenshot(path=shot, full_page=True)

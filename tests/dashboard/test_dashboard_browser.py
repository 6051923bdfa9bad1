"""In a real headless Chromium: the river's GET form works with scripts off, and every
chart image of a view loads (served from 127.0.0.1 only)."""

import pytest

from tests.live_server import live_server as serving
from tests.tiny_round import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def live_server(app, tiny):
    """The app served on a free port of 127.0.0.1 while the test runs."""
    with serving(app) as base:
        yield base


def _signed_in_page(browser, base: str, username: str, scripts: bool):
    page = browser.new_context(java_script_enabled=scripts).new_page()
    page.goto(f"{base}/signin")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/rounds")
    return page


def test_the_river_form_picks_lines_without_scripts(chromium, live_server, tiny):
    page = _signed_in_page(chromium, live_server, "bangchak", scripts=False)
    page.goto(f"{live_server}/rounds/{tiny.later}/river?units=people")
    # Two facilitators: both lines drawn at first; untick ประเสริฐ and show again.
    assert page.locator("#lines tbody tr").count() == 2
    page.get_by_label("ประเสริฐ").uncheck()
    page.get_by_role("button", name="แสดง").click()
    page.wait_for_load_state()
    rows = page.locator("#lines tbody th").all_inner_texts()
    assert rows == ["สมศรี"]
    assert "show=" in page.locator("figure img").get_attribute("src")


def test_every_chart_image_of_the_radar_page_loads(chromium, live_server, tiny):
    page = _signed_in_page(chromium, live_server, "admin", scripts=True)
    page.goto(f"{live_server}/rounds/{tiny.later}/radar")
    images = page.locator("figure img")
    assert images.count() == 2
    for index in range(images.count()):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
    widths = page.eval_on_selector_all("figure img", "imgs => imgs.map(i => i.naturalWidth)")
    assert widths == [520, 400]  # two 2.6 in cells side by side; one 4 in radar


def test_the_progress_pictures_and_the_stairs_load(chromium, live_server, tiny):
    page = _signed_in_page(chromium, live_server, "bangchak", scripts=True)
    page.goto(f"{live_server}/rounds/{tiny.later}/progress")
    images = page.locator("figure img")
    assert images.count() == 2
    for index in range(images.count()):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
        # Each picture names the table that holds its numbers, for screen readers.
        table_id = image.get_attribute("aria-describedby")
        assert page.locator(f"table#{table_id} tbody tr").count() == 12
    # 12 items: 2 + 0.75 × 12 = 11 in wide, as the river.
    widths = page.eval_on_selector_all("figure img", "imgs => imgs.map(i => i.naturalWidth)")
    assert widths == [1100, 1100]
    page.goto(f"{live_server}/rounds/{tiny.later}/stairs?units=people")
    stairs = page.locator("figure img")
    stairs.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=stairs.element_handle()
    )
    assert page.eval_on_selector("figure img", "i => i.naturalWidth") == 800

"""In a real headless Chromium with scripts off: the radar page's GET form chooses the
tambons of the grid and filters by team, and the chosen grid image loads."""

import pytest

from tests.live_server import live_server as serving
from tests.tiny_round import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def live_server(app, tiny):
    with serving(app) as base:
        yield base


def test_the_radar_form_chooses_tambons_and_a_team_without_scripts(chromium, live_server, tiny):
    page = chromium.new_context(java_script_enabled=False).new_page()
    page.goto(f"{live_server}/signin")
    page.fill("#username", "admin")
    page.fill("#password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server}/rounds")
    page.goto(f"{live_server}/rounds/{tiny.later}/radar")
    page.locator("details.tambon-chooser summary").click()
    page.get_by_label("ท่าไร่").check()
    page.select_option("#role", "recording")
    page.get_by_role("button", name="แสดง").click()
    page.wait_for_load_state()
    # Tha Rai only, recorders only: น้ำฝน (4 → 4 on every item).
    groups = page.locator("#tambon-numbers tbody th[scope=rowgroup]").all_inner_texts()
    assert len(groups) == 1 and groups[0].startswith("ท่าไร่")
    assert page.locator("#tambon-numbers tbody tr").first.locator("td").first.inner_text() == "4.00"
    grid = page.locator("figure img").first
    src = grid.get_attribute("src")
    assert f"tambons={tiny.tha_rai}" in src and "role=recording" in src
    grid.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=grid.element_handle())

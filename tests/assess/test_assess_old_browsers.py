"""An old phone's browser, lacking a feature the form's script uses: the script leaves the
page alone and the plain form posts; the response is stored once and the result shows."""

import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Facilitator, Response
from tests.live_server import live_server

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 640}
PERSON = "อารีย์ ชูช่วยชาติ"  # has not answered in the demo
MISSING = {
    "fetch": "delete window.fetch;",
    "forEach": "delete NodeList.prototype.forEach;",
    "fetch and forEach": "delete window.fetch; delete NodeList.prototype.forEach;",
    "URLSearchParams": "delete window.URLSearchParams;",
}


def _stored(app) -> list[tuple[str, int, int]]:
    """Each response of the person: (name, revisions, ratings)."""
    with app.app_context():
        query = select(Response).join(Facilitator).where(Facilitator.name == PERSON)
        return [(r.name, len(r.history), len(r.ratings)) for r in db.session.scalars(query)]


@pytest.mark.parametrize("missing", MISSING, ids=list(MISSING))
def test_without_a_feature_the_plain_form_sends_once(csrf_app, demo, chromium, missing):
    with live_server(csrf_app) as base:
        context = chromium.new_context(viewport=PHONE)
        context.add_init_script(MISSING[missing])
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base + "/join?code=DEMO26")
        page.get_by_role("link", name=re.compile(PERSON)).click()
        page.wait_for_url(re.compile(r"/f/\d+$"))
        assert page.evaluate("typeof window.fetch") == ("undefined" if "fetch" in missing
                                                         else "function")  # fmt: skip
        items = page.locator("fieldset.item")
        for n in range(items.count()):
            groups = items.nth(n).locator("fieldset.levels")
            groups.nth(0).locator("label.dot").nth(1).click()
            groups.nth(1).locator("label.dot").nth(3).click()
        assert page.locator(".count").count() == 0  # the script did not take over
        page.click("#rating button.primary")
        page.wait_for_url(re.compile(r"/r/[\w-]{43}$"))
        assert "บันทึกคำตอบของคุณแล้ว" in page.text_content(".flash")
        assert errors == []
        context.close()
    assert _stored(csrf_app) == [(PERSON, 1, 12)]  # once, with all 12 items

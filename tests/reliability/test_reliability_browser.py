"""A real phone-sized Chromium sends its answers while the database is unavailable: the page
says nothing was saved and keeps the submission; once the database is back, the submission is
sent again and stored once."""

import re

import pytest

from app.extensions import db
from tests.conftest import make_app
from tests.live_server import live_server
from tests.reliability.workshop import database_outage, stored

pytestmark = pytest.mark.browser


def _answer_every_item(page) -> None:
    for n, item in enumerate(page.locator("fieldset.item").all()):
        current = n % 4
        groups = item.locator("fieldset.levels")
        groups.nth(0).locator("label.dot").nth(current).click()
        groups.nth(1).locator("label.dot").nth(current + 1).click()


def test_a_submission_refused_by_an_outage_is_kept_and_sent_once_later(
    app, workshop, database_url, chromium
):
    person = workshop.people[0]
    serving = make_app(database_url, WTF_CSRF_ENABLED=True, SQLITE_BUSY_TIMEOUT=0.5)
    try:
        with live_server(serving) as base:
            context = chromium.new_context(viewport={"width": 360, "height": 640})
            page = context.new_page()
            page.goto(base + workshop.form_url(person))
            _answer_every_item(page)
            assert page.text_content("#progress") == "ทำแล้ว 12 จาก 12 หัวข้อ"

            with database_outage(database_url):
                page.click("#rating button.primary")
                page.wait_for_selector("#status.warn")
                status = page.text_content("#status")
                queued = page.evaluate("Object.keys(localStorage).filter(k => k.includes('queue'))")
            assert "ยังไม่ได้บันทึก" in status and "ยังอยู่ครบ" in status
            assert len(queued) == 1  # the submission waits on the phone
            assert stored(app, workshop.round_id) == {}

            page.reload()  # opening the page again sends what waits
            page.wait_for_url(re.compile(r"/r/[\w-]{43}$"), timeout=20000)
            assert "บันทึกคำตอบของคุณแล้ว" in page.text_content(".flash")
            assert page.evaluate("Object.keys(localStorage)") == ["ft:sent"]
            context.close()
    finally:
        with serving.app_context():
            db.engine.dispose()

    [response] = stored(app, workshop.round_id).values()
    assert response.revision == 1 and len(response.ratings) == 12
    assert {(r[1], r[2]) for r in response.ratings} == {
        (1.0, 2.0),
        (2.0, 3.0),
        (3.0, 4.0),
        (4.0, 5.0),
    }

"""Joining in a real browser: a join code typed with the Thai keyboard layout left on opens
the round, and a phone that mistypes 61 codes behind the hall's one address does not stop
another phone's answers from being sent."""

import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Facilitator, Response, Round
from tests.live_server import live_server
from tests.phone_pages import PERSON, PHONE, open_form

pytestmark = pytest.mark.browser


def test_a_code_typed_on_the_thai_layout_opens_the_round(csrf_app, demo, chromium):
    with live_server(csrf_app) as base:
        context = chromium.new_context(viewport=PHONE)
        page = context.new_page()
        page.goto(base + "/")
        page.fill("#join-code", "กำทน/ุ")  # D E M O 2 6 pressed with the Thai layout on
        page.click(".join-box button")
        page.wait_for_url(re.compile(r"/j/DEMO26$"))
        assert page.get_by_role("link", name=re.compile(PERSON)).is_visible()
        context.close()


def test_61_wrong_codes_from_the_hall_do_not_stop_a_phone_sending(csrf_app, demo, chromium):
    # Every page comes from 127.0.0.1 here: one address, as behind a hall's router.
    with live_server(csrf_app) as base:
        answering = chromium.new_context(viewport=PHONE).new_page()
        open_form(answering, base)
        for item in answering.locator("fieldset.item").all():
            item.locator(".now input").nth(1).check()
            item.locator(".goal input").nth(2).check()
        mistyping = chromium.new_context(viewport=PHONE).new_page()
        statuses = [mistyping.goto(f"{base}/join?code=ZZZ{n:03d}").status for n in range(61)]
        assert statuses[-1] == 429  # the guessing phone is slowed down
        answering.click("#rating button.primary")
        answering.wait_for_url(re.compile(r"/r/[\w-]{43}$"), timeout=20000)
    with csrf_app.app_context():
        stored = db.session.execute(
            select(Response)
            .join(Round)
            .join(Facilitator)
            .where(Round.join_code == "DEMO26", Facilitator.name == PERSON)
        ).scalar_one()
        assert {r.current_level for r in stored.ratings} == {2.0}

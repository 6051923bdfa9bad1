"""The freedom table row by row on a phone (Chromium, 360×640): each indicator once with its
two choices; a target below the current level cannot be chosen; a finished item folds to one
line and the next comes into view; a missing choice is shown at its item, with the focus on
the group that needs it, with or without JavaScript."""

import re

import pytest

from tests.live_server import live_server
from tests.phone_pages import PHONE, open_form

pytestmark = pytest.mark.browser


def _focused(page) -> str:
    return page.evaluate("document.activeElement.name + '=' + document.activeElement.value")


def test_a_row_holds_both_choices_and_a_finished_item_folds(csrf_app, demo, chromium):
    with live_server(csrf_app) as base:
        context = chromium.new_context(viewport=PHONE)
        page = context.new_page()
        open_form(page, base)
        item = page.locator("#K1")
        # Two labelled radio groups, each choice described by its row's indicator.
        now = item.get_by_role("group", name=re.compile("ระดับปัจจุบัน"))
        goal = item.get_by_role("group", name=re.compile("ระดับเป้าหมาย"))
        assert now.get_by_role("radio").count() == 5 and goal.get_by_role("radio").count() == 5
        described = now.get_by_role("radio").nth(2).get_attribute("aria-describedby")
        assert page.locator(f"#{described}").text_content().startswith("3 ")
        # Level 3 now: targets 1 and 2 cannot be chosen.
        now.get_by_role("radio").nth(2).check()
        disabled = [goal.get_by_role("radio").nth(i).is_disabled() for i in range(5)]
        assert disabled == [True, True, False, False, False]
        goal.get_by_role("radio").nth(3).check()
        assert "folded" in item.get_attribute("class")
        assert item.locator(".chosen").inner_text().startswith("ปัจจุบัน 3 · เป้าหมาย 4")
        assert item.bounding_box()["height"] < 250
        # The next item is in view.
        top = page.locator("#K2").bounding_box()["y"]
        assert 0 <= top < PHONE["height"]
        # "Change" opens it again, on the current level chosen.
        item.locator(".chosen button").click()
        assert "folded" not in item.get_attribute("class")
        assert _focused(page) == "K1-current=3"
        # A current level above the target clears the target, and says so at the item.
        now.get_by_role("radio").nth(4).check()
        assert goal.locator("input:checked").count() == 0
        assert "folded" not in item.get_attribute("class")
        assert "เลือกระดับเป้าหมายอีกครั้ง" in item.locator(".error").inner_text()
        # Opened with "Change", it stays open while both levels are changed…
        goal.get_by_role("radio").nth(4).check()
        assert "folded" not in item.get_attribute("class")
        # …and folds once the next item is touched.
        page.locator("#K2 .now input").nth(0).check()
        assert "folded" in item.get_attribute("class")
        assert item.locator(".chosen").inner_text().startswith("ปัจจุบัน 5 · เป้าหมาย 5")
        context.close()


def test_with_the_keyboard_an_item_folds_only_when_the_focus_leaves_it(csrf_app, demo, chromium):
    with live_server(csrf_app) as base:
        context = chromium.new_context(viewport=PHONE)
        page = context.new_page()
        open_form(page, base)
        page.focus("input[name='K1-current'][value='1']")
        page.keyboard.press("Space")
        page.keyboard.press("ArrowDown")  # current 2
        page.keyboard.press("Tab")  # to the target group
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")  # every arrow is a choice: target moves on
        assert page.evaluate("document.activeElement.name") == "K1-target"
        assert page.is_visible("input[name='K1-target']:focus")
        assert "folded" not in page.get_attribute("#K1", "class")
        chosen = page.evaluate("document.activeElement.value")
        page.keyboard.press("Tab")  # "Add a note", still in K1
        assert "folded" not in page.get_attribute("#K1", "class")
        page.keyboard.press("Tab")  # into K2
        assert "folded" in page.get_attribute("#K1", "class")
        assert page.locator("#K1 .chosen").inner_text().startswith(f"ปัจจุบัน 2 · เป้าหมาย {chosen}")
        assert page.evaluate("document.activeElement.name") == "K2-current"
        context.close()


def test_send_with_a_missing_target_goes_to_that_item_and_group(csrf_app, demo, chromium):
    with live_server(csrf_app) as base:
        context = chromium.new_context(viewport=PHONE)
        page = context.new_page()
        open_form(page, base)
        for code in ("K1", "K2", "K3", "S1", "S2"):
            page.check(f"input[name='{code}-current'][value='2']")
            page.check(f"input[name='{code}-target'][value='3']")
        page.check("input[name='S3-current'][value='2']")  # S3's target missing
        page.click("#rating button.primary")
        assert _focused(page) == "S3-target=2"  # the first target that can be chosen
        assert page.locator("#S3 .error").inner_text() == "กรุณาเลือกระดับเป้าหมาย"
        assert "ยังไม่ครบ" in page.text_content("#status")
        context.close()


def test_without_javascript_the_problems_link_to_their_items(csrf_app, demo, chromium):
    with live_server(csrf_app) as base:
        context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
        page = context.new_page()
        open_form(page, base)
        page.check("input[name='K1-current'][value='2']")
        page.click("#rating button.primary")
        page.wait_for_selector("ul.problems")
        links = page.locator("ul.problems a")
        assert links.count() == 12
        assert links.first.get_attribute("href") == "#K1"
        links.nth(3).click()  # S1
        assert page.evaluate("location.hash") == "#S1"
        assert page.locator("#S1 .error").first.is_visible()
        # The choice made is kept, the others wait.
        assert page.is_checked("input[name='K1-current'][value='2']")
        context.close()


@pytest.mark.parametrize("javascript", [False, True], ids=["without JavaScript", "with it"])
def test_switching_language_half_way_keeps_every_answer(csrf_app, demo, chromium, javascript):
    with live_server(csrf_app) as base:
        context = chromium.new_context(viewport=PHONE, java_script_enabled=javascript)
        page = context.new_page()
        open_form(page, base)
        page.check("input[name='K1-current'][value='2']")
        page.check("input[name='K1-target'][value='4']")
        page.check("input[name='K2-current'][value='3']")
        page.click("#K2 .note summary")
        page.fill("#K2-note", "จัดเวทีได้เอง")
        page.click("button[name=switch_lang]")
        page.wait_for_selector("html[lang=en]")
        assert "Send my answers" in page.text_content("#rating button.primary")
        chosen = page.evaluate(
            "Object.fromEntries([...document.querySelectorAll('input[type=radio]:checked')]"
            ".map(i => [i.name, i.value]))"
        )
        assert chosen == {"K1-current": "2", "K1-target": "4", "K2-current": "3"}
        assert page.input_value("#K2-note") == "จัดเวทีได้เอง"
        assert page.locator(".error").count() == 0  # switching is not sending
        # Enter on a choice sends the form (its default button), it does not switch back.
        page.focus("input[name='K3-current'][value='1']")
        page.keyboard.press("Enter")
        page.wait_for_timeout(500)
        assert page.evaluate("document.documentElement.lang") == "en"
        context.close()


def test_at_200_percent_text_the_bar_stays_one_line_and_nothing_scrolls_sideways(
    csrf_app, demo, chromium
):
    # 200 % text on a 360 × 640 phone lays out like a 180 × 320 page.
    with live_server(csrf_app) as base:
        context = chromium.new_context(viewport={"width": 180, "height": 320})
        page = context.new_page()
        open_form(page, base)
        assert page.evaluate("document.documentElement.scrollWidth") <= 180
        one_line = page.locator("#rating button.primary").bounding_box()["height"] + 16
        assert page.locator(".bar").bounding_box()["height"] <= one_line
        page.click("#rating button.primary")  # nothing chosen: a message in the bar
        assert "ยังไม่ครบ" in page.text_content("#status")
        assert page.locator(".bar").bounding_box()["height"] <= one_line
        page.check("input[name='K1-current'][value='2']")
        page.check("input[name='K1-target'][value='3']")
        assert page.evaluate("document.documentElement.scrollWidth") <= 180
        context.close()


def test_a_phone_that_kept_last_round_s_link_sees_where_it_stood(app, csrf_app, demo, chromium):
    from sqlalchemy import select

    from app.extensions import db
    from app.models import Facilitator, Response, Round
    from app.ratings import new_token, token_hash

    with app.app_context():
        person = db.session.execute(
            select(Facilitator).filter_by(name="สุนีย์ ทองประเสริฐ")
        ).scalar_one()
        rounds = {
            r.join_code: r
            for r in db.session.execute(select(Round)).scalars()
            if r.join_code in ("DEMO25", "DEMO26")
        }
        # Not yet answered this round; her link of the last round kept on her phone.
        this_round = db.session.execute(
            select(Response).filter_by(round_id=rounds["DEMO26"].id, facilitator_id=person.id)
        ).scalar_one()
        db.session.delete(this_round)
        # Her personal link of the closed round (as the phone kept it then).
        earlier = db.session.execute(
            select(Response).filter_by(round_id=rounds["DEMO25"].id, facilitator_id=person.id)
        ).scalar_one()
        token = new_token()
        earlier.token_hash = token_hash(token)
        before = {r.item_code: (r.current_level, r.target_level) for r in earlier.ratings}
        db.session.commit()
        form_url = f"/j/DEMO26/f/{person.id}"
    with live_server(csrf_app) as base:
        phone = chromium.new_context(viewport=PHONE)
        page = phone.new_page()
        page.goto(f"{base}/r/{token}")  # the result page keeps the link on the phone
        page.goto(base + form_url)
        page.wait_for_selector(".was")
        for code, (current, target) in before.items():
            assert "รอบก่อน: ปัจจุบัน" in page.text_content(f"#{code}-{current:g}")
            assert "รอบก่อน: เป้าหมาย" in page.text_content(f"#{code}-{target:g}")
        assert page.locator(".was").count() == 2 * len(before)
        assert "รอบที่ 1" in page.text_content(".was-note")
        assert page.locator("input:checked").count() == 0  # marked, not chosen
        phone.close()
        other = chromium.new_context(viewport=PHONE)  # another phone: nothing shown
        page = other.new_page()
        page.goto(base + form_url)
        page.wait_for_timeout(500)
        assert page.locator(".was").count() == 0
        other.close()


def test_whatever_the_phone_kept_the_pages_still_work(csrf_app, demo, chromium):
    with live_server(csrf_app) as base:
        for kept in ('{"a": 1}', "null", '"text"', "[1, null, {}]"):
            context = chromium.new_context(viewport=PHONE)
            context.add_init_script(f"localStorage.setItem('ft:sent', {kept!r});")
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda error, found=errors: found.append(str(error)))
            open_form(page, base)
            page.check("input[name='K1-current'][value='2']")
            page.check("input[name='K1-target'][value='3']")
            assert "folded" in page.get_attribute("#K1", "class")
            assert page.text_content("#progress") == "ทำแล้ว 1 จาก 12 หัวข้อ"
            page.goto(base + "/")
            assert page.locator("#sent-here").is_hidden()
            assert errors == [], (kept, errors)
            context.close()

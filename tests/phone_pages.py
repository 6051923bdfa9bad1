"""A facilitator's phone in the browser tests: its screen, the demo person who has not
answered DEMO26, and the steps to reach the form and the result page."""

import re

PHONE = {"width": 360, "height": 640}
PERSON = "อารีย์ ชูช่วยชาติ"  # has not answered DEMO26 in the demo


def open_form(page, base: str, person: str = PERSON) -> None:
    """From the roster of DEMO26, the form of `person`."""
    page.goto(base + "/j/DEMO26")
    page.get_by_role("link", name=re.compile(person)).click()
    page.wait_for_selector("#K1")


def send_answers(page, base: str) -> None:
    """Answer every item with taps (current 2, target 3) and send: the result page opens."""
    open_form(page, base)
    for item in page.locator("fieldset.item").all():
        item.locator(".now label.dot").nth(1).click()
        item.locator(".goal label.dot").nth(2).click()
    page.click("#rating button.primary")
    page.wait_for_url(re.compile(r"/r/[\w-]{43}$"))
    page.wait_for_load_state("load")

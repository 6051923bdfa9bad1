"""axe finds no violation on the form, roster, result and sign-in pages, in the real browser
(Chromium at 360×640, in Thai, as a facilitator's phone opens them).

axe-core comes from the PyPI package axe-playwright-python (pinned in requirements.txt), which
ships axe.min.js (axe-core, MPL-2.0; the wrapper is MIT); nothing is downloaded at run time.
The page's strict CSP does not stop it: Playwright evaluates the source through the DevTools
protocol, not as a page script, so the pages are checked exactly as they are served.
"""

from importlib.resources import files

import pytest

from tests.live_server import live_server
from tests.phone_pages import PHONE, open_form, send_answers

pytestmark = pytest.mark.browser
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def axe_source() -> str:
    """axe.min.js as the pinned package ships it."""
    return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def violations(page) -> list[dict]:
    """What axe finds on the page as it stands (WCAG 2.0 and 2.1, levels A and AA)."""
    page.evaluate(axe_source())
    return page.evaluate("rules => axe.run(document, rules)", RULES)["violations"]


def readable(found: list[dict]) -> str:
    """One paragraph per violated rule: its id, impact, help, and each element's target and
    axe's summary of what is wrong with it."""
    lines = []
    for rule in found:
        lines.append(f"{rule['id']} ({rule['impact']}): {rule['help']}")
        for node in rule["nodes"]:
            lines.append(f"  {' '.join(node['target'])}: {node['html'][:160]}")
            lines.append("    " + node["failureSummary"].replace("\n", "\n    "))
    return "\n".join(lines)


def open_roster(page, base: str) -> None:
    page.goto(base + "/j/DEMO26")


def open_form_with_problems(page, base: str) -> None:
    """The form after Send with one item half answered: errors shown at the items."""
    open_form(page, base)
    page.check("input[name='K1-current'][value='2']")
    page.click("#rating button.primary")
    page.wait_for_selector("#K1 .error")


def open_sign_in(page, base: str) -> None:
    page.goto(base + "/signin")


PAGES = [open_roster, open_form, open_form_with_problems, send_answers, open_sign_in]


@pytest.mark.parametrize("open_page", PAGES)
def test_axe_finds_no_violation(csrf_app, demo, chromium, open_page):
    with live_server(csrf_app) as base:
        context = chromium.new_context(viewport=PHONE, locale="th-TH")
        page = context.new_page()
        open_page(page, base)
        found, url = violations(page), page.url
        context.close()
    assert not found, f"axe on {url}:\n{readable(found)}"


def test_axe_reports_a_violation_it_is_shown(csrf_app, demo, chromium):
    """The check can fail: an image without a text alternative is reported."""
    with live_server(csrf_app) as base:
        context = chromium.new_context(viewport=PHONE)
        page = context.new_page()
        open_sign_in(page, base)
        page.evaluate("document.querySelector('main').append(document.createElement('img'))")
        found = violations(page)
        context.close()
    assert [rule["id"] for rule in found] == ["image-alt"]
    assert "image-alt (critical)" in readable(found)

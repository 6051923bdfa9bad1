"""The offline copy in Cache Storage: made from what the form page already received (nothing
downloaded twice), never a personal /r/ page, and gone once the answers are confirmed."""

import re

import pytest

from tests.live_server import live_server

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 640}
PERSON = "อารีย์ ชูช่วยชาติ"  # has not answered in the demo
CACHED_PATHS = """async () => {
  const paths = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
  }
  return paths.sort();
}"""


def _counting(app, hits: list):
    """`app`, noting each request's method, path and status."""

    def wsgi(environ, start_response):
        def noting(status, headers, *rest):
            hits.append((environ["REQUEST_METHOD"], environ["PATH_INFO"], int(status[:3])))
            return start_response(status, headers, *rest)

        return app(environ, noting)

    return wsgi


def _answer_everything(page) -> None:
    items = page.locator("fieldset.item")
    for n in range(items.count()):
        groups = items.nth(n).locator("fieldset.levels")
        groups.nth(0).locator("label.dot").nth(2).click()
        groups.nth(1).locator("label.dot").nth(3).click()


def test_the_offline_copy_is_made_once_holds_no_personal_page_and_goes_after_sending(
    csrf_app, demo, chromium
):
    hits: list[tuple[str, str]] = []
    with live_server(_counting(csrf_app, hits)) as base:
        context = chromium.new_context(viewport=PHONE)
        page = context.new_page()
        page.goto(base + "/j/DEMO26")
        page.get_by_role("link", name=re.compile(PERSON)).click()
        page.wait_for_selector("html[data-offline-ready]")
        form_path = page.evaluate("location.pathname")
        files = ["/static/app.css", "/static/assess.css", "/static/assess.js"]
        assert page.evaluate(CACHED_PATHS) == sorted([form_path, *files])
        # Each came down once (a later load may only ask "unchanged?" and get a 304): the
        # copy is made from what the page received.
        for path in [form_path, *files]:
            assert hits.count(("GET", path, 200)) == 1, path

        _answer_everything(page)
        page.click("#rating button.primary")
        page.wait_for_url(re.compile(r"/r/[\w-]{43}$"))
        assert "บันทึกคำตอบของคุณแล้ว" in page.text_content(".flash")
        kept = page.evaluate(CACHED_PATHS)
        assert [p for p in kept if p.startswith("/r/")] == []
        assert form_path not in kept  # confirmed: a shared phone keeps nobody's form

        # Changing the answers through the personal link keeps nothing either.
        page.get_by_role("link", name="แก้ไขคำตอบ").click()
        page.wait_for_url(re.compile(r"/r/[\w-]{43}/edit$"))
        page.wait_for_load_state("networkidle")
        assert [p for p in page.evaluate(CACHED_PATHS) if p.startswith("/r/")] == []
        context.close()

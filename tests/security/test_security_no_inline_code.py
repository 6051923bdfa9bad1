"""The Content-Security-Policy holds: no template carries inline script, event handlers or
style, and a real Chromium loading the main pages reports no violation of the policy and
asks no other host for anything.

Every page the app renders is also checked for inline code in test_security_every_route.py
(as each kind of visitor); here the templates themselves, and a browser's own verdict.
"""

import re
from pathlib import Path

import pytest

from tests.live_server import live_server
from tests.security.security_world import DEMO_CODE, FACILITATOR, UNANSWERED
from tests.tiny_round import PASSWORD

TEMPLATES = Path(__file__).resolve().parents[2] / "app" / "templates"
INLINE = {
    "inline <script>": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "on*= handler": re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE),
    "style= attribute": re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE),
    "<style> element": re.compile(r"<style\b", re.IGNORECASE),
    "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
    "another host": re.compile(r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//""", re.I),
}
# Records every violation the page reports, before any of the page's own scripts run.
LISTENER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""


def test_the_templates_hold_no_inline_code():
    found = [
        f"{path.relative_to(TEMPLATES)}: {what}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for what, pattern in INLINE.items()
        if pattern.search(path.read_text())
    ]
    assert len(list(TEMPLATES.rglob("*.html"))) > 30
    assert found == []


def test_the_patterns_find_what_they_look_for():
    samples = ["<script>x()</script>", '<a href="#" onclick="x()">', '<p style="color:red">',
               "<style>p{}</style>", '<a href="javascript:x()">',
               '<img src="https://cdn.example/x.png">']  # fmt: skip
    assert [bool(p.search(s)) for s, p in zip(samples, INLINE.values())] == [True] * 6
    assert INLINE["another host"].search('<link href="//cdn.example/x.css">')
    assert not any(
        p.search('<script src="/static/assess.js" defer></script>') for p in INLINE.values()
    )


def _public_pages(world) -> list[str]:
    token = world.tokens[FACILITATOR]
    return ["/", "/instruments/facilitator-competency", "/signin", "/join?code=NOSUCH",
            f"/j/{DEMO_CODE}", f"/j/{DEMO_CODE}/add",
            f"/j/{DEMO_CODE}/f/{world.people[UNANSWERED].id}", f"/r/{token}", f"/r/{token}/edit",
            "/no-such-page"]  # fmt: skip


def _coordinator_pages(world) -> list[str]:
    demo = f"/rounds/{world.rounds['demo']}"
    return ["/rounds", "/rounds/new", f"{demo}/join", f"{demo}/poster", demo, f"{demo}/radar",
            f"{demo}/radar/{world.tambons['bangchak']}", f"{demo}/river?units=people",
            f"{demo}/stairs", f"{demo}/gaps", f"{demo}/pairs", f"{demo}/progress",
            f"{demo}/exports", f"{demo}/charts/river.svg", "/roster/import", "/admin/accounts",
            "/admin/tambons", f"/admin/accounts/{world.accounts['bangchak']}"]  # fmt: skip


class Watcher:
    """What a browser page reports: CSP violations, console errors, failed loads, requests
    to another host."""

    def __init__(self, page, base: str) -> None:
        self.page, self.base = page, base
        self.console: list[str] = []
        self.failed: list[str] = []
        self.elsewhere: list[str] = []
        page.on("console", self._console)
        page.on("response", self._response)
        page.on("request", self._request)

    def _console(self, message) -> None:
        # A failed load is logged without its URL: _response names it.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console.append(message.text)

    def _response(self, response) -> None:
        # Nothing may fail, not even the /favicon.ico the browser asks for by itself.
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url.removeprefix(self.base)}")

    def _request(self, request) -> None:
        if not request.url.startswith((self.base, "data:")):
            self.elsewhere.append(request.url)

    def visit(self, path: str) -> dict:
        self.console.clear()
        self.failed.clear()
        self.page.goto(self.base + path, wait_until="load")
        violations = self.page.evaluate("window.__violations || []")
        failed = [f for f in self.failed if f.split(" ", 1)[1] != path]  # but the page itself
        return {"violations": violations, "console": list(self.console), "failed": failed}


def _watched_page(browser, base: str) -> Watcher:
    context = browser.new_context(locale="th-TH")
    context.add_init_script(LISTENER)
    return Watcher(context.new_page(), base)


@pytest.mark.browser
def test_no_page_breaks_the_policy_in_a_real_browser(chromium, world_app, world):
    with live_server(world_app) as base:
        watcher = _watched_page(chromium, base)
        reports = {path: watcher.visit(path) for path in _public_pages(world)}
        watcher.page.goto(f"{base}/signin")
        watcher.page.fill("#username", "admin")
        watcher.page.fill("#password", PASSWORD)
        watcher.page.click("input[type=submit]")
        watcher.page.wait_for_url(f"{base}/rounds")
        reports |= {path: watcher.visit(path) for path in _coordinator_pages(world)}
        elsewhere = watcher.elsewhere
    clean = {"violations": [], "console": [], "failed": []}
    assert {path: r for path, r in reports.items() if r != clean} == {}
    assert elsewhere == []


@pytest.mark.browser
def test_the_watcher_sees_a_violation(chromium, world_app, world):
    """The control: markup the policy forbids, added to a page, is reported."""
    with live_server(world_app) as base:
        watcher = _watched_page(chromium, base)
        watcher.visit("/")
        watcher.page.evaluate(
            """document.body.insertAdjacentHTML("beforeend",
               '<p style="color: red">x</p><img src="https://example.invalid/x.png">')"""
        )
        watcher.page.wait_for_function("window.__violations.length >= 2")
        violations = watcher.page.evaluate("window.__violations")
    assert any(v.startswith("style-src") for v in violations)
    assert "img-src https://example.invalid/x.png" in violations

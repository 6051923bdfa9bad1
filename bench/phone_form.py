"""The facilitator's form on a phone, in a real browser: height, taps, bytes, first paint.

Serves the app (werkzeug, a thread) on 127.0.0.1 on a temporary SQLite database with the
demo data, and drives headless Chromium (the system's /usr/bin/chromium through Playwright)
at 360×640 in Thai, for a person who has not answered DEMO26. Prints, beside their goals:

- height: the Thai form page's height in CSS px, nothing chosen yet (goal ≤ 7,000);
- taps: from the join code typed on the home page to the result page, counting every click
  this script makes (goal: one per choice plus Send; the Join button and the name on the
  roster are counted too, and shown apart);
- bytes: every response body of a first visit to the form (page, styles, script, favicon,
  sw.js, and whatever the offline copy fetches), as the server wrote it, compressed
  (Accept-Encoding: br, gzip as Chromium asks). A WSGI wrapper counts them, so the service
  worker's own requests are counted too; Chromium's own count (CDP Network events of the
  page, headers included) is printed beside it (goal ≤ 20 KB);
- first contentful paint of the form, cold cache, under 400 ms round trip, 50 KB/s each way
  and a 4× slower CPU (CDP Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate)
  (goal ≤ 1.6 s).

Thai text: this machine has no Thai system font, and Chromium would draw boxes of the wrong
height. The bench gives Chromium a fontconfig file (FONTCONFIG_FILE, in a temporary folder)
that adds the Sarabun TTF files of the installed package fontpkg_sarabun to the system's
fonts; the app's font stack names "Sarabun", so the page is measured as served, with no CSP
bypass and no injected style. Phones have a Thai font of their own.

Run from the repository root: .venv/bin/python bench/phone_form.py
"""

import logging
import re
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import fontpkg_sarabun
from werkzeug.serving import make_server

from bench.slow_clients import demo_database
from tests.conftest import CHROMIUM, CHROMIUM_ARGS

PHONE = {"width": 360, "height": 640}
PERSON = "อารีย์ ชูช่วยชาติ"  # has not answered DEMO26 in the demo
CODE = "DEMO26"
GOALS = {"height": 7000, "bytes": 20 * 1024, "fcp": 1.6}
SLOW_NETWORK = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 50 * 1024,
    "uploadThroughput": 50 * 1024,
}
CPU_SLOWDOWN = 4
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


class BodyCounter:
    """WSGI middleware: the bytes of every response body the app writes, per request, in
    order (method, path, Content-Encoding, bytes). Flask-Compress has compressed them by then."""

    def __init__(self, app):
        self.app = app
        self.log: list[tuple[str, str, str, int]] = []

    def __call__(self, environ, start_response):
        headers = {}

        def start(status, response_headers, exc_info=None):
            headers.update((k.lower(), v) for k, v in response_headers)
            return start_response(status, response_headers, exc_info)

        body = b"".join(self.app(environ, start))
        encoding = headers.get("content-encoding", "none")
        self.log.append((environ["REQUEST_METHOD"], environ["PATH_INFO"], encoding, len(body)))
        return [body]


@contextmanager
def served(database: str) -> Iterator[tuple[str, BodyCounter]]:
    """The app on `database` behind a BodyCounter, on 127.0.0.1; yields the base URL."""
    from app import create_app

    app = create_app({"SQLALCHEMY_DATABASE_URI": database, "SECRET_KEY": "bench"})
    counter = BodyCounter(app.wsgi_app)
    app.wsgi_app = counter
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", counter
    finally:
        server.shutdown()
        server.server_close()


def fontconfig_file(folder: Path) -> Path:
    """A fonts.conf: the system's fonts and the Sarabun files of fontpkg_sarabun."""
    fonts = Path(fontpkg_sarabun.__file__).parent / "files"
    conf = folder / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=fonts, cache=folder / "cache"), encoding="utf-8")
    return conf


@contextmanager
def chromium(folder: Path):
    """Headless Chromium with Sarabun among its fonts."""
    from playwright.sync_api import sync_playwright

    env = {"FONTCONFIG_FILE": str(fontconfig_file(folder))}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, env=env)
        try:
            yield browser
        finally:
            browser.close()


def form_url(browser, base: str) -> str:
    """The address of the person's form, as the roster links it."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{base}/j/{CODE}")
    href = page.get_by_role("link", name=re.compile(PERSON)).get_attribute("href")
    context.close()
    return base + href


def form_height(browser, url: str) -> tuple[int, str]:
    """The page's height in CSS px at 360 px wide, and the font that draws the Thai title."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#K1")
    height = page.evaluate("document.documentElement.scrollHeight")
    cdp = context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    node = cdp.send("DOM.querySelector", {"nodeId": cdp.send("DOM.getDocument")["root"]["nodeId"],
                                          "selector": "h1"})  # fmt: skip
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    context.close()
    return height, ", ".join(f"{f['familyName']} ({f['glyphCount']} glyphs)" for f in fonts)


def taps_to_result(browser, base: str) -> dict[str, int]:
    """From the home page: type the code, Join, the name, every choice, Send; the clicks."""
    taps = {"join": 0, "name": 0, "choices": 0, "send": 0}
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base + "/")
    page.fill("#join-code", CODE)
    page.click(".join-box button.primary")
    taps["join"] += 1
    page.get_by_role("link", name=re.compile(PERSON)).click()
    taps["name"] += 1
    items = page.locator("fieldset.item")
    for n in range(items.count()):
        groups = items.nth(n).locator("fieldset.levels")
        groups.nth(0).locator("label.dot").nth(1).click()
        groups.nth(1).locator("label.dot").nth(2).click()
        taps["choices"] += 2
    page.click("#rating button.primary")
    taps["send"] += 1
    page.wait_for_url(re.compile(r"/r/[\w-]{43}$"))
    context.close()
    return taps


def first_visit(browser, url: str, counter: BodyCounter) -> tuple[list, int]:
    """The server's log of a first visit to the form until the offline copy is made, and
    Chromium's own count of the page's bytes (headers and bodies, CDP encodedDataLength)."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    received = []
    cdp.on("Network.loadingFinished", lambda e: received.append(e["encodedDataLength"]))
    start = len(counter.log)
    page.goto(url)
    page.wait_for_selector("html[data-offline-ready]", timeout=30_000)
    page.wait_for_load_state("networkidle")
    context.close()
    return counter.log[start:], int(sum(received))


def first_paint(browser, url: str) -> float:
    """First contentful paint of the form in seconds, cold cache, slow network and CPU."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.goto(url, timeout=120_000)
    paint = page.evaluate(
        "new Promise(done => new PerformanceObserver((list, observer) => {"
        " const e = list.getEntriesByName('first-contentful-paint')[0];"
        " if (e) { observer.disconnect(); done(e.startTime); } })"
        ".observe({type: 'paint', buffered: true}))"
    )
    context.close()
    return paint / 1000


def verdict(ok: bool) -> str:
    return "within" if ok else "OVER"


def report_page(height: int, font: str, taps: dict[str, int]) -> None:
    print(f"Form of {PERSON} ({CODE}, facilitator instrument, 12 items, Thai), 360×640")
    print(f"Thai drawn with: {font}")
    goal = GOALS["height"]
    print(f"height: {height:,} px (goal ≤ {goal:,}: {verdict(height <= goal)})")
    print(f"taps from the join code to the result page: {sum(taps.values())} (Join "
          f"{taps['join']}, name {taps['name']}, choices {taps['choices']}, Send "
          f"{taps['send']}); goal: one per choice plus Send = {taps['choices'] + 1}")  # fmt: skip


def report_load(visit: list, chromium_bytes: int, fcp: float) -> None:
    print("first visit, every response body as sent:")
    for method, path, encoding, size in visit:
        print(f"  {method:4} {path:28} {encoding:>5} {size:>7,} B")
    body, goal = sum(size for *_, size in visit), GOALS["bytes"]
    print(f"  total {body:,} B = {body / 1024:.1f} KB compressed "
          f"(goal ≤ {goal // 1024} KB: {verdict(body <= goal)}); Chromium's count for "
          f"the page, headers included: {chromium_bytes / 1024:.1f} KB")  # fmt: skip
    print(f"first contentful paint: {fcp:.2f} s at 400 ms RTT, 50 KB/s, CPU 4× slower "
          f"(goal ≤ {GOALS['fcp']} s: {verdict(fcp <= GOALS['fcp'])})")  # fmt: skip


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = f"sqlite:///{folder / 'phone.sqlite'}"
        demo_database(database)
        with served(database) as (base, counter), chromium(folder) as browser:
            url = form_url(browser, base)
            visit, chromium_bytes = first_visit(browser, url, counter)
            height, font = form_height(browser, url)
            fcp = first_paint(browser, url)
            taps = taps_to_result(browser, base)  # last: this person has answered after
    report_page(height, font, taps)
    report_load(visit, chromium_bytes, fcp)


if __name__ == "__main__":
    main()

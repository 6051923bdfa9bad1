"""Page weight of the facilitator's form and result page: bytes on the wire, compressed.

Serves the app on 127.0.0.1 (a werkzeug server thread) on a temporary SQLite database
migrated with Alembic and holding the demo data, opens the form of a facilitator in the
open demo round (facilitator instrument, 12 items) and fetches it and everything it
references (stylesheets, script, images, the service worker named in data-sw) with
`Accept-Encoding: br, gzip`, as a phone's browser would. Prints, per resource, the body
bytes on the wire, the response headers, and the uncompressed size; then the totals, and
whether anything refers to another host. Then the same for the result page of a demo
answer (its personal link `/r/<token>`, with its QR code and radar).

Run from the repository root: .venv/bin/python bench/page_weight.py
"""

import gzip
import logging
import re
import sys
import tempfile
import threading
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import brotli
import flask_migrate
from sqlalchemy import select
from werkzeug.serving import make_server

from app import create_app
from app.demo.load import load_demo
from app.extensions import db
from app.instruments import load_directory
from app.instruments.store import store_version
from app.models import Facilitator, Response, Round
from app.ratings import token_hash
from config import Config

BUDGET = 30 * 1024
TOKEN = "page-weight-bench"  # given to one demo answer, to open its result page
HEADERS = {"User-Agent": "page-weight bench"}
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda data: data}


class References(HTMLParser):
    """The URLs an HTML page makes the browser load, and every URL it mentions."""

    LOADED = {("link", "href"), ("script", "src"), ("img", "src"), ("form", "data-sw")}

    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []
        self.mentioned: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and name in ("href", "src", "action", "data-sw", "srcset", "poster"):
                self.mentioned.append(value)
                if (tag, name) in self.LOADED:
                    self.loaded.append(value)


def demo_app(database: Path):
    """The app on a new SQLite file, migrated, with the instruments and the demo data."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}", "SECRET_KEY": "bench"})
    with app.app_context():
        flask_migrate.upgrade()
        for path, instrument in load_directory(Config.INSTRUMENTS_DIR):
            store_version(instrument, path.name)
        db.session.commit()
        load_demo()
    return app


def form_path(app) -> str:
    """The form of a facilitator of the open demo round who has not answered yet."""
    with app.app_context():
        round_ = db.session.execute(select(Round).filter_by(is_open=True)).scalars().first()
        answered = select(Response.facilitator_id).filter_by(round_id=round_.id)
        tambons = [t.id for t in round_.tambons]
        person = (
            db.session.execute(
                select(Facilitator)
                .where(Facilitator.tambon_id.in_(tambons), Facilitator.id.not_in(answered))
                .order_by(Facilitator.id)
            )
            .scalars()
            .first()
        )
        return f"/j/{round_.join_code}/f/{person.id}"


def result_path(app) -> str:
    """The personal link of the first demo answer in the open round (its token replaced)."""
    with app.app_context():
        round_ = db.session.execute(select(Round).filter_by(is_open=True)).scalars().first()
        query = select(Response).filter_by(round_id=round_.id).order_by(Response.id)
        db.session.execute(query).scalars().first().token_hash = token_hash(TOKEN)
        db.session.commit()
    return f"/r/{TOKEN}"


def fetch(url: str, accept: str = "br, gzip") -> dict:
    """One GET as a phone's browser makes it: body on the wire, headers, decoded body."""
    request = urllib.request.Request(url, headers=HEADERS | {"Accept-Encoding": accept})
    with urllib.request.urlopen(request) as response:
        wire = response.read()
        encoding = response.headers.get("Content-Encoding")
        head = f"HTTP/1.1 {response.status} {response.reason}\r\n{response.headers}"
        return {
            "url": url,
            "encoding": encoding or "none",
            "wire": len(wire),
            "headers": len(head.encode("latin-1")),
            "body": DECODE[encoding](wire),
            "type": response.headers.get_content_type(),
        }


def css_urls(css: str) -> list[str]:
    return re.findall(r"""url\(\s*['"]?([^'")]+)""", css) + re.findall(
        r"""@import\s+['"]([^'"]+)""", css
    )


def other_hosts(base: str, urls: list[str]) -> list[str]:
    """The URLs among `urls` that point at another host than `base`."""
    host = urlsplit(base).netloc
    absolute = [urljoin(base, u) for u in urls if not u.startswith(("data:", "#"))]
    return sorted({u for u in absolute if urlsplit(u).netloc not in ("", host)})


def measure(base: str, path: str, accept: str = "br, gzip") -> tuple[list[dict], list[str]]:
    """The form and everything it loads, and the URLs on another host it mentions."""
    page = fetch(base + path, accept)
    refs = References()
    refs.feed(page["body"].decode("utf-8"))
    resources, mentioned = [page], list(refs.mentioned)
    for url in dict.fromkeys(refs.loaded):
        if urlsplit(urljoin(base, url)).netloc != urlsplit(base).netloc:
            continue  # reported below as another host; not fetched
        resource = fetch(urljoin(base + path, url), accept)
        resources.append(resource)
        if resource["type"] in ("text/css", "text/javascript", "application/javascript"):
            text = resource["body"].decode("utf-8")
            mentioned += css_urls(text)
            mentioned += re.findall(r"""["'](https?://[^"']+|//[^"']+)["']""", text)
    return resources, other_hosts(base, mentioned)


def report(resources: list[dict], foreign: list[str], base: str) -> None:
    """Per resource and in total: bytes on the wire, headers, uncompressed; other hosts."""
    print(f"{'resource':44} {'encoding':>8} {'wire':>8} {'headers':>8} {'uncompressed':>13}")
    for r in resources:
        name = r["url"].removeprefix(base)
        print(f"{name:44} {r['encoding']:>8} {r['wire']:>8} {r['headers']:>8} {len(r['body']):>13}")
    wire = sum(r["wire"] for r in resources)
    headers = sum(r["headers"] for r in resources)
    plain = sum(len(r["body"]) for r in resources)
    print(f"{'total':44} {'':>8} {wire:>8} {headers:>8} {plain:>13}")
    print(f"\nCompressed bodies: {wire / 1024:.1f} KB; with response headers: "
          f"{(wire + headers) / 1024:.1f} KB; uncompressed: {plain / 1024:.1f} KB.")  # fmt: skip
    print("References to another host:", ", ".join(foreign) if foreign else "none")


def report_form(resources: list[dict], foreign: list[str], base: str) -> None:
    """The form's report, its budget, and what the first visit adds."""
    report(resources, foreign, base)
    total = sum(r["wire"] + r["headers"] for r in resources)
    verdict = "within" if total <= BUDGET else "OVER"
    print(f"Budget {BUDGET // 1024} KB (bodies and headers): {verdict}.")
    print("First visit only: the script also saves the page once more into the offline copy "
          f"(+{resources[0]['wire']} bytes, the form again).")  # fmt: skip


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    with tempfile.TemporaryDirectory() as tmp:
        app = demo_app(Path(tmp) / "bench.sqlite")
        path, result = form_path(app), result_path(app)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{server.server_port}"
        try:
            print(f"Form page: {base}{path} (facilitator instrument, 12 items, Thai)\n")
            report_form(*measure(base, path), base)
            gzip_only, _ = measure(base, path, accept="gzip")
            wire = sum(r["wire"] + r["headers"] for r in gzip_only)
            print(f"A browser without Brotli (gzip only): {wire / 1024:.1f} KB with headers.")
            print(f"\nResult page: {base}/r/… (a demo answer's personal link, Thai)\n")
            report(*measure(base, result), base)
        finally:
            server.shutdown()
            server.server_close()
            with app.app_context():
                db.engine.dispose()


if __name__ == "__main__":
    main()

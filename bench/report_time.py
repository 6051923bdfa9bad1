"""How long the round report takes at province size: 150 tambons, 2,000 facilitators.

Builds two rounds with bench/province.populate (as bench/bench_scale.py does: 13–14
facilitators a tambon, 12 items, everyone answered; the second round is reported on and
compared with the first) in a new SQLite file, or in a database created on the server
named by BENCH_DATABASE_URL (dropped afterwards), keeps the summaries, then builds the
admin's whole-round report in Thai and prints, for the HTML and for the PDF:

  wall s     time of one build (after nothing was cached: each chart is drawn)
  peak MiB   tracemalloc peak of a second, traced build
  size       bytes of the page and of the PDF, and the PDF's pages

Run from the repository root:
  .venv/bin/python bench/report_time.py
  BENCH_DATABASE_URL=postgresql+psycopg://ft_ci:ft_ci@127.0.0.1:5432/postgres \\
      .venv/bin/python bench/report_time.py
"""

import os
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_migrate
import pypdfium2
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app import create_app
from app.dashboard.scope import Scope
from app.extensions import db
from app.models import Round
from app.report.pdf import pdf_bytes
from app.report.render import earlier_scope, every_round_like, report_html, report_of
from bench.province import populate

FACILITATORS, TAMBONS = 2000, 150


def database() -> tuple[str, callable]:
    """(URL of a new empty database, how to drop it)."""
    server = os.environ.get("BENCH_DATABASE_URL")
    if not server:
        folder = tempfile.mkdtemp(prefix="bench-report-")
        return f"sqlite:///{folder}/bench.sqlite", lambda: None
    name = f"bench_report_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    return make_url(server).set(database=name).render_as_string(hide_password=False), drop


def build(round_id: int) -> tuple[str, bytes, float, float]:
    """The report's HTML and PDF, and the seconds each took."""
    start = time.perf_counter()
    scope = Scope(db.session.get(Round, round_id), None)
    report = report_of(scope, "th", earlier_scope(scope, every_round_like(scope.round)))
    html = report_html(report, pdf=True)
    middle = time.perf_counter()
    pdf = pdf_bytes(html)
    return html, pdf, middle - start, time.perf_counter() - middle


def traced(round_id: int) -> tuple[float, float]:
    """tracemalloc peaks (MiB) of building the HTML, then the PDF."""
    tracemalloc.start()
    scope = Scope(db.session.get(Round, round_id), None)
    html = report_html(report_of(scope, "th", earlier_scope(scope, every_round_like(scope.round))))
    html_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    pdf_bytes(html)
    pdf_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return html_peak / 2**20, pdf_peak / 2**20


def main() -> None:
    from app.summaries import rebuild_all

    url, drop = database()
    try:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
        with app.app_context():
            flask_migrate.upgrade()
            round_ids = populate(FACILITATORS, TAMBONS, 2)
            rebuild_all(db.session)
            db.session.commit()
        backend = make_url(url).get_backend_name()
        print(f"{backend}: {FACILITATORS} facilitators in {TAMBONS} tambons, 2 rounds")
        with app.test_request_context():
            html, pdf, html_s, pdf_s = build(round_ids[-1])
            pages = len(pypdfium2.PdfDocument(pdf))
            html_mib, pdf_mib = traced(round_ids[-1])
            db.session.remove()
        print(f"HTML  {html_s:6.1f} s  peak {html_mib:6.1f} MiB  {len(html) / 2**20:.1f} MiB")
        print(f"PDF   {pdf_s:6.1f} s  peak {pdf_mib:6.1f} MiB  {len(pdf) / 2**20:.1f} MiB, "
              f"{pages} pages")  # fmt: skip
        print(f"total {html_s + pdf_s:6.1f} s (the HTML page alone: {html_s:.1f} s)")
    finally:
        drop()


if __name__ == "__main__":
    main()

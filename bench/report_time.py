"""How long the round report takes at province size: 150 tambons, 2,000 facilitators.

Builds two rounds with bench/province.populate (as bench/bench_scale.py does: 13–14
facilitators a tambon, 12 items, everyone answered; the second round is reported on and
compared with the first) in a new SQLite file, or in a database created on the server
named by BENCH_DATABASE_URL (dropped afterwards), keeps the summaries, then builds the
admin's whole-round report in Thai and prints, for the HTML and for the PDF:

  page       the page on screen (/rounds/<id>/report: charts by the dashboard's URLs)
  HTML, PDF  the HTML of the PDF (every chart drawn in) and the PDF made of it
  wall, CPU  seconds of one build (nothing cached: each chart is drawn); CPU is this
             process's time, the figure to trust on a busy machine
  size       MiB of the page and of the PDF, and the PDF's pages
  peak MiB   the process's peak resident memory; and the tracemalloc peak of a second,
             traced build (left out with --no-trace)

Run from the repository root:
  .venv/bin/python bench/report_time.py [--tambons 20] [--no-trace]
  BENCH_DATABASE_URL=postgresql+psycopg://ft_ci:ft_ci@127.0.0.1:5432/postgres \\
      .venv/bin/python bench/report_time.py
"""

import os
import resource
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

# --tambons N: a smaller round (13–14 facilitators a tambon, as at province size).
TAMBONS = int(sys.argv[sys.argv.index("--tambons") + 1]) if "--tambons" in sys.argv else 150
FACILITATORS = round(TAMBONS * 2000 / 150)


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


def page(round_id: int) -> None:
    """The report page as /rounds/<id>/report makes it (charts by the dashboard's URLs)."""
    start, cpu = time.perf_counter(), time.process_time()
    scope = Scope(db.session.get(Round, round_id), None)
    earlier = earlier_scope(scope, every_round_like(scope.round))
    html = report_html(report_of(scope, "th", earlier, on_screen=True))
    print(f"page  wall {time.perf_counter() - start:6.1f} s  CPU {time.process_time() - cpu:6.1f} s"
          f"  {len(html) / 2**20:.1f} MiB", flush=True)  # fmt: skip


def build(round_id: int) -> tuple[str, bytes]:
    """The report's HTML and PDF, each timed (wall and CPU seconds) as it is made."""
    start, cpu = time.perf_counter(), time.process_time()
    scope = Scope(db.session.get(Round, round_id), None)
    report = report_of(scope, "th", earlier_scope(scope, every_round_like(scope.round)))
    html = report_html(report, pdf=True)
    print(f"HTML  wall {time.perf_counter() - start:6.1f} s  CPU {time.process_time() - cpu:6.1f} s"
          f"  {len(html) / 2**20:.1f} MiB", flush=True)  # fmt: skip
    start, cpu = time.perf_counter(), time.process_time()
    pdf = pdf_bytes(html)
    print(f"PDF   wall {time.perf_counter() - start:6.1f} s  CPU {time.process_time() - cpu:6.1f} s"
          f"  {len(pdf) / 2**20:.1f} MiB", flush=True)  # fmt: skip
    return html, pdf


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
            page(round_ids[-1])
            _, pdf = build(round_ids[-1])
            print(f"PDF pages: {len(pypdfium2.PdfDocument(pdf))}", flush=True)
            # Linux reports KiB: the most this process held in memory, the database's too.
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"peak resident memory of the process: {peak:.0f} MiB", flush=True)
            if "--no-trace" not in sys.argv:
                html_mib, pdf_mib = traced(round_ids[-1])
                print(f"peak (tracemalloc): HTML {html_mib:.1f} MiB, PDF {pdf_mib:.1f} MiB")
            db.session.remove()
    finally:
        drop()


if __name__ == "__main__":
    main()

"""What keeping the summaries adds to one submission: CPU, SQL statements, and the time
SQLite's write lock is held (a workshop laptop takes one write at a time, so this decides how
many submissions a second it can take; bench/workshop_burst.py measures the whole burst, but
its figures move with whatever else the 2 cores do).

On a temporary SQLite database with a round of 200 facilitators in 10 tambons (as
bench/workshop_burst.py), through Flask's test client, one after another:
  first answers   150 facilitators send the whole form once (the summaries are added to)
  changed answers 50 of them send it again with other levels (their tambon is recomputed)
each measured with the summaries kept, then on a second, fresh database with the session's
listeners removed (what a submission cost before the summaries). Prints medians per
submission: CPU of this process, wall time, time from the first write to the end of the
commit (the write lock), and statements.

Run from the repository root: .venv/bin/python bench/submission_cost.py
"""

import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_migrate
from sqlalchemy import event
from sqlalchemy.orm import Session

from app import create_app
from app.summaries import watch
from bench.bench_charts import cpu_info
from bench.province import open_round_with_roster
from tests.assess_helpers import FACILITATOR, filled, hidden

PEOPLE, TAMBONS, FIRST, AGAIN = 200, 10, 150, 50
WRITES = ("INSERT", "UPDATE", "DELETE")


class Watch:
    """Per submission: statements, and the time from the first write to the commit's end."""

    def __init__(self, engine):
        self.statements, self.first_write, self.held = 0, None, []
        event.listen(engine, "before_cursor_execute", self._statement)
        event.listen(Session, "after_commit", self._committed)

    def _statement(self, _conn, _cursor, statement, *_args) -> None:
        self.statements += 1
        if self.first_write is None and statement.lstrip().upper().startswith(WRITES):
            self.first_write = time.perf_counter()

    def _committed(self, _session) -> None:
        if self.first_write is not None:
            self.held.append(time.perf_counter() - self.first_write)
            self.first_write = None


@contextmanager
def without_summaries():
    """The session's summary listeners removed for the block (as before they existed)."""
    event.remove(Session, "after_flush", watch.after_flush)
    event.remove(Session, "before_commit", watch.before_commit)
    try:
        yield
    finally:
        watch.listen()


def measure(keep: bool) -> dict[str, dict[str, float]]:
    folder = tempfile.mkdtemp(prefix="submission-cost-")
    config = {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite",
              "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False}  # fmt: skip
    app = create_app(config)
    with app.app_context():
        flask_migrate.upgrade()
        code, people = open_round_with_roster(PEOPLE, TAMBONS, 2569)
        engine = app.extensions["sqlalchemy"].engine
    client = app.test_client()
    found = {}
    with without_summaries() if not keep else _nothing():
        spy = Watch(engine)
        forms = [f"/j/{code}/f/{person}" for person in people[:FIRST]]
        found["first answers"], links = _send(client, spy, forms, "2")
        found["changed answers"], _ = _send(client, spy, [f"{k}/edit" for k in links[:AGAIN]], "3")
        event.remove(engine, "before_cursor_execute", spy._statement)
        event.remove(Session, "after_commit", spy._committed)
    return found


@contextmanager
def _nothing():
    yield


def _send(client, spy: Watch, forms: list[str], level: str) -> tuple[dict[str, float], list]:
    """Load each form and send it; (medians, the personal links the answers went to)."""
    cpu, wall, held, statements, links = [], [], [], [], []
    for url in forms:
        page = client.get(url).get_data(as_text=True)
        body = filled(
            FACILITATOR, level, "4", "ฝึกทำเวที", submission_id=hidden(page, "submission_id")
        )
        spy.statements, spy.held = 0, []
        start_cpu, start = time.process_time(), time.perf_counter()
        reply = client.post(url, data=body)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        if reply.status_code != 303:
            raise RuntimeError(f"{url} answered {reply.status_code}")
        held.append(sum(spy.held))
        statements.append(spy.statements)
        links.append(urlsplit(reply.headers["Location"]).path)
    found = {"cpu": _ms(cpu), "wall": _ms(wall), "lock": _ms(held),
             "statements": statistics.median(statements)}  # fmt: skip
    return found, links


def _ms(seconds: list[float]) -> float:
    return 1000 * statistics.median(seconds)


def main() -> None:
    print(f"CPU: {cpu_info()}; Python {sys.version.split()[0]}")
    print(f"SQLite, a round of {PEOPLE} facilitators in {TAMBONS} tambons; medians per submission")
    kept, before = measure(keep=True), measure(keep=False)
    print(f"\n{'':<18}{'':<22}{'CPU ms':>8}{'wall ms':>9}{'lock ms':>9}{'statements':>12}")
    for kind in ("first answers", "changed answers"):
        for label, found in (("summaries kept", kept), ("without summaries", before)):
            f = found[kind]
            print(f"{kind:<18}{label:<22}{f['cpu']:>8.2f}{f['wall']:>9.2f}{f['lock']:>9.2f}"
                  f"{f['statements']:>12.0f}")  # fmt: skip
    print("\nlock ms: from the submission's first write to the end of its commit")


if __name__ == "__main__":
    main()

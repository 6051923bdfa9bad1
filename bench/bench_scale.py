"""How every dashboard page, chart and export grows with the round: 2,000 to 50,000 people.

For each size the round is built with bench/province.populate (13–14 facilitators a
tambon, as in a province: 2,000 people in 150 tambons, 50,000 in 3,750; 12 items;
2 rounds, the second viewed and compared with the first) in a new database:

  SQLite      2,000 and 10,000 (a temporary file)
  PostgreSQL  2,000, 10,000 and 50,000 (a database created on the server named by
              BENCH_DATABASE_URL, e.g. postgresql+psycopg://ft_ci:ft_ci@127.0.0.1:5432/postgres,
              and dropped afterwards; skipped, saying so, when it is unset)

then migrated, given an admin and a coordinator of one tambon (13 people), both signed
in through the real sign-in form, and asked through Flask's test client for every page,
chart (uncached, cached, 304) and export (whole body read in chunks, as a browser receives
it) of the later round. Where the round is too large to write a whole-round file in a request
(more respondents than EXPORT_IN_REQUEST_UP_TO, on PostgreSQL), the admin's files are first
written as the worker writes them, each timed, and the export rows measure sending them.
Per row:

  runs      timed requests after one warm-up (5 at 2,000 and 10,000, 3 at 50,000, or
            --runs; at least 15 for the one-tambon coordinator, whose rows take
            milliseconds); when the first request took over 10 s it counts and one more is
            made; over 20 s it is the only one, marked *, and no traced run follows
  wall ms   median wall time
  CPU ms    median CPU time of this process (time.process_time: the app, not the
            database server's own processes)
  peak MiB  tracemalloc peak of one more request (traced, not timed)

then the growth exponent log(t2/t1)/log(n2/n1) of each row between consecutive sizes and
from the smallest to the largest, and the goals beside the largest size (every page ≤ 1 s
as admin; cached chart ≤ 20 ms; 304 ≤ 10 ms; ≤ 50 MiB a request; the one-tambon
coordinator's pages and exports growing with an exponent ≤ 0.1).

A request that runs past --limit seconds (default 120) is stopped (SIGALRM), shown as
"timeout" and not asked again at the larger sizes. Each row is printed as soon as it is
measured; --skip REGEX leaves out the rows whose size, user and name ("2000 admin river",
"50000 admin ratings.xlsx export", …) it matches: --skip '^50000 admin' leaves out the
admin's rows at 50,000.

Run from the repository root:
  .venv/bin/python bench/bench_scale.py --sizes 2000,10000 --db sqlite
  BENCH_DATABASE_URL=postgresql+psycopg://ft_ci:ft_ci@127.0.0.1:5432/postgres \\
      .venv/bin/python bench/bench_scale.py --json scale.json

Populating takes about 1 s per 1,000 facilitators on PostgreSQL (COPY) and a little
more on SQLite. With today's pages (each reads the whole round) the sizes 2,000 and
10,000 on both databases take about half an hour, and 50,000 on PostgreSQL about as much
again; with --runs 1 about half that.
"""

import argparse
import itertools
import json
import math
import os
import re
import shutil
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_migrate
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from app import create_app
from app.extensions import db
from app.models import Coordinator, Facilitator, Tambon, round_tambon
from bench.bench_charts import cpu_info
from bench.bench_dashboard import PASSWORD, ROUNDS, SEED, server_database, sqlite_database
from bench.province import populate

SIZES = {"sqlite": (2_000, 10_000), "postgresql": (2_000, 10_000, 50_000)}
PEOPLE_PER_TAMBON = 2_000 / 150  # a province: 2,000 facilitators in 150 tambons
USERS = ("admin", "coordinator")
COORDINATOR_RUNS = 15
LIMIT = 120.0  # seconds a request may take before it is stopped
SLOW, VERY_SLOW = 10.0, 20.0  # first run over: 2 runs; over: that single run, marked
CHARTS = ("radar", "radar-grid", "river", "stairs")
EXPORTS = ("ratings", "ratings-wide", "training-plan")
GOALS = {  # at the largest size: ms, ms, ms, MiB, exponent
    "page": ("every page ≤ 1 s as admin", 1000.0),
    "cached": ("cached chart ≤ 20 ms", 20.0),
    "304": ("304 ≤ 10 ms", 10.0),
    "memory": ("≤ 50 MiB a request", 50.0),
    "exponent": ("the coordinator's pages and exports grow with an exponent ≤ 0.1", 0.1),
}
GOALS_TEXT = "; ".join(text for text, _ in GOALS.values())


class RequestTimeout(BaseException):
    """A request ran past the limit. Not an Exception, so Flask does not turn it into a 500."""


@dataclass
class Row:
    """One measured request of one size, database and user."""

    database: str
    size: int
    user: str
    name: str
    kind: str  # page, uncached, cached, 304, export
    runs: int = 0
    wall_ms: float | None = None
    cpu_ms: float | None = None
    peak_mib: float | None = None
    marked: bool = False  # one run only: the first took over VERY_SLOW seconds
    error: str = ""
    bytes: int = 0
    times_ms: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class Step:
    """A request to measure: its name, kind, URL, the status it must answer, and what must
    happen before each run (clear the chart cache) and which headers it sends."""

    name: str
    kind: str
    url: str
    status: int = 200
    before: Callable[[], object] | None = None
    headers: Callable[[], dict] | None = None


def tambons_for(facilitators: int) -> int:
    return round(facilitators / PEOPLE_PER_TAMBON)


def post_populate(app, round_ids: list[int]) -> None:
    """What the app keeps besides the answers, once they are in (the generator writes rows
    past the session): the kept summaries, rebuilt; and the whole round's pairing, as the
    background worker computes it (timed: the worker's time at this size)."""
    from app.models import Round
    from app.pairing import store
    from app.summaries import rebuild_all

    with app.app_context():
        rebuild_all(db.session)
        db.session.commit()
        for round_id in round_ids[-1:]:  # the round the pages show
            start = time.perf_counter()
            store.compute(db.session.get(Round, round_id), None)
            db.session.commit()
            print(f"  pairing of round {round_id} kept (the worker's job) in "
                  f"{time.perf_counter() - start:.1f} s", flush=True)  # fmt: skip
            _write_files(round_id)


def _write_files(round_id: int) -> None:
    """The admin's whole-round files, written as the worker writes them when the round is
    too large to write one in a request (timed: the worker's time for each)."""
    from app.exports import background

    if not background.in_background(round_id, None):
        return
    for name in EXPORTS:
        for fmt in ("csv", "xlsx"):
            start = time.perf_counter()
            background.write(background.Wanted(round_id, None, name, fmt, "th"))
            print(f"  {name}.{fmt} written (the worker's job) in "
                  f"{time.perf_counter() - start:.1f} s", flush=True)  # fmt: skip


def prepared_app(url: str, facilitators: int) -> tuple:
    """The app on a migrated database with the round, an admin and a coordinator of one
    tambon of typical size: (app, round ids, that tambon's id, its people)."""
    # The worker's whole-round files go to a folder of their own, removed with the database.
    exports = tempfile.mkdtemp(prefix="bench-exports-")
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench",
                      "WTF_CSRF_ENABLED": False, "EXPORT_DIR": exports})  # fmt: skip
    with app.app_context():
        flask_migrate.upgrade()
        start = time.perf_counter()
        round_ids = populate(facilitators, tambons_for(facilitators), ROUNDS, SEED)
        print(f"  populated in {time.perf_counter() - start:.1f} s", flush=True)
    start = time.perf_counter()
    post_populate(app, round_ids)
    print(f"  post_populate in {time.perf_counter() - start:.1f} s", flush=True)
    with app.app_context():
        tambon_id, people = typical_tambon(round_ids[-1])
        admin = Coordinator(username="bench-admin", display_name="bench", is_admin=True)
        coordinator = Coordinator(username="bench-coordinator", display_name="bench")
        coordinator.tambons = [db.session.get(Tambon, tambon_id)]
        for account in (admin, coordinator):
            account.set_password(PASSWORD)
            db.session.add(account)
        db.session.commit()
    return app, round_ids, tambon_id, people


def typical_tambon(round_id: int) -> tuple[int, int]:
    """(id, people) of the round's tambon with the median number of facilitators."""
    query = (
        select(Facilitator.tambon_id, func.count())
        .join(round_tambon, round_tambon.c.tambon_id == Facilitator.tambon_id)
        .where(round_tambon.c.round_id == round_id)
        .group_by(Facilitator.tambon_id)
    )
    counts = sorted(db.session.execute(query).all(), key=lambda row: (row[1], row[0]))
    tambon_id, people = counts[len(counts) // 2]
    return tambon_id, people


def signed_in(app, username: str):
    """A test client signed in as `username` through the sign-in form."""
    client = app.test_client()
    response = client.post("/signin", data={"username": username, "password": PASSWORD})
    if response.status_code != 302:
        raise RuntimeError(f"signing in as {username} answered {response.status_code}")
    return client


def steps(app, client, round_ids: list[int], tambon_id: int) -> list[Step]:
    """Every page, chart and export of the later round, as the client's user sees them."""
    earlier, later = round_ids[0], round_ids[-1]
    base = f"/rounds/{later}"
    cache = app.extensions["chart_cache"]
    found = [
        Step("overview", "page", base),
        Step("radar grid", "page", f"{base}/radar"),
        Step("one tambon radar", "page", f"{base}/radar/{tambon_id}"),
        Step("river", "page", f"{base}/river"),
        Step(
            "river, people of one tambon", "page", f"{base}/river?units=people&tambon={tambon_id}"
        ),
        Step("stairs", "page", f"{base}/stairs"),
        Step("gaps", "page", f"{base}/gaps"),
        Step("pairs", "page", f"{base}/pairs"),
        Step(f"progress (from round {earlier})", "page", f"{base}/progress"),
    ]
    for chart in CHARTS:
        url = f"{base}/charts/{chart}.png"
        etag = {}

        def if_none_match(url=url, etag=etag) -> dict:
            if "value" not in etag:  # the browser got the chart once
                etag["value"] = client.get(url).headers.get("ETag", "")
            return {"If-None-Match": etag["value"]}

        found += [
            Step(f"{chart}.png uncached", "uncached", url, before=cache.clear),
            Step(f"{chart}.png cached", "cached", url),
            Step(f"{chart}.png 304", "304", url, status=304, headers=if_none_match),
        ]
    for export in EXPORTS:
        for fmt in ("csv", "xlsx"):
            found.append(Step(f"{export}.{fmt} export", "export", f"{base}/exports/{export}.{fmt}"))
    return found


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise RequestTimeout in this (main) thread after `seconds`."""

    def stop(signum, frame):
        raise RequestTimeout(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def request(client, step: Step, headers: dict, limit: float) -> int:
    """One request of `step`, its whole body read; the body's length. Raises on a wrong
    status (RuntimeError) or past the limit (RequestTimeout)."""
    with time_limit(limit):
        response = client.get(step.url, headers=headers, buffered=False)
        # Read in chunks, as a browser receives them (a streamed export is made while it is
        # read): the peak memory is the app's, not a whole file held by the test client.
        length = sum(len(chunk) for chunk in response.iter_encoded())
        response.close()
    if response.status_code != step.status:
        raise RuntimeError(f"answered {response.status_code}, not {step.status}")
    return length


def measure(app, client, step: Step, row: Row, runs: int, limit: float) -> None:
    """Fill `row` with the step's figures; an error or a timeout goes in row.error."""
    times: list[tuple[float, float]] = []
    headers = {}

    def timed() -> float:
        if step.before:
            step.before()
        wall, cpu = time.perf_counter(), time.process_time()
        row.bytes = request(client, step, headers, limit)
        times.append((time.perf_counter() - wall, time.process_time() - cpu))
        return times[-1][0]

    try:
        headers = step.headers() if step.headers else {}
        first = timed()
        if first > VERY_SLOW:
            row.marked = True
        elif first > SLOW:
            timed()
        else:
            times.clear()  # a warm-up: first template compile, font load, query plans
            for _ in range(runs):
                timed()
        if not row.marked:
            if step.before:
                step.before()
            tracemalloc.start()
            try:
                request(client, step, headers, limit)
                row.peak_mib = tracemalloc.get_traced_memory()[1] / 2**20
            finally:
                tracemalloc.stop()
    except RequestTimeout as stopped:
        row.error = f"timeout ({stopped})"
        with app.app_context():  # the connection may have been left mid-query
            db.session.remove()
            db.engine.dispose()
    except Exception as failed:  # shown in the table; the bench goes on
        row.error = f"{type(failed).__name__}: {failed}"[:60]
    row.runs = len(times)
    row.times_ms = [wall * 1000 for wall, _ in times]
    if times:
        row.wall_ms = statistics.median(wall for wall, _ in times) * 1000
        row.cpu_ms = statistics.median(cpu for _, cpu in times) * 1000


def number(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:,.{digits}f}"


HEADER = f"{'row':<44}{'runs':>5}{'wall ms':>12}{'CPU ms':>12}{'peak MiB':>10}  note"


def row_line(row: Row) -> str:
    runs = f"{row.runs}{'*' if row.marked else ''}"
    return (
        f"{row.name:<44}{runs:>5}{number(row.wall_ms):>12}{number(row.cpu_ms):>12}"
        f"{number(row.peak_mib):>10}  {row.error}"
    )


def bench_size(
    database: str, url: str, size: int, args, given_up: set[tuple[str, str]]
) -> list[Row]:
    """Measure every row of one size on one database, printing each as it comes."""
    tambons = tambons_for(size)
    print(f"\n{database}: {size:,} facilitators in {tambons:,} tambons, {ROUNDS} rounds")
    app, round_ids, tambon_id, people = prepared_app(url, size)
    runs = args.runs or (3 if size >= 50_000 else 5)
    rows = []
    for user in USERS:
        # The coordinator's rows take 5–50 ms, where a shared machine's noise is as large as
        # the growth the goal allows: the median of more runs.
        user_runs = max(runs, COORDINATOR_RUNS) if user == "coordinator" else runs
        client = signed_in(app, f"bench-{user}")
        who = "admin (every tambon)" if user == "admin" else f"coordinator of 1 tambon ({people})"
        print(f"\n  {who}\n  {HEADER}", flush=True)
        for step in steps(app, client, round_ids, tambon_id):
            if args.skip and re.search(args.skip, f"{size} {user} {step.name}"):
                continue
            row = Row(database, size, user, step.name, step.kind)
            if (user, step.name) in given_up:
                row.error = "timed out at a smaller size"
            else:
                measure(app, client, step, row, user_runs, args.limit)
                if row.error.startswith("timeout"):
                    given_up.add((user, step.name))
            rows.append(row)
            print(f"  {row_line(row)}", flush=True)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    shutil.rmtree(app.config["EXPORT_DIR"], ignore_errors=True)
    return rows


def database_version(url: str) -> str:
    if url.startswith("sqlite"):
        return f"SQLite {sqlite3.sqlite_version}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        version = db.session.execute(text("SHOW server_version")).scalar()
        db.engine.dispose()
    return f"PostgreSQL {version}"


def databases(chosen: list[str]) -> Iterator[tuple[str, Callable[[], AbstractContextManager]]]:
    """(label, a context giving a new empty database's URL) of each database asked for."""
    for name in chosen:
        if name == "sqlite":
            yield "sqlite", sqlite_database
        elif name == "postgresql":
            server = os.environ.get("BENCH_DATABASE_URL")
            if not server:
                print("\nPostgreSQL skipped: BENCH_DATABASE_URL is not set")
                continue
            print(f"\nPostgreSQL server: {make_url(server).render_as_string()}")
            yield "postgresql", lambda server=server: server_database(server)


def exponent(t1: float | None, t2: float | None, n1: int, n2: int) -> float | None:
    if not t1 or not t2:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def growth(rows: list[Row]) -> None:
    """Per database and user: the median wall time of each size and the exponents."""
    keys = sorted({(r.database, r.user) for r in rows})
    for database, user in keys:
        mine = [r for r in rows if (r.database, r.user) == (database, user)]
        sizes = sorted({r.size for r in mine})
        if len(sizes) < 2:
            continue
        pairs = list(itertools.pairwise(sizes))
        if len(sizes) > 2:
            pairs.append((sizes[0], sizes[-1]))
        print(f"\nGrowth, {database}, {user}: wall ms per size; exponent between sizes")
        head = "".join(f"{f'{n:,}':>11}" for n in sizes)
        head += "".join(f"{f'{a // 1000}k→{b // 1000}k':>10}" for a, b in pairs)
        print(f"  {'row':<34}{head}")
        by = {(r.name, r.size): r for r in mine}
        for name in dict.fromkeys(r.name for r in mine):
            cells = [by.get((name, n)) for n in sizes]
            line = "".join(f"{number(c.wall_ms if c else None):>11}" for c in cells)
            for a, b in pairs:
                ra, rb = by.get((name, a)), by.get((name, b))
                value = exponent(ra and ra.wall_ms, rb and rb.wall_ms, a, b)
                line += f"{number(value, 2):>10}"
            print(f"  {name:<34}{line}")


def goal_cells(
    tally: dict, value: float | None, goal: str | None, width: int, digits: int = 1
) -> str:
    """A figure, its goal and whether it is met (counted in `tally`), fixed width."""
    if goal is None:
        return f"{number(value, digits):>{width}}" + " " * 11
    bound = GOALS[goal][1]
    met = "?" if value is None else ("yes" if value <= bound else "NO")
    tally[met] += 1
    return f"{number(value, digits):>{width}}{bound:>7g}{met:>4}"


def goals(rows: list[Row]) -> None:
    """The goals beside the figures of each database's largest size, met or not."""
    for database in dict.fromkeys(r.database for r in rows):
        mine = [r for r in rows if r.database == database]
        largest, smallest = max(r.size for r in mine), min(r.size for r in mine)
        first = {(r.user, r.name): r for r in mine if r.size == smallest}
        print(f"\nGoals, {database}, at {largest:,} facilitators "
              f"(exponent from {smallest:,}); goals: {GOALS_TEXT}")  # fmt: skip
        print(f"  {'row':<46}{'wall ms':>10}{'goal':>7}{'met':>4}"
              f"{'peak MiB':>10}{'goal':>7}{'met':>4}{'exp':>7}{'goal':>7}{'met':>4}")  # fmt: skip
        tally = {"yes": 0, "NO": 0, "?": 0}
        cells = partial(goal_cells, tally)

        for r in (r for r in mine if r.size == largest):
            time_goal = "page" if r.kind == "page" and r.user == "admin" else None
            time_goal = {"cached": "cached", "304": "304"}.get(r.kind, time_goal)
            line = cells(r.wall_ms, time_goal, 10) + cells(r.peak_mib, "memory", 10)
            if largest > smallest and r.user == "coordinator" and r.kind in ("page", "export"):
                before = first.get((r.user, r.name))
                grows = exponent(before and before.wall_ms, r.wall_ms, smallest, largest)
                line += cells(grows, "exponent", 7, 2)
            print(f"  {f'{r.user} {r.name}':<46}{line}  {r.error}".rstrip())
        print(f"  goals met: {tally['yes']}, not met: {tally['NO']}, unknown: {tally['?']}")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", help="comma-separated numbers of facilitators (default: all)")
    parser.add_argument("--db", default="sqlite,postgresql", help="sqlite,postgresql")
    parser.add_argument("--runs", type=int, help="timed runs per row (default 5; 3 at 50,000)")
    parser.add_argument("--limit", type=float, default=LIMIT, help="seconds a request may take")
    parser.add_argument("--skip", help="regex: leave out the rows whose name it matches")
    parser.add_argument("--json", type=Path, help="also write every row to this file")
    args = parser.parse_args()
    args.db = [d.strip() for d in args.db.split(",") if d.strip()]
    if unknown := set(args.db) - set(SIZES):
        parser.error(f"unknown database {', '.join(sorted(unknown))}")
    if args.sizes:
        args.sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")]
    return args


def main() -> None:
    args = arguments()
    print(f"CPU: {cpu_info()}")
    print(f"Python {sys.version.split()[0]}; through Flask's test client; limit {args.limit:g} s")
    rows: list[Row] = []
    for database, new_database in databases(args.db):
        sizes = args.sizes or SIZES[database]
        given_up: set[tuple[str, str]] = set()
        for size in sizes:
            with new_database() as url:
                if size == sizes[0]:
                    print(f"Database: {database_version(url)}")
                rows += bench_size(database, url, size, args, given_up)
    growth(rows)
    goals(rows)
    if args.json:
        machine = {"cpu": cpu_info(), "python": sys.version.split()[0]}
        args.json.write_text(json.dumps({"machine": machine, "rows": [asdict(r) for r in rows]}))
        print(f"\nRows written to {args.json}")


if __name__ == "__main__":
    main()

"""Workshop burst: a hall full of phones opening the form and sending it within the same
10 seconds, against gunicorn on 127.0.0.1 as configured for production (gunicorn.conf.py:
2 × cores + 1 worker processes, 32 threads each).

Builds a temporary database (SQLite; and PostgreSQL too when BENCH_DATABASE_URL names a
server, e.g. postgresql+psycopg://ft:ft@127.0.0.1:5432/postgres: a database is created there
and dropped afterwards), migrates it, and opens a round with BENCH_PHONES facilitators
(default 200) on its roster in 10 tambons. Then each simulated phone, a thread with its own
cookies asking for compressed answers:
- at a moment drawn at random in the first 5 s, loads its form page (`/j/<code>/f/<id>`) and
  everything the page loads (stylesheets, script, service worker);
- at a moment drawn at random in the next 5 s, sends the whole form (12 items, current and
  target levels, a note) with the page's CSRF token and submission id.
Then the worst case, on a second round: every phone loads its page at the same instant and
sends it at the same instant 5 s later.
Prints requests per second, p50/p95/p99 latency per kind of request, errors, and afterwards
the count of responses stored against the count of submissions the server confirmed.
The phones run on the same 2 cores as the server, so the figures are a floor.

Run from the repository root: .venv/bin/python bench/workshop_burst.py
"""

import os
import random
import resource
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_migrate
from sqlalchemy import func, select

from app import create_app
from app.extensions import db
from app.models import Rating, Response
from bench.bench_charts import cpu_info
from bench.bench_dashboard import bench_databases
from bench.page_weight import References
from bench.province import open_round_with_roster
from tests.assess_helpers import FACILITATOR, filled, hidden
from tests.gunicorn_server import gunicorn_server
from tests.phone import Phone

PHONES = int(os.environ.get("BENCH_PHONES", "200"))
TAMBONS = 10
WINDOW = 10.0  # seconds: loads in the first half, sends in the second
SEED = 2569


@dataclass(frozen=True)
class Hit:
    kind: str
    start: float
    seconds: float
    ok: bool
    error: str = ""


def prepare(url: str) -> list[tuple[str, list[int]]]:
    """Migrate the database at `url` and open two rounds, one per scenario: (code, people)."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        flask_migrate.upgrade()
        rounds = [open_round_with_roster(PHONES, TAMBONS, SEED + n) for n in range(2)]
        db.engine.dispose()
    return rounds


def timed(hits: list[Hit], kind: str, request, expected: int):
    """Run `request`, keep how long it took and whether it answered `expected`."""
    start = time.perf_counter()
    try:
        reply = request()
    except OSError as error:
        hits.append(Hit(kind, start, time.perf_counter() - start, False, type(error).__name__))
        return None
    ok = reply.status == expected
    hits.append(Hit(kind, start, time.perf_counter() - start, ok, "" if ok else str(reply.status)))
    return reply if ok else None


def phone(base: str, url: str, plan: tuple[float, float, int], hits: list[Hit]) -> bool:
    """One phone: load the page and what it loads, later send every item; True when saved."""
    load_at, send_at, level = plan
    client = Phone(base, timeout=60)
    time.sleep(max(0.0, load_at - time.monotonic()))
    page = timed(hits, "form page", lambda: client.get(url), 200)
    if page is None:
        return False
    references = References()
    references.feed(page.text)
    for asset in references.loaded:
        timed(hits, "static file", lambda a=asset: client.get(a), 200)
    fields = {name: hidden(page.text, name) for name in ("csrf_token", "submission_id")}
    body = filled(FACILITATOR, str(level), str(min(5, level + 1)), "ฝึกทำเวทีที่ศาลาวัด", **fields)
    time.sleep(max(0.0, send_at - time.monotonic()))
    return timed(hits, "submission", lambda: client.post(url, body), 303) is not None


def plan(rng: random.Random, start: float, at_once: bool) -> tuple[float, float, int]:
    """When a phone loads its page and sends it, and the level it marks."""
    if at_once:  # the worst case: every phone loads at the same instant, then sends at another
        return start, start + WINDOW / 2, rng.randint(1, 4)
    load = start + rng.uniform(0, WINDOW / 2)
    return load, start + rng.uniform(WINDOW / 2, WINDOW), rng.randint(1, 4)


def burst(base: str, code: str, people: list[int], at_once: bool) -> tuple[list[Hit], int, float]:
    """Every phone in its own thread; (hits, submissions confirmed, seconds from first to last)."""
    rng = random.Random(SEED)
    start = time.monotonic() + 1.0  # time to start every thread first
    hits: list[Hit] = []
    saved: list[bool] = []
    threads = []
    for person in people:
        url = f"/j/{code}/f/{person}"
        when = plan(rng, start, at_once)
        target = lambda u=url, p=when: saved.append(phone(base, u, p, hits))  # noqa: E731
        threads.append(threading.Thread(target=target))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return hits, sum(saved), time.monotonic() - start


def stored(url: str, code: str) -> tuple[int, int]:
    """(responses, ratings) of the round with join code `code` after the burst."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    in_round = Response.round.has(join_code=code)
    with app.app_context():
        count = select(func.count()).select_from(Response).where(in_round)
        responses = db.session.execute(count).scalar()
        count = select(func.count()).select_from(Rating).join(Response).where(in_round)
        ratings = db.session.execute(count).scalar()
        db.engine.dispose()
    return responses, ratings


def report(label: str, hits: list[Hit], confirmed: int, seconds: float, stored_now) -> None:
    responses, ratings = stored_now
    print(f"\n{label}: {PHONES} phones, {len(hits)} requests in {seconds:.1f} s")
    print(f"{'request':<14}{'count':>7}{'errors':>8}{'per s':>8}"
          f"{'p50':>10}{'p95':>10}{'p99':>10}{'max':>10}")  # fmt: skip
    for kind in ("form page", "static file", "submission", None):
        chosen = [h for h in hits if kind is None or h.kind == kind]
        if not chosen:
            continue
        ms = sorted(h.seconds * 1000 for h in chosen)
        cuts = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
        errors = sum(not h.ok for h in chosen)
        latency = "".join(f"{value:>8.0f}ms" for value in (cuts[49], cuts[94], cuts[98], ms[-1]))
        print(f"{kind or 'all':<14}{len(ms):>7}{errors:>8}{_rate(chosen):>8.1f}{latency}")
    kinds = sorted({h.error for h in hits if not h.ok})
    print(f"errors: {', '.join(kinds) if kinds else 'none'}")
    print(f"submissions confirmed (303): {confirmed} of {PHONES} sent; "
          f"responses stored: {responses}; ratings stored: {ratings} "
          f"(expected {confirmed * len(FACILITATOR.items)})")  # fmt: skip


def _rate(hits: list[Hit]) -> float:
    """Requests per second from the first one sent to the last one answered."""
    span = max(h.start + h.seconds for h in hits) - min(h.start for h in hits)
    return len(hits) / span


def run(label: str, url: str) -> None:
    rounds = prepare(url)
    scenarios = ("spread over the window", "all at the same instant")
    for (code, people), scenario in zip(rounds, scenarios):
        before = _server_cpu()
        # gunicorn.conf.py's own worker and thread counts, as in production
        with gunicorn_server(url) as server:
            hits, confirmed, seconds = burst(server.base, code, people, scenario.startswith("all"))
            threads = os.environ.get("GUNICORN_THREADS", "32")
            served_by = f"gunicorn, {server.workers_booted()} workers × {threads} threads"
        report(f"{label}, {scenario} ({served_by})", hits, confirmed, seconds, stored(url, code))
        print(f"server CPU, start-up to shutdown: {_server_cpu() - before:.1f} s")


def _server_cpu() -> float:
    """CPU seconds used so far by this script's finished child processes: gunicorn and, once
    it has reaped them at shutdown, its workers."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def main() -> None:
    print(f"CPU: {cpu_info()}; Python {sys.version.split()[0]}")
    half = f"{WINDOW / 2:.0f} s"
    print(
        f"Each phone loads its form in the first {half} and sends it in the next {half} "
        f"(seed {SEED});\nthen every phone loads at one instant and sends {half} later."
    )
    print("per s: requests of that kind per second, from the first sent to the last answered")
    for label, url in bench_databases():
        run(label, url)


if __name__ == "__main__":
    main()

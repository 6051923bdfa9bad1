"""Benchmark of the coordinators' dashboard through the real app on a province-sized round.

Builds a temporary database (SQLite; and PostgreSQL too when BENCH_DATABASE_URL names a
server, e.g. postgresql+psycopg://ft:ft@127.0.0.1:5432/postgres: a database is created
there and dropped afterwards), migrates it, fills it with bench/province.populate
(2,000 facilitators in 150 tambons, 2 rounds), signs in as an admin (who sees every
tambon: the biggest pages) and times requests through Flask's test client. Prints the
median of several runs per step, and the machine.

Run from the repository root: .venv/bin/python bench/bench_dashboard.py
"""

import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_migrate
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from app import create_app
from app.extensions import db
from app.models import Coordinator, round_tambon
from bench.bench_charts import cpu_info
from bench.province import populate

FACILITATORS, TAMBONS, ROUNDS, SEED = 2_000, 150, 2, 2548
PASSWORD = "bench-password-2548"
RUNS = 7


@contextmanager
def sqlite_database() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as folder:
        yield f"sqlite:///{folder}/bench.sqlite"


@contextmanager
def server_database(server: str) -> Iterator[str]:
    """A new database on the server named by `server`, dropped afterwards."""
    name = f"ft_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def bench_databases() -> Iterator[tuple[str, str]]:
    """(label, URL): a temporary SQLite database, then one on BENCH_DATABASE_URL's server."""
    with sqlite_database() as url:
        yield "SQLite", url
    server = os.environ.get("BENCH_DATABASE_URL")
    if server:
        with server_database(server) as url:
            yield f"PostgreSQL ({make_url(server).render_as_string()})", url


def prepared_app(url: str):
    """The app on a migrated database holding the province round and an admin."""
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False}
    )
    with app.app_context():
        flask_migrate.upgrade()
        round_ids = populate(FACILITATORS, TAMBONS, ROUNDS, SEED)
        admin = Coordinator(username="bench-admin", display_name="bench", is_admin=True)
        admin.set_password(PASSWORD)
        db.session.add(admin)
        db.session.commit()
        query = select(round_tambon.c.tambon_id).filter_by(round_id=round_ids[-1])
        tambon_id = min(db.session.execute(query).scalars())
    return app, round_ids, tambon_id


def median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def get(client, url: str, **headers) -> None:
    response = client.get(url, headers=headers)
    if response.status_code not in (200, 304):
        raise RuntimeError(f"{url} answered {response.status_code}")


def steps(app, client, round_ids: list[int], tambon_id: int) -> list[tuple[str, Callable]]:
    """(name, action) of every step timed; the later round is the one viewed."""
    earlier, later = round_ids[0], round_ids[-1]
    base = f"/rounds/{later}"
    radar = f"{base}/charts/radar.png?tambon={tambon_id}"
    cache = app.extensions["chart_cache"]

    def radar_uncached() -> None:
        cache.clear()  # drawn again each time, as after a restart
        get(client, radar)

    return [
        ("round overview (150 tambons)", lambda: get(client, base)),
        ("one tambon radar PNG, uncached", radar_uncached),
        ("one tambon radar PNG, cached (LRU)", lambda: get(client, radar)),
        ("one tambon radar page (HTML)", lambda: get(client, f"{base}/radar/{tambon_id}")),
        ("radar page, 12 of 150 tambons (HTML)", lambda: get(client, f"{base}/radar")),
        ("river page, 150 tambons (HTML)", lambda: get(client, f"{base}/river")),
        ("stairs page, 150 tambons (HTML)", lambda: get(client, f"{base}/stairs")),
        ("gap table page, 100 of 2,000 rows (HTML)", lambda: get(client, f"{base}/gaps")),
        ("pairs page, 2,000 people (HTML)", lambda: get(client, f"{base}/pairs")),
        ("progress page, 2 rounds (HTML)", lambda: get(client, f"{base}/progress?from={earlier}")),
    ]


def bench(label: str, url: str) -> None:
    """Fill the database at `url`, time every step, print a table."""
    app, round_ids, tambon_id = prepared_app(url)
    client = app.test_client()
    client.post("/signin", data={"username": "bench-admin", "password": PASSWORD})
    print(
        f"\n{label}: {FACILITATORS} facilitators, {TAMBONS} tambons, {ROUNDS} rounds (seed {SEED})"
    )
    print(f"{'step':<44}{'runs':>5}{'median':>12}")
    for name, action in steps(app, client, round_ids, tambon_id):
        action()  # warm up: first parse, first font load, first query plans
        print(f"{name:<44}{RUNS:>5}{median_ms(action):>9.1f} ms")
    with app.app_context():
        db.engine.dispose()


def main() -> None:
    print(f"CPU: {cpu_info()}")
    print(f"Python {sys.version.split()[0]}; through Flask's test client, signed in as an admin")
    for label, url in bench_databases():
        bench(label, url)


if __name__ == "__main__":
    main()

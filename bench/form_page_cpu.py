"""CPU time of the facilitator's form page, per request, through the real app.

Builds a temporary SQLite database, migrates it, opens a round with 200 facilitators on its
roster (bench/province.py), then asks for each facilitator's form page (`/j/<code>/f/<id>`)
through Flask's test client, each as a new phone (no cookies, so a new session and CSRF
token), in Thai and then in English. Prints the CPU time (time.process_time) per page: the
median of several passes over the 200 pages. The first pages (template compiling and other
first-time work) are left out. With --profile, also prints the functions cProfile finds
costliest over one pass.

Run from the repository root: .venv/bin/python bench/form_page_cpu.py [--profile]
"""

import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_migrate

from app import create_app
from app.extensions import db
from bench.bench_charts import cpu_info
from bench.bench_dashboard import sqlite_database
from bench.province import open_round_with_roster

PEOPLE, TAMBONS, SEED = 200, 10, 2569
PASSES = 7
WARM_UP = 5


def prepared_app(url: str):
    """The app on a migrated database with one open round; (app, form paths)."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        flask_migrate.upgrade()
        code, people = open_round_with_roster(PEOPLE, TAMBONS, SEED)
        db.engine.dispose()
    return app, [f"/j/{code}/f/{person}" for person in people]


def load_pages(app, paths: list[str], lang: str) -> None:
    """Each path once, each from a new test client (a phone that has not been here)."""
    for path in paths:
        client = app.test_client()
        client.set_cookie("lang", lang)
        reply = client.get(path)
        if reply.status_code != 200:
            raise RuntimeError(f"{path} answered {reply.status_code}")


def cpu_ms_per_page(app, paths: list[str], lang: str) -> float:
    """Median over PASSES of the CPU time of one pass, divided by the pages in it."""
    load_pages(app, paths[:WARM_UP], lang)
    times = []
    for _ in range(PASSES):
        start = time.process_time()
        load_pages(app, paths, lang)
        times.append(time.process_time() - start)
    return statistics.median(times) / len(paths) * 1000


def profile(app, paths: list[str]) -> None:
    """The 25 functions with the most cumulative time over one pass, in Thai."""
    profiler = cProfile.Profile()
    profiler.runcall(load_pages, app, paths, "th")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    print(f"CPU: {cpu_info()}; Python {sys.version.split()[0]}")
    with sqlite_database() as url:
        app, paths = prepared_app(url)
        for lang in ("th", "en"):
            ms = cpu_ms_per_page(app, paths, lang)
            print(f"form page ({lang}), SQLite: {ms:.2f} ms of CPU per page "
                  f"(median of {PASSES} passes over {len(paths)} pages)")  # fmt: skip
        if "--profile" in sys.argv:
            profile(app, paths)


if __name__ == "__main__":
    main()

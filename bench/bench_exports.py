"""Benchmark of the exports: time and memory for 10,000 and 100,000 rating rows.

Fills a temporary SQLite database (and a temporary PostgreSQL database on the server of
BENCH_DATABASE_URL when that is set) with bench/province.py: 834 facilitators × 12 items
(10,008 rating rows) and 8,334 × 12 (100,008 rows), one round each. Then every export
(ratings, ratings-wide, training-plan) is written as CSV and as XLSX through the same
function the downloads and `flask export` use, each in a fresh Python process, which prints:

  seconds       wall time of the export (without tracemalloc)
  peak MiB      tracemalloc peak of the export (a second run, traced)
  RSS +MiB      growth of the process's peak resident memory (VmHWM) in the untraced run

Run from the repository root:
  .venv/bin/python bench/bench_exports.py
  BENCH_DATABASE_URL=postgresql+psycopg://ft5:ft5@127.0.0.1:5432/postgres \
      .venv/bin/python bench/bench_exports.py
"""

import os
import platform
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = ((834, 278), (8_334, 2_778))  # (facilitators, tambons): 3 per tambon
EXPORTS = ("ratings", "ratings-wide", "training-plan")
FORMATS = ("csv", "xlsx")


def make_app(url: str):
    from app import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})


def fill(url: str) -> list[tuple[int, int]]:
    """Migrate and populate; return (round id, rating rows) per size."""
    import flask_migrate

    from bench.province import populate

    app = make_app(url)
    rounds = []
    with app.app_context():
        flask_migrate.upgrade(directory=str(ROOT / "migrations"))
        for seed, (people, tambons) in enumerate(SIZES, start=1):
            (round_id,) = populate(people, tambons, rounds=1, seed=seed)
            rounds.append((round_id, people * 12))
    return rounds


def memory_mib(field: str) -> float:
    """VmRSS (resident now) or VmHWM (peak resident) of this process, from Linux /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


def reset_peak() -> None:
    """Start VmHWM again from the current resident memory (Linux 4.0+)."""
    Path("/proc/self/clear_refs").write_text("5")


def run_export(url: str, round_id: int, name: str, fmt: str, traced: bool) -> tuple[float, float]:
    """One export to a temporary file: (seconds, peak MiB traced or RSS growth)."""
    from flask_babel import force_locale

    from app.exports.files import write_export
    from app.extensions import db
    from app.models import Round

    app = make_app(url)
    with app.app_context(), force_locale("th"), tempfile.TemporaryDirectory() as tmp:
        round_ = db.session.get(Round, round_id)
        round_.instrument_version.instrument  # noqa: B018  (parse outside the measurement)
        path = Path(tmp) / f"out.{fmt}"
        reset_peak()
        before = memory_mib("VmRSS")
        if traced:
            tracemalloc.start()
        start = time.perf_counter()
        with (
            open(path, "w", encoding="utf-8", newline="")
            if fmt == "csv"
            else open(path, "wb") as out
        ):
            write_export(out, name, fmt, round_, None, "th")
        seconds = time.perf_counter() - start
        if traced:
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            return seconds, peak
        return seconds, memory_mib("VmHWM") - before


def measure_in_child(url: str, round_id: int, name: str, fmt: str) -> tuple[float, float, float]:
    """(seconds, tracemalloc peak MiB, RSS growth MiB), each run in a fresh process."""
    figures = []
    for traced in ("0", "1"):
        args = [sys.executable, __file__, "--one", url, str(round_id), name, fmt, traced]
        out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
        figures.append([float(x) for x in out.split()])
    (seconds, rss), (_, peak) = figures
    return seconds, peak, rss


def report(label: str, url: str) -> None:
    print(f"\n{label}")
    print(f"{'rows':>8} {'export':<14} {'fmt':<5} {'seconds':>8} {'peak MiB':>9} {'RSS +MiB':>9}")
    for round_id, rows in fill(url):
        for name in EXPORTS:
            for fmt in FORMATS:
                seconds, peak, rss = measure_in_child(url, round_id, name, fmt)
                line = f"{rows:>8,} {name:<14} {fmt:<5} {seconds:>8.2f} {peak:>9.1f} {rss:>9.1f}"
                print(line, flush=True)


def postgres_database(server: str):
    """A new empty database on the server of `server`; yields its URL, then drops it."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"ft_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    print(f"Python {platform.python_version()} on {platform.platform()}, "
          f"{os.cpu_count()} CPUs, {platform.processor() or platform.machine()}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        report("SQLite (temporary file)", f"sqlite:///{tmp}/bench.sqlite")
    server = os.environ.get("BENCH_DATABASE_URL")
    if server:
        for url in postgres_database(server):
            report("PostgreSQL (BENCH_DATABASE_URL's server)", url)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        url, round_id, name, fmt, traced = sys.argv[2:7]
        print(*run_export(url, int(round_id), name, fmt, traced == "1"))
    else:
        main()

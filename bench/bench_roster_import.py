"""Benchmark of the roster import's check: how long a 70,000-line file takes to be reported.

Fills a temporary SQLite database with the demo data, then checks (dry run) generated files
of 70,000 lines: every line naming an unknown tambon, the same with a wrong team too (two
problems a line), and 70,000 good lines. Prints the file size, the problems found and listed,
and the wall time of the whole check (read, validate, match places and people, report).

Run from the repository root:
  .venv/bin/python bench/bench_roster_import.py
"""

import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import flask_migrate  # noqa: E402

from app.demo.load import load_demo  # noqa: E402
from app.extensions import db  # noqa: E402
from app.instruments import load_directory  # noqa: E402
from app.instruments.store import store_version  # noqa: E402
from app.roster.load import Scope, import_roster  # noqa: E402
from tests.conftest import INSTRUMENTS_DIR, make_app  # noqa: E402

LINES = 70_000
HEADER = "จังหวัด,อำเภอ,ตำบล,ชื่อ,บทบาท,หน่วยงาน,ทีม\r\n"
PLACE = "นครศรีธรรมราช,เมืองนครศรีธรรมราช"


def roster_file(tambon: str, team: str) -> bytes:
    lines = (f"{PLACE},{tambon},คุณอำนวย ทดสอบ {n:05d},บันทึก,,{team}\r\n" for n in range(LINES))
    return (HEADER + "".join(lines)).encode("utf-8")


def _prepare(app) -> None:
    with app.app_context():
        flask_migrate.upgrade()
        for path, instrument in load_directory(INSTRUMENTS_DIR):
            store_version(instrument, path.name)
        db.session.commit()
        load_demo()


def main() -> None:
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as folder:
        app = make_app(f"sqlite:///{folder}/bench.sqlite")
        _prepare(app)
        cases = {
            "unknown tambon": roster_file("ไม่มีตำบลนี้", "u"),
            "unknown tambon, wrong team": roster_file("ไม่มีตำบลนี้", "x"),
            "good lines": roster_file("บางจาก", "u"),
        }
        print(f"{'file':28} {'MB':>6} {'problems':>9} {'seconds':>8}")
        for label, data in cases.items():
            with app.app_context():
                start = time.perf_counter()
                report = import_roster(data, Scope(None), dry_run=True)
                seconds = time.perf_counter() - start
            print(f"{label:28} {len(data) / 1e6:6.1f} {len(report.problems):9,} {seconds:8.2f}")


if __name__ == "__main__":
    main()

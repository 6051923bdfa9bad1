"""Every benchmark of the project in one report: the form's page weight, the workshop burst,
the dashboard on a province, the exports, and the scoring and charts.

Runs each script of bench/ in its own Python process, one after the other (they would
otherwise compete for the same cores), and prints their output under one heading each, with
the machine and how long each took. Set BENCH_DATABASE_URL to a PostgreSQL server to have the
scripts that can measure on PostgreSQL do so too (see each script's docstring).

Run from the repository root: .venv/bin/python bench/report.py   (about 10 minutes)
"""

import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_charts import cpu_info  # noqa: E402

SCRIPTS = (
    ("Page weight of the facilitator's form and result page", "page_weight.py"),
    ("CPU time of the form page", "form_page_cpu.py"),
    ("Workshop burst", "workshop_burst.py"),
    ("Coordinators' dashboard on a province", "bench_dashboard.py"),
    ("Exports", "bench_exports.py"),
    ("Scoring and charts", "bench_charts.py"),
    ("Roster import check", "bench_roster_import.py"),
)


def memory() -> str:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return f"{int(line.split()[1]) / 1024**2:.0f} GiB"
    return "unknown"


def main() -> int:
    print("Freedom table: benchmark report")
    print(f"date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {cpu_info()}, {memory()} memory, {platform.system()} {platform.release()}")
    print(f"Python {sys.version.split()[0]}")
    server = os.environ.get("BENCH_DATABASE_URL")
    print(f"PostgreSQL: {'yes (BENCH_DATABASE_URL)' if server else 'no (SQLite only)'}")
    failed = []
    for title, script in SCRIPTS:
        print(f"\n{'=' * 78}\n{title}  (bench/{script})\n{'=' * 78}", flush=True)
        start = time.monotonic()
        done = subprocess.run(
            [sys.executable, str(ROOT / "bench" / script)],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        # The migrations log every step they run; anything else on stderr is worth seeing.
        noise = "INFO  [alembic"
        sys.stdout.writelines(f"{line}\n" for line in done.stderr.splitlines() if noise not in line)
        print(f"[bench/{script}: {time.monotonic() - start:.0f} s, exit {done.returncode}]")
        if done.returncode:
            failed.append(script)
    print(f"\nfailed: {', '.join(failed)}" if failed else "\nevery benchmark ran")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark of the filtered dashboard pages on the province round of bench_dashboard.py.

Every facilitator of bench/province.py is of team u and agency พช., so `?team=u` keeps all
2,000: the dearest case, where the figures are computed from every answer instead of being
read from the kept summaries. Prints the median of 5 runs per step next to the unfiltered
page (SQLite, through Flask's test client, signed in as an admin).

Run from the repository root: .venv/bin/python bench/bench_filters.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_charts import cpu_info
from bench.bench_dashboard import PASSWORD, get, median_ms, prepared_app, sqlite_database

RUNS = 5


def main() -> None:
    print(f"CPU: {cpu_info()}")
    with sqlite_database() as url:
        app, round_ids, tambon_id = prepared_app(url)
        client = app.test_client()
        client.post("/signin", data={"username": "bench-admin", "password": PASSWORD})
        base = f"/rounds/{round_ids[-1]}"
        steps = [
            ("radar page", f"{base}/radar"),
            ("radar page ?team=u", f"{base}/radar?team=u"),
            ("radar page ?team=u, one tambon chosen", f"{base}/radar?team=u&tambons={tambon_id}"),
            ("one tambon radar page ?team=u", f"{base}/radar/{tambon_id}?team=u"),
            ("gap table", f"{base}/gaps"),
            ("gap table ?team=u", f"{base}/gaps?team=u"),
            ("training-plan.csv", f"{base}/exports/training-plan.csv"),
            ("training-plan.csv ?team=u", f"{base}/exports/training-plan.csv?team=u"),
        ]
        print(f"\nSQLite: 2,000 facilitators, 150 tambons\n{'step':<42}{'runs':>5}{'median':>12}")
        for name, path in steps:
            get(client, path)  # warm up
            print(f"{name:<42}{RUNS:>5}{median_ms(lambda p=path: get(client, p), RUNS):>9.1f} ms")


if __name__ == "__main__":
    main()

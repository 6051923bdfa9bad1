"""Benchmark of the knowledge-assets page and the notes file on a province-sized round.

The province round of bench/bench_dashboard.py (2,000 facilitators in 150 tambons) with a
note on every third rating (8,000 notes, Thai text of 60–200 characters). Times, signed
in as an admin (who reads every tambon: the biggest page), through Flask's test client:
the page (first 100 notes), a search, one tambon, and the notes CSV and XLSX. SQLite, and
PostgreSQL too when BENCH_DATABASE_URL names a server (see bench_dashboard.py).

Run from the repository root: .venv/bin/python bench/bench_notes.py
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select, update

from app.extensions import db
from app.models import Rating, Response
from bench.bench_charts import cpu_info
from bench.bench_dashboard import (
    FACILITATORS,
    PASSWORD,
    RUNS,
    TAMBONS,
    bench_databases,
    median_ms,
    prepared_app,
)

WORDS = ("ชวนชาวบ้าน", "คุยกันที่ศาลา", "ทำบัญชีกลุ่ม", "เขียนแผนที่เดินดิน", "จดบันทึก",
         "สรุปบทเรียน", "ทุกเดือน", "ร่วมกับกรรมการ", "ยังไม่มั่นใจ", "อยากเรียนเพิ่ม")  # fmt: skip


def add_notes(round_id: int, seed: int = 2548) -> int:
    """A note on every third rating of the round; returns how many."""
    rng = random.Random(seed)
    responses = select(Response.id).where(Response.round_id == round_id)
    keys = db.session.execute(
        select(Rating.response_id, Rating.item_code).where(Rating.response_id.in_(responses))
    ).all()
    written = 0
    for number, (response_id, item) in enumerate(sorted(keys)):
        if number % 3:
            continue
        note = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 20)))[:200]
        where = (Rating.response_id == response_id) & (Rating.item_code == item)
        db.session.execute(update(Rating).where(where).values(note=note))
        written += 1
    db.session.commit()
    return written


def fetch(client, url: str) -> None:
    """The whole response read (a streamed CSV is written while it is read)."""
    with client.get(url) as response:
        response.get_data()
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")


def bench(label: str, url: str) -> None:
    app, round_ids, tambon_id = prepared_app(url)
    with app.app_context():
        notes = add_notes(round_ids[-1])
    client = app.test_client()
    client.post("/signin", data={"username": "bench-admin", "password": PASSWORD})
    base = f"/rounds/{round_ids[-1]}"
    print(f"\n{label}: {FACILITATORS} facilitators, {TAMBONS} tambons, {notes} notes")
    print(f"{'step':<44}{'runs':>5}{'median':>12}")
    steps = [
        ("notes page, first 100 of all (HTML)", f"{base}/notes"),
        ("notes page, search 'ศาลา ทำบัญชี'", f"{base}/notes?q=ศาลา+ทำบัญชี"),
        ("notes page, one tambon", f"{base}/notes?tambon={tambon_id}"),
        ("notes CSV, every note", f"{base}/exports/notes.csv"),
        ("notes XLSX, every note", f"{base}/exports/notes.xlsx"),
    ]
    for name, target in steps:
        fetch(client, target)  # warm up
        print(f"{name:<44}{RUNS:>5}{median_ms(lambda t=target: fetch(client, t)):>9.1f} ms")
    with app.app_context():
        db.engine.dispose()


def main() -> None:
    print(f"CPU: {cpu_info()}")
    for label, url in bench_databases():
        bench(label, url)


if __name__ == "__main__":
    main()

"""What counting the other tambons' teachers adds to a one-tambon coordinator's pairing.

On SQLite, a bench round of N facilitators (everyone answered, tambons of about 15): the
time of `levels_outside` (the count by item and level of the round's other tambons, for the
needs the tambon's own pairing left) and of the whole scope pairing kept, best of 3.

Run from the repository root: .venv/bin/python bench/pairing_elsewhere.py 2000 20000
"""

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_migrate

from app import create_app
from app.extensions import db
from app.models import Round
from app.pairing import store
from app.round_facts import levels_outside, load_round_facts
from app.scoring import DEFAULT_CAP, pair_learners
from bench.bench_scale import tambons_for, typical_tambon
from bench.province import populate


def best(action, runs: int = 3) -> float:
    """The shortest of `runs` timings of `action()`, in ms."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def measure(facilitators: int) -> None:
    url = f"sqlite:///{tempfile.mkdtemp(prefix='bench-elsewhere-')}/bench.db"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        flask_migrate.upgrade()
        (round_id,) = populate(facilitators, tambons_for(facilitators), 1, 7)
        db.session.commit()
        tambon_id, people = typical_tambon(round_id)
        round_ = db.session.get(Round, round_id)
        facts = load_round_facts(round_, {tambon_id})
        needs = pair_learners(facts.answers, facts.persons, facts.item_order, DEFAULT_CAP).needs
        counting = best(lambda: levels_outside(round_id, {tambon_id}, needs))

        def keep() -> None:
            store.compute(round_, {tambon_id})
            db.session.commit()

        kept = best(keep)
    print(
        f"{facilitators:>7,} facilitators, a tambon of {people} with {len(needs)} needs "
        f"before counting: levels_outside {counting:.0f} ms, its pairing kept {kept:.0f} ms"
    )


if __name__ == "__main__":
    for size in map(int, sys.argv[1:] or ["2000"]):
        measure(size)

"""Benchmark of scoring and charts on a province-sized round.

2,000 facilitators in 150 tambons answer 12 items (seeded random). Prints the median of
several runs for: all team profiles, one tambon radar (PNG and SVG, uncached), small
multiples of 12 tambons, the river of 150 tambons (scoring and chart), and pairing.

Run from the repository root: python bench/bench_charts.py
"""

import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import matplotlib

from app.charts import radar_chart, radar_grid, river_chart
from app.scoring import (
    ROLES,
    Answer,
    Person,
    pair_learners,
    river,
    team_levels,
    team_profiles,
    training_plan,
)

SEED = 2548
PEOPLE = 2_000
TAMBONS = 150
ITEMS = tuple([f"K{i}" for i in range(1, 4)] + [f"S{i}" for i in range(1, 10)])
HALF_STEPS = [1 + i / 2 for i in range(9)]


def make_round(seed: int = SEED) -> tuple[list[Person], list[Answer]]:
    """A seeded random round: persons spread over tambons, most items answered.

    Current levels lean low (as in a first round), targets lie 0–2 levels above.
    """
    rnd = random.Random(seed)
    persons = [
        Person(
            pid,
            f"คุณอำนวย {pid:04d}",
            f"ตำบล {pid % TAMBONS:03d}",
            frozenset(rnd.sample(ROLES, rnd.randint(0, 2))),
        )
        for pid in range(1, PEOPLE + 1)
    ]
    answers = []
    for p in persons:
        for item in ITEMS:
            if rnd.random() < 0.95:
                current = rnd.choices(HALF_STEPS, weights=(4, 5, 6, 6, 5, 4, 3, 2, 1))[0]
                target = min(current + rnd.choice((0, 0.5, 1, 1, 1.5, 2)), 5.0)
                answers.append(Answer(p.id, p.unit, item, current, target))
    return persons, answers


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """The median wall time of `runs` calls of `action`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cpu_info() -> str:
    """The CPU model and core count, as far as the machine tells."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{model}, {os.cpu_count()} logical CPUs"


def main() -> None:
    """Build the round, time each step, print a table."""
    persons, answers = make_round()
    expected = {item: {"coordination": 3, "meeting_process": 3, "recording": 2} for item in ITEMS}
    profiles = team_profiles(answers, persons, ITEMS, expected)
    labels = {item: item for item in ITEMS}
    the_river = river(team_levels(profiles), ITEMS)
    steps = [
        ("team profiles, 150 tambons", 5, lambda: team_profiles(answers, persons, ITEMS, expected)),
        ("radar, 1 tambon, PNG", 5, lambda: radar_chart(profiles[0], labels, "ตำบล 000")),
        ("radar, 1 tambon, SVG", 5, lambda: radar_chart(profiles[0], labels, "ตำบล 000", "svg")),
        (
            "small multiples, 12 tambons, PNG",
            3,
            lambda: radar_grid(profiles[:12], labels, {}, "ตำบล 000–011"),
        ),
        ("river scoring, 150 tambons", 5, lambda: river(team_levels(profiles), ITEMS)),
        ("river chart, 150 tambons, PNG", 5, lambda: river_chart(the_river, labels, {}, "ธารปัญญา")),
        ("pairing, 2,000 people × 12 items", 5, lambda: pair_learners(answers, persons, ITEMS)),
        (
            "training plan (profiles + pairing)",
            3,
            lambda: training_plan(answers, persons, ITEMS, expected),
        ),
    ]
    print(f"CPU: {cpu_info()}")
    print(f"Python {platform.python_version()}, matplotlib {matplotlib.__version__}")
    print(
        f"round: {len(persons)} people, {TAMBONS} tambons, {len(ITEMS)} items, "
        f"{len(answers)} answers (seed {SEED})"
    )
    pairing = pair_learners(answers, persons, ITEMS)
    print(
        f"pairing: {len(pairing.pairs)} pairs, {len(pairing.waiting)} waiting, "
        f"{len(pairing.needs)} outside-training needs"
    )
    print(f"{'step':<40}{'runs':>5}{'median':>12}")
    for name, runs, action in steps:
        print(f"{name:<40}{runs:>5}{median_seconds(action, runs) * 1000:>10.1f} ms")


if __name__ == "__main__":
    main()

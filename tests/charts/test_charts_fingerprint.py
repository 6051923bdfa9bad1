"""Chart fingerprints: stable, and different whenever the picture may differ."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.charts import CHART_VERSION, chart_fingerprint
from app.scoring import Answer, team_profiles

ROOT = Path(__file__).resolve().parents[2]


def test_same_inputs_same_fingerprint(chart_inputs):
    for kind, inputs in chart_inputs.items():
        first = chart_fingerprint(kind, "png", **inputs)
        assert first == chart_fingerprint(kind, "png", **dict(reversed(inputs.items())))
        assert len(first) == 64 and int(first, 16) >= 0


def test_defaults_count_as_given(chart_inputs):
    inputs = chart_inputs["radar"]
    from app.charts import THAI

    assert chart_fingerprint("radar", "png", **inputs) == chart_fingerprint(
        "radar", "png", **inputs, wording=THAI
    )


def test_anything_that_changes_the_picture_changes_the_fingerprint(chart_inputs, profiles):
    inputs = chart_inputs["radar"]
    base = chart_fingerprint("radar", "png", **inputs)
    assert base != chart_fingerprint("radar", "svg", **inputs)
    assert base != chart_fingerprint("radar", "png", **{**inputs, "title": "อื่น"})
    assert base != chart_fingerprint("radar", "png", **{**inputs, "profile": profiles[1]})
    assert base != chart_fingerprint("radar", "png", **{**inputs, "item_labels": {}})


def test_integer_and_float_levels_draw_the_same():
    items = ["K1"]
    ints = team_profiles([Answer(1, "u", "K1", 2, 3)], [], items)[0]
    floats = team_profiles([Answer(1, "u", "K1", 2.0, 3.0)], [], items)[0]
    assert chart_fingerprint("radar", "png", profile=ints, item_labels={}, title="t") == (
        chart_fingerprint("radar", "png", profile=floats, item_labels={}, title="t")
    )


def test_unknown_kind_or_arguments_are_refused(chart_inputs):
    with pytest.raises(ValueError):
        chart_fingerprint("pie", "png")
    with pytest.raises(TypeError):
        chart_fingerprint("radar", "png", **chart_inputs["radar"], colour="red")


SCRIPT = """
from app.charts import chart_fingerprint
from app.scoring import person_levels, river, Answer
answers = [Answer(1, "u", "K1", 2, 3), Answer(2, "v", "K1", 4, 5)]
r = river(person_levels(answers, []), ["K1"])
print(chart_fingerprint("river", "svg", river=r, item_labels={}, unit_labels={1: "ก"},
                        title="t", show_units=frozenset({1, 2})))
"""


def test_fingerprint_is_the_same_in_another_process():
    def run(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-W", "error", "-c", SCRIPT],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    assert run("1") == run("2") != ""


def test_version_is_part_of_the_key():
    assert CHART_VERSION

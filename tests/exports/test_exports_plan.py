"""The training-plan export: the scoring's training_plan, row for row, and a hand-worked case."""

import csv
import io
from decimal import ROUND_HALF_UP, Decimal

from app.exports.catalogue import build
from app.exports.plan import round_plan
from app.exports.writers import csv_chunks
from app.extensions import db
from app.models import Round
from app.round_facts import load_round_facts

PLAN_HEADER = [
    "round", "round_date", "scope", "province", "district", "tambon", "priority", "domain",
    "item_code", "item_text_th", "item_text_en", "respondents", "mean_current", "mean_target",
    "mean_gap", "expected", "below_target", "below_expected", "learners", "teachers", "waiting",
    "outside_training", "teachers_elsewhere",
]  # fmt: skip


def _plan_csv(app, round_id, tambon_ids=None) -> list[dict]:
    with app.app_context():
        round_ = db.session.get(Round, round_id)
        text = "".join(csv_chunks(build("training-plan", round_, tambon_ids, "th")))
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    assert rows[0] == PLAN_HEADER
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def _number(value) -> str:
    """How the CSV writes a figure: 2 decimals at most, halves up as a spreadsheet's ROUND
    (2.625 -> 2.63), no trailing zeros, whole numbers without ".0"."""
    if value is None:
        return ""
    shown = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return format(shown.normalize(), "f")


def _expected_rows(app, round_id, tambon_ids=None) -> list[tuple]:
    """(scope, tambon, item, figures…) straight from the scoring, for the same facts."""
    with app.app_context():
        facts = load_round_facts(db.session.get(Round, round_id), tambon_ids)
        plan = round_plan(facts, tambon_ids)
        names = {key: t.name_th for key, t in facts.tambons.items()}
    return [
        (
            "tambon" if row.unit else "round",
            names.get(row.unit, ""),
            row.item,
            str(row.priority),
            str(row.respondents),
            _number(row.mean_current),
            _number(row.mean_target),
            _number(row.mean_gap),
            _number(row.expected),
            str(row.below_target),
            str(row.below_expected),
            str(row.learners),
            "; ".join(row.teachers),
            str(row.waiting),
            str(int(row.outside_training)),
            str(row.teachers_elsewhere),
        )
        for row in (*plan.round, *plan.units)
    ]


def _as_tuples(rows) -> list[tuple]:
    keys = PLAN_HEADER[11:]
    return [
        (r["scope"], r["tambon"], r["item_code"], r["priority"], *(r[k] for k in keys))
        for r in rows
    ]


def test_the_plan_is_the_scorings_training_plan(app, world):
    exported = _as_tuples(_plan_csv(app, world.round_id))
    expected = _expected_rows(app, world.round_id)
    assert sorted(exported) == sorted(expected) and len(exported) == 3 * 12


def test_a_coordinators_plan_is_computed_on_their_tambons(app, world):
    rows = _plan_csv(app, world.round_id, {world.tambon_a})
    assert _as_tuples(rows) == _expected_rows(app, world.round_id, {world.tambon_a})
    assert {r["tambon"] for r in rows} == {"", "บางจาก"}
    assert {r["respondents"] for r in rows} == {"2"}  # the round rows count tambon A only


def test_a_hand_worked_round(app, world):
    """ป้าแจ่ม 2 -> 4 and ลุงเปลี่ยน 4 -> 4 (tambon A), @วิชัย 1 -> 5 (tambon B), every item.

    Round rows: mean current 7/3, target 13/3, gap 2; two below target, two learners.
    @วิชัย's target 5 is nobody's current: training from outside on every item. ป้าแจ่ม's
    target 4 is ลุงเปลี่ยน's current: he teaches her every item (the cap of 3 counts people,
    and she is one).
    """
    rows = _plan_csv(app, world.round_id)
    round_rows = {r["item_code"]: r for r in rows if r["scope"] == "round"}
    assert [r["scope"] for r in rows[:12]] == ["round"] * 12
    assert [r["priority"] for r in rows[:12]] == [str(n) for n in range(1, 13)]
    for code, row in round_rows.items():
        figures = [row[k] for k in ("respondents", "mean_current", "mean_target", "mean_gap")]
        assert figures == ["3", "2.33", "4.33", "2"], code
        assert (row["below_target"], row["learners"], row["outside_training"]) == ("2", "2", "1")
    assert all(row["teachers"] == "ลุงเปลี่ยน แก้วใส" for row in round_rows.values())
    assert all(row["waiting"] == "0" for row in round_rows.values())
    b_rows = [r for r in rows if r["tambon"] == "ท่าไร่"]
    assert len(b_rows) == 12 and all(r["mean_gap"] == "4" for r in b_rows)
    assert all(r["outside_training"] == "1" and r["teachers"] == "" for r in b_rows)
    assert {r["teachers_elsewhere"] for r in rows} == {"0"}  # the admin's file is the round

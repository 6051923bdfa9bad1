"""One rounding rule on the pages and in the files: a team mean of exactly 2.625 is 2.63.

A round worked out by hand: one tambon, eight facilitators (coordination), every item 2 → 2
except

| item | current levels of the eight  | sum | mean  | targets | mean gap        |
|------|------------------------------|-----|-------|---------|-----------------|
| K1   | 3 3 3 3 3 2 2 2              | 21  | 2.625 | all 5   | 19/8 = 2.375    |
| K2   | 1 1 1 1 1 2 2 2              | 11  | 1.375 | all 4   | 21/8 = 2.625    |
| K3   | 3 3 3 3 3 3 3 4              | 25  | 3.125 | all 4   | 7/8 = 0.875     |

Half to even (Python's round and "%.2f") would show 2.62 and 3.12; a spreadsheet's ROUND,
and these pages and files, show 2.63 and 3.13.
"""

import csv
import io
from dataclasses import dataclass

import openpyxl
import pytest

from app.extensions import db
from app.models import InstrumentVersion
from app.ratings import Mark, record
from tests import builders
from tests.html_tables import row, table
from tests.tiny_round import sign_in

CURRENT = {
    "K1": (3, 3, 3, 3, 3, 2, 2, 2),
    "K2": (1, 1, 1, 1, 1, 2, 2, 2),
    "K3": (3, 3, 3, 3, 3, 3, 3, 4),
}
TARGET = {"K1": 5, "K2": 4, "K3": 4}


@dataclass(frozen=True)
class Halves:
    round_id: int
    tambon_id: int


@pytest.fixture
def halves(app, instruments) -> Halves:
    with app.app_context():
        version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
        place = builders.tambon("บางจาก", "Bang Chak")
        people = [builders.facilitator(place, f"คนที่ {n + 1}") for n in range(8)]
        round_ = builders.round_(version, [place], name="รอบครึ่ง", code="HALVES")
        builders.coordinator("admin", admin=True)
        db.session.commit()
        for n, person in enumerate(people):
            marks = [
                Mark(code, CURRENT[code][n], TARGET[code]) if code in CURRENT else Mark(code, 2, 2)
                for code in version.instrument.item_codes
            ]
            record(round_, person.id, marks, f"halves-{n}")
        return Halves(round_.id, place.id)


@pytest.fixture
def as_admin(client, halves):
    sign_in(client, "admin")
    return client


def test_the_radar_tables_show_2_625_as_2_63(as_admin, halves):
    # Columns after code and item: answered, mean current, mean target, mean gap, expected, …
    page = as_admin.get(f"/rounds/{halves.round_id}/radar/{halves.tambon_id}").text
    assert row(page, "tambon-numbers", "K1")[2:6] == ["8", "2.63", "5.00", "2.38"]
    assert row(page, "tambon-numbers", "K2")[2:6] == ["8", "1.38", "4.00", "2.63"]
    assert row(page, "tambon-numbers", "K3")[2:6] == ["8", "3.13", "4.00", "0.88"]
    whole_round = as_admin.get(f"/rounds/{halves.round_id}/radar").text
    assert row(whole_round, "round-numbers", "K1")[2:6] == ["8", "2.63", "5.00", "2.38"]
    # The small multiples' table: the tambon's current row, K1 K2 K3 in instrument order.
    current = table(whole_round, "tambon-numbers")[1]
    assert current[2:5] == ["2.63", "1.38", "3.13"]


def test_the_gap_page_shows_2_625_as_2_63(as_admin, halves):
    page = as_admin.get(f"/rounds/{halves.round_id}/gaps").text
    # Training list: priority, code, item, mean gap, …; K2's 2.625 is the biggest gap.
    rows = table(page, "training-list")[1:]
    assert [r[1:4:2] for r in rows[:3]] == [["K2", "2.63"], ["K1", "2.38"], ["K3", "0.88"]]


def _plan(client, round_id, fmt):
    with client.get(f"/rounds/{round_id}/exports/training-plan.{fmt}") as response:
        assert response.status_code == 200
        return response.get_data()


def test_the_plan_csv_writes_the_means_as_the_pages_show_them(as_admin, halves):
    text = _plan(as_admin, halves.round_id, "csv").decode("utf-8-sig")
    rows = [r for r in csv.DictReader(io.StringIO(text, newline="")) if r["scope"] == "round"]
    by_item = {r["item_code"]: r for r in rows}
    assert by_item["K1"]["mean_current"] == "2.63" and by_item["K1"]["mean_gap"] == "2.38"
    assert by_item["K2"]["mean_current"] == "1.38" and by_item["K2"]["mean_gap"] == "2.63"
    assert by_item["K3"]["mean_current"] == "3.13" and by_item["K3"]["mean_gap"] == "0.88"


def test_the_plan_xlsx_holds_the_numbers_the_csv_writes(as_admin, halves):
    book = openpyxl.load_workbook(io.BytesIO(_plan(as_admin, halves.round_id, "xlsx")))
    sheet = book["training-plan"]
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]
    assert "mean_current" in header
    by_item = {r["item_code"]: r for r in body if r["scope"] == "round"}
    # Numbers, not text: a spreadsheet can sum them; the value itself is the rounded one.
    assert by_item["K1"]["mean_current"] == 2.63 and by_item["K2"]["mean_gap"] == 2.63
    assert by_item["K3"]["mean_current"] == 3.13 and by_item["K3"]["mean_gap"] == 0.88


def test_the_overview_rounds_a_half_percent_up(app, client, instruments):
    with app.app_context():
        version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
        place = builders.tambon("บางจาก", "Bang Chak")
        people = [builders.facilitator(place, f"คนที่ {n + 1}") for n in range(8)]
        round_ = builders.round_(version, [place], name="รอบครึ่ง", code="HALFPC")
        builders.coordinator("admin", admin=True)
        db.session.commit()
        for n, person in enumerate(people[:5]):
            record(round_, person.id, builders.answers(version.instrument), f"pc-{n}")
        round_id = round_.id
    sign_in(client, "admin")
    page = client.get(f"/rounds/{round_id}").text
    # 5 of 8 answered: 62.5 %, shown 63 (round() would give 62).
    assert table(page, "answered")[-1][:4] == ["ทุกตำบล", "5", "8", "63"]

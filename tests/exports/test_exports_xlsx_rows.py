"""The streamed XLSX rows read back with openpyxl exactly as written, whatever the text."""

from datetime import date, datetime

import openpyxl

from app.exports.catalogue import Table
from app.exports.columns import Column
from app.exports.writers import write_xlsx

AWKWARD = (
    "<b>bold</b> & 'quotes' \"double\"",
    "  spaces around  ",
    '=HYPERLINK("http://x")',
    "ไทย ✓ 🙂 \u200d عربى",
    "line one\nline two",
)


def _round_trip(tmp_path, rows):
    columns = tuple(Column(f"c{n}", f"column {n}") for n in range(len(rows[0])))
    path = tmp_path / "t.xlsx"
    write_xlsx(Table("data", columns, iter(rows)), path)
    book = openpyxl.load_workbook(path)
    sheet = book["data"]
    return sheet, [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]


def test_text_numbers_dates_and_blanks_come_back_as_written(tmp_path):
    rows = [
        (text, 2.5, 3, date(2026, 11, 14), datetime(2026, 11, 14, 9, 30), None, True)
        for text in AWKWARD
    ]
    sheet, back = _round_trip(tmp_path, rows)
    assert [r[0] for r in back] == list(AWKWARD)
    assert back[0][1:5] == [2.5, 3, datetime(2026, 11, 14), datetime(2026, 11, 14, 9, 30)]
    assert back[0][5] is None and back[0][6] is True
    assert sheet["D2"].is_date and sheet["D2"].number_format != "General"
    assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def test_the_header_stays_and_no_probe_row_is_left(tmp_path):
    sheet, back = _round_trip(tmp_path, [("a", 1), ("b", 2)])
    assert [c.value for c in sheet[1]] == ["c0", "c1"]
    assert back == [["a", 1], ["b", 2]]
    assert sheet.freeze_panes == "A2"


def test_an_empty_table_is_the_header_alone(tmp_path):
    columns = (Column("only", "only column"),)
    path = tmp_path / "empty.xlsx"
    write_xlsx(Table("data", columns, iter(())), path)
    sheet = openpyxl.load_workbook(path)["data"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [["only"]]

"""The ratings exports (long and wide form) against the answers stored in the round."""

import csv
import io
import re
from datetime import date, datetime, timedelta

import openpyxl
from sqlalchemy import select

from app.exports.catalogue import build
from app.exports.files import write_export
from app.exports.writers import csv_chunks
from app.extensions import db
from app.models import InstrumentVersion, Response, Round, Tambon
from tests.exports.conftest import NOTES

LONG_HEADER = [
    "round", "round_date", "province", "district", "tambon", "facilitator", "role", "agency",
    "team", "instrument_id", "instrument_version", "domain", "item_code", "item_text_th",
    "item_text_en", "current", "target", "gap", "expected", "note", "submitted_at",
]  # fmt: skip


def _csv_bytes(app, name, round_id, tambon_ids=None, lang="th") -> bytes:
    with app.app_context():
        round_ = db.session.get(Round, round_id)
        return "".join(csv_chunks(build(name, round_, tambon_ids, lang))).encode("utf-8")


def _records(raw: bytes) -> list[list[str]]:
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs for Thai
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def _by_person_item(rows, header) -> dict[tuple[str, str], dict]:
    keyed = [dict(zip(header, row)) for row in rows]
    return {(r["facilitator"], r["item_code"]): r for r in keyed}


def _instrument(app, instruments):
    with app.app_context():
        return db.session.get(InstrumentVersion, instruments["facilitator-competency"]).instrument


def _bangkok_updated_at(app, round_id, facilitator_id) -> datetime:
    with app.app_context():
        query = select(Response.updated_at).filter_by(
            round_id=round_id, facilitator_id=facilitator_id
        )
        stored = db.session.execute(query).scalar_one()
    return (stored + timedelta(hours=7)).replace(microsecond=0)


def test_long_csv_has_the_header_and_one_row_per_rating(app, world):
    rows = _records(_csv_bytes(app, "ratings", world.round_id))
    assert rows[0] == LONG_HEADER
    assert len(rows) == 1 + 3 * 12  # three respondents, twelve items; the fourth did not answer
    assert {r[5] for r in rows[1:]} == {"ป้าแจ่ม ใจดี", "ลุงเปลี่ยน แก้วใส", "'@วิชัย มีสุข"}


def test_long_csv_values_are_those_stored(app, world, instruments):
    instrument = _instrument(app, instruments)
    rows = _records(_csv_bytes(app, "ratings", world.round_id))
    by_key = _by_person_item(rows[1:], rows[0])
    k2 = instrument.item("K2")
    row = by_key[("ป้าแจ่ม ใจดี", "K2")]
    assert row["round"] == "รอบที่ 2 เหลียวหลัง แลหน้า" and row["round_date"] == "2026-11-14"
    with app.app_context():
        a = db.session.get(Tambon, world.tambon_a)
        place = (a.district.province.name_th, a.district.name_th, a.name_th)
    assert (row["province"], row["district"], row["tambon"]) == place
    assert row["role"] == "ประสานงาน; บันทึก" and row["agency"] == "พช." and row["team"] == "u"
    assert (row["instrument_id"], row["instrument_version"]) == ("facilitator-competency", "1.0")
    assert row["domain"] == "ความรู้ (เข้าใจ)"
    assert (row["item_text_th"], row["item_text_en"]) == (k2.text.th, k2.text.en)
    assert (row["current"], row["target"], row["gap"]) == ("2", "4", "2")
    assert row["expected"] == str(max(k2.expected["coordination"], k2.expected["recording"]))
    submitted = _bangkok_updated_at(app, world.round_id, world.names["ป้าแจ่ม ใจดี"])
    assert row["submitted_at"] == submitted.isoformat(sep=" ")
    plian = by_key[("ลุงเปลี่ยน แก้วใส", "S9")]
    assert (plian["current"], plian["target"], plian["gap"], plian["team"]) == ("4", "4", "0", "v")


def test_csv_keeps_thai_and_neutralises_formulas(app, world):
    raw = _csv_bytes(app, "ratings", world.round_id)
    rows = _records(raw)
    by_key = _by_person_item(rows[1:], rows[0])
    notes = [by_key[("ป้าแจ่ม ใจดี", code)]["note"] for code in world.items[: len(NOTES)]]
    assert notes[0] == NOTES[0]  # Thai, quotes and a newline, intact
    assert notes[1:7] == ["'" + note for note in NOTES[1:7]]  # = + - @ tab CR: a ' in front
    assert notes[7] == NOTES[7]
    wichai = by_key[("'@วิชัย มีสุข", "K1")]
    assert wichai["facilitator"] == "'@วิชัย มีสุข" and wichai["agency"] == "'=1+1"
    assert wichai["team"] == "" and wichai["expected"] != ""
    # Every record ends with CRLF; the only bare newline is the one inside the Thai note.
    assert raw.endswith(b"\r\n") and raw.count(b"\r\n") == len(rows)
    assert raw.replace(b"\r\n", b"").count(b"\n") == 1


def test_xlsx_has_the_same_values_as_text_and_real_dates(app, world, tmp_path):
    path = tmp_path / "ratings.xlsx"
    with app.app_context():
        write_export(path, "ratings", "xlsx", db.session.get(Round, world.round_id), None, "th")
    book = openpyxl.load_workbook(path)
    sheet = book["ratings"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # nothing is a formula
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == LONG_HEADER and len(rows) == 1 + 36
    assert sheet.freeze_panes == "A2"
    by_key = _by_person_item(rows[1:], rows[0])
    notes = [by_key[("ป้าแจ่ม ใจดี", code)]["note"] for code in world.items[: len(NOTES)]]
    # As written, no ' added (a text cell never runs); a CR is a line break (LF) in XLSX.
    assert notes == [note.replace("\r", "\n") for note in NOTES]
    row = by_key[("ป้าแจ่ม ใจดี", "K2")]
    assert isinstance(row["round_date"], datetime) and row["round_date"].date() == date(
        2026, 11, 14
    )
    submitted = _bangkok_updated_at(app, world.round_id, world.names["ป้าแจ่ม ใจดี"])
    assert row["submitted_at"] == submitted
    assert (row["current"], row["target"], row["gap"]) == (2, 4, 2)
    assert by_key[("@วิชัย มีสุข", "K1")]["agency"] == "=1+1"  # the literal text, not a formula
    assert [r[0] for r in book["columns"].iter_rows(values_only=True)][-21:] == LONG_HEADER


def test_wide_form_has_one_row_per_respondent_and_two_columns_per_item(app, world):
    rows = _records(_csv_bytes(app, "ratings-wide", world.round_id, lang="en"))
    levels = [f"{code}_{kind}" for code in world.items for kind in ("current", "target")]
    assert rows[0] == [*LONG_HEADER[:11], "submitted_at", *levels]
    people = {row[5]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert len(rows) == 4 and set(people) == {"ป้าแจ่ม ใจดี", "ลุงเปลี่ยน แก้วใส", "'@วิชัย มีสุข"}
    jam = people["ป้าแจ่ม ใจดี"]
    assert jam["tambon"] == "Bang Chak" and jam["role"] == "Coordination; Recording"
    assert all(jam[f"{c}_current"] == "2" and jam[f"{c}_target"] == "4" for c in world.items)
    assert people["'@วิชัย มีสุข"]["S9_target"] == "5"


def test_an_empty_round_gives_the_header_alone(app, world, tmp_path):
    for name in ("ratings", "ratings-wide", "training-plan"):
        rows = _records(_csv_bytes(app, name, world.empty_round_id))
        assert len(rows) == 1 and rows[0][:2] == ["round", "round_date"]
        path = tmp_path / f"{name}.xlsx"
        with app.app_context():
            round_ = db.session.get(Round, world.empty_round_id)
            write_export(path, name, "xlsx", round_, None, "th")
        sheet = openpyxl.load_workbook(path)[name]
        assert [list(r) for r in sheet.iter_rows(values_only=True)] == [rows[0]]


def test_limited_to_some_tambons_the_file_holds_only_their_rows(app, world):
    rows = _records(_csv_bytes(app, "ratings", world.round_id, {world.tambon_a}))
    assert len(rows) == 1 + 2 * 12
    assert {r[4] for r in rows[1:]} == {"บางจาก"}


THAI_DATE, THAI_MOMENT = "[$-107041E]d mmm yyyy;@", "[$-107041E]d mmm yyyy hh:mm:ss;@"


def _date_cells(app, world, tmp_path, lang):
    """The ratings file in `lang`: round_date and submitted_at of a row of ป้าแจ่ม's, and the
    round_date cell of the columns sheet."""
    path = tmp_path / f"ratings-{lang}.xlsx"
    with app.app_context():
        write_export(path, "ratings", "xlsx", db.session.get(Round, world.round_id), None, lang)
    book = openpyxl.load_workbook(path)
    sheet = book["ratings"]
    header = [c.value for c in sheet[1]]
    who = header.index("facilitator")
    data = next(row for row in sheet.iter_rows(min_row=2) if row[who].value == "ป้าแจ่ม ใจดี")
    # The "about" lines come first; the column descriptions below name round_date again.
    about = next(row[1] for row in book["columns"].iter_rows() if row[0].value == "round_date")
    return data[header.index("round_date")], data[header.index("submitted_at")], about


def test_the_thai_xlsx_shows_its_dates_in_the_buddhist_era(app, world, tmp_path):
    # Real dates (a spreadsheet can sort and subtract them) that Excel and LibreOffice show
    # as 14 พ.ย. 2569: Thai month names, Buddhist calendar, Western digits.
    day, moment, about = _date_cells(app, world, tmp_path, "th")
    assert day.is_date and day.value == datetime(2026, 11, 14) and day.number_format == THAI_DATE
    submitted = _bangkok_updated_at(app, world.round_id, world.names["ป้าแจ่ม ใจดี"])
    assert moment.is_date and moment.value == submitted and moment.number_format == THAI_MOMENT
    assert about.is_date and about.value == datetime(2026, 11, 14)
    assert about.number_format == THAI_DATE


def test_the_english_xlsx_and_the_csv_keep_iso_dates(app, world, tmp_path):
    day, moment, about = _date_cells(app, world, tmp_path, "en")
    assert day.is_date and day.value == datetime(2026, 11, 14) and day.number_format == "yyyy-mm-dd"
    assert moment.is_date and moment.number_format == "yyyy-mm-dd hh:mm:ss"
    assert about.is_date and about.number_format == "yyyy-mm-dd"
    for lang in ("th", "en"):
        rows = _records(_csv_bytes(app, "ratings", world.round_id, lang=lang))
        record = dict(zip(rows[0], rows[1]))
        assert record["round_date"] == "2026-11-14"
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", record["submitted_at"])

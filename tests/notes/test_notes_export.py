"""The `notes` download (CSV and XLSX) and `flask export notes`: rows, headers and scope."""

import csv
import io

import openpyxl

from tests.notes.conftest import JAM_K1, JAM_K2, PLIAN_K1, SOMSRI_K1, SOMSRI_K2, sign_in

HEADER = [
    "round", "round_date", "province", "district", "tambon", "facilitator",
    "domain", "item_code", "item_text_th", "item_text_en", "current", "target", "note",
]  # fmt: skip


def _csv(client, round_id) -> list[list[str]]:
    response = client.get(f"/rounds/{round_id}/exports/notes.csv")
    assert response.status_code == 200, response.text
    assert response.data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


def _xlsx(client, round_id, lang="th"):
    with client.get(f"/rounds/{round_id}/exports/notes.xlsx?lang={lang}") as response:
        data = response.get_data()  # read and closed: the file sent is open until then
    assert response.status_code == 200, data[:500]
    return openpyxl.load_workbook(io.BytesIO(data))


def test_the_admins_csv_holds_every_note_in_reading_order(client, notes_world):
    sign_in(client, "admin")
    header, *rows = _csv(client, notes_world.round_id)
    assert header == HEADER
    k1, k2 = notes_world.items[:2]
    got = [(r[4], r[5], r[7], r[10], r[11], r[12]) for r in rows]
    assert got == [
        ("ท่าไร่", "สมศรี มีสุข", k1, "4", "4", SOMSRI_K1),
        ("บางจาก", "ป้าแจ่ม ใจดี", k1, "4", "5", JAM_K1),
        ("บางจาก", "ลุงเปลี่ยน แก้วใส", k1, "2", "4", PLIAN_K1),
        ("ท่าไร่", "สมศรี มีสุข", k2, "5", "5", "'" + SOMSRI_K2),  # "=" neutralised
        ("บางจาก", "ป้าแจ่ม ใจดี", k2, "2", "3", JAM_K2),
    ]
    assert {r[0] for r in rows} == {"รอบขุมความรู้"} and rows[0][3]  # a district name


def test_a_coordinators_csv_holds_only_their_tambons(client, notes_world):
    sign_in(client, "local")
    header, *rows = _csv(client, notes_world.round_id)
    text = "\n".join(",".join(r) for r in rows)
    assert header == HEADER
    assert [(r[4], r[5], r[12]) for r in rows] == [
        ("บางจาก", "ป้าแจ่ม ใจดี", JAM_K1),
        ("บางจาก", "ลุงเปลี่ยน แก้วใส", PLIAN_K1),
        ("บางจาก", "ป้าแจ่ม ใจดี", JAM_K2),
    ]
    assert "สมศรี" not in text and "ท่าไร่" not in text and "ทำบัญชี" not in text


def test_a_coordinators_xlsx_in_english_holds_only_their_tambons(client, notes_world):
    sign_in(client, "local")
    book = _xlsx(client, notes_world.round_id, "en")
    rows = list(book["notes"].iter_rows(values_only=True))
    assert list(rows[0]) == HEADER and len(rows) == 1 + 3
    cells = {str(c) for row in rows for c in row if c is not None}
    assert not any("สมศรี" in c or "ท่าไร่" in c or "Tha Rai" in c for c in cells)
    assert {r[4] for r in rows[1:]} == {"Bang Chak"}
    assert rows[1][5] == "ป้าแจ่ม ใจดี" and rows[1][12] == JAM_K1 and rows[1][10] == 4
    lines = list(book["columns"].iter_rows(values_only=True))
    about = {r[0]: r[1] for r in lines[: lines.index(("column", "คำอธิบาย", "description"))]}
    assert about["tambons"] == "Bang Chak"
    described = {r[0]: r[2] for r in lines}
    assert described["facilitator"] == "Name of the note's writer"


def test_the_admins_xlsx_keeps_text_as_written(client, notes_world):
    sign_in(client, "admin")
    rows = list(_xlsx(client, notes_world.round_id)["notes"].iter_rows(values_only=True))
    assert rows[4][12] == SOMSRI_K2  # begins with "=": stored as text, shown as written


def test_the_thai_xlsx_describes_columns_in_both_languages(client, notes_world):
    sign_in(client, "admin")
    book = _xlsx(client, notes_world.round_id)
    columns = {r[0]: (r[1], r[2]) for r in book["columns"].iter_rows(values_only=True)}
    assert columns["current"] == (
        "ระดับปัจจุบันของผู้เขียนในหัวข้อนี้ (1–5)",
        "The writer's current level on the item (1–5)",
    )
    rows = list(book["notes"].iter_rows(values_only=True))
    assert [r[5] for r in rows[1:]] == [
        "สมศรี มีสุข", "ป้าแจ่ม ใจดี", "ลุงเปลี่ยน แก้วใส", "สมศรี มีสุข", "ป้าแจ่ม ใจดี",
    ]  # fmt: skip


def test_a_round_without_notes_gives_the_header_only(client, notes_world):
    sign_in(client, "admin")
    assert _csv(client, notes_world.empty_round_id) == [HEADER]


def test_the_downloads_page_lists_the_notes(client, notes_world):
    sign_in(client, "local")
    html = client.get(f"/rounds/{notes_world.round_id}/exports").text
    assert 'id="notes"' in html and "ขุมความรู้: บันทึกของคุณอำนวย" in html
    assert f"/rounds/{notes_world.round_id}/exports/notes.csv" in html
    assert f"/rounds/{notes_world.round_id}/exports/notes.xlsx" in html


def test_a_stranger_gets_no_file(client, notes_world):
    sign_in(client, "stranger")
    assert client.get(f"/rounds/{notes_world.round_id}/exports/notes.csv").status_code == 404


def test_flask_export_notes(runner, notes_world, tmp_path):
    out = tmp_path / "notes.xlsx"
    args = ["export", "notes", "km2569", "--format", "xlsx", "-o", str(out)]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    rows = list(openpyxl.load_workbook(out)["notes"].iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    assert [r[12] for r in rows[1:]] == [SOMSRI_K1, JAM_K1, PLIAN_K1, SOMSRI_K2, JAM_K2]

"""Writing a table as CSV (streamed, in chunks) or as XLSX (openpyxl, write-only mode).

CSV: UTF-8 with a byte-order mark (so Excel reads Thai by double-click), commas, CRLF line
ends, formula-looking text neutralised (see cells.py), dates ISO (2026-11-14). XLSX: text
always stored as text (an XLSX string cell is never evaluated), dates as real dates shown in
the file's language (DATE_FORMATS), a styled and frozen header row with a filter, and a
"columns" sheet describing every column in Thai and English; the data rows are streamed into
openpyxl's workbook by xlsx_rows.py, which is ten times faster.
"""

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import BinaryIO

from flask_babel import force_locale
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.exports.catalogue import Table
from app.exports.cells import csv_row, xlsx_text
from app.exports.xlsx_rows import PROBE, stream_rows

BOM = "\ufeff"
CHUNK_ROWS = 500
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F2")
STAMP = datetime(2000, 1, 1)  # the date inside a file when the caller gives none
# How the XLSX date and date-time cells show (the cell is a real date either way). Thai:
# 14 พ.ย. 2569, in Excel's extended LCID [$-NNCCLLLL]: 01 Western digits, 07 the Thai
# Buddhist calendar, 041E Thai (month names). It is the code Thai Excel itself offers, and
# LibreOffice reads it as [~buddhist] (it reads no BCP 47 tag such as [$-th-TH,107] there).
# English: ISO 8601, as in the CSV files.
THAI_BUDDHIST = "[$-107041E]"
DATE_FORMATS = {
    "th": (f"{THAI_BUDDHIST}d mmm yyyy;@", f"{THAI_BUDDHIST}d mmm yyyy hh:mm:ss;@"),
    "en": ("yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss"),
}


def csv_chunks(table: Table) -> Iterator[str]:
    """The CSV text of `table` in chunks of a few hundred rows, the BOM first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write(BOM)
    writer.writerow([c.key for c in table.columns])
    for count, row in enumerate(table.rows, start=1):
        writer.writerow(csv_row(row))
        if count % CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def write_csv(table: Table, out) -> None:
    """Write `table` to a text file opened with encoding="utf-8" and newline=""."""
    for chunk in csv_chunks(table):
        out.write(chunk)


def write_xlsx(
    table: Table,
    out: BinaryIO,
    about: Sequence[tuple[str, object]] = (),
    stamp: datetime = STAMP,
    lang: str = "en",
) -> None:
    """Write `table` as an XLSX workbook to `out` (a path or a binary file), dated `stamp`,
    its dates shown as people of `lang` read them (DATE_FORMATS)."""
    with tempfile.TemporaryFile() as skeleton:
        _skeleton(table, about, DATE_FORMATS.get(lang, DATE_FORMATS["en"])).save(skeleton)
        skeleton.seek(0)
        stream_rows(skeleton, out, table.rows, stamp)


def _skeleton(
    table: Table, about: Sequence[tuple[str, object]], dates: tuple[str, str]
) -> Workbook:
    """The workbook without its data rows: header, layout, a probe row, the columns sheet.

    dates: the number formats of date and of date-time cells.
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(table.name)
    _lay_out(sheet, table.columns)
    sheet.append([_header(sheet, c.key) for c in table.columns])
    # Where the rows go; its cells give xlsx_rows.py the styles of dates and date-times.
    sheet.append([_dated(sheet, value, form) for value, form in zip(PROBE, dates)])
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}1"
    _columns_sheet(workbook.create_sheet("columns"), table.columns, about, dates)
    return workbook


def _dated(sheet, value, number_format: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value)
    cell.number_format = number_format
    return cell


def _lay_out(sheet, columns) -> None:
    """Widths and the frozen header row: set before any row is written (write-only mode)."""
    sheet.freeze_panes = "A2"
    for number, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width


def _header(sheet, text: str) -> WriteOnlyCell:
    cell = _text_cell(sheet, text)
    cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    cell.alignment = Alignment(vertical="top")
    return cell


def _text_cell(sheet, text: str) -> WriteOnlyCell:
    """A cell holding `text` as text, even when it begins with "=" (openpyxl's formula sign)."""
    cell = WriteOnlyCell(sheet, xlsx_text(text))
    cell.data_type = "s"
    return cell


def _cell(sheet, value, dates: tuple[str, str]):
    """The XLSX cell of one value: dates and times in the formats `dates`, other values as
    they are."""
    if isinstance(value, str):
        value = xlsx_text(value)
        return _text_cell(sheet, value) if value.startswith("=") else value
    if isinstance(value, datetime):
        return _dated(sheet, value, dates[1])
    if isinstance(value, date):
        return _dated(sheet, value, dates[0])
    return value


def _columns_sheet(sheet, columns, about: Iterable[tuple[str, object]], dates) -> None:
    """What the file covers, then every column's key and description in Thai and English."""
    for width, letter in zip((22, 60, 60), "ABC"):
        sheet.column_dimensions[letter].width = width
    for label, value in about:
        sheet.append([_header(sheet, label), _cell(sheet, value, dates)])
    if about:
        sheet.append([])
    sheet.append([_header(sheet, h) for h in ("column", "คำอธิบาย", "description")])
    for column in columns:
        sheet.append([_text_cell(sheet, column.key), *_both_languages(sheet, column.description)])


def _both_languages(sheet, text) -> list[WriteOnlyCell]:
    cells = []
    for lang in ("th", "en"):
        with force_locale(lang):
            cells.append(_text_cell(sheet, str(text)))
    return cells

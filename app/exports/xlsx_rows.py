"""The data rows of a big XLSX sheet, streamed as XML into a workbook openpyxl has built.

openpyxl spends about 10 µs on each cell it writes; a province's long form has two million
cells. So openpyxl still builds the whole workbook (styles, column widths, the frozen
header, the "columns" sheet) with one probe row in place of the data, and the rows are then
written here, in the form openpyxl itself writes them: text as inline strings (never run
as a formula), numbers as numbers, dates as serial numbers in the date styles of the probe
row (whose formats writers.py chose for the file's language).
"""

import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import BinaryIO
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

from app.exports.cells import xlsx_text

DATA_SHEET = "xl/worksheets/sheet1.xml"  # openpyxl numbers sheets in the order created
PROBE = (date(2000, 1, 1), datetime(2000, 1, 1, 12, 0))  # cells A2 and B2 of the skeleton
EPOCH = datetime(1899, 12, 30)  # day 0 of Excel's 1900 date system
CHUNK_ROWS = 500
KEPT = 20_000  # distinct texts and dates whose XML is kept while a sheet is written
_PROBE_ROW = re.compile(r'<row r="2"[^>]*>.*?</row>', re.S)
_STYLE = re.compile(r'<c r="([AB])2"[^>]*? s="(\d+)"')
_DIMENSION = re.compile(r"<dimension [^>]*/>")
_DOC_TIMES = re.compile(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
CORE_PROPERTIES = "docProps/core.xml"


def stream_rows(
    skeleton: BinaryIO, out: BinaryIO | str, rows: Iterable[Sequence], stamp: datetime
) -> None:
    """Copy the workbook `skeleton` to `out`, its first sheet's probe row replaced by `rows`.

    Every file inside, and the workbook's own dates, carry `stamp` rather than the time of
    writing: the same data make the same bytes, so a file can be compared with an earlier one.
    """
    with (
        zipfile.ZipFile(skeleton) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        # A ZIP file can only hold dates from 1980 to 2107.
        when = min(max(stamp, datetime(1980, 1, 1)), datetime(2107, 12, 31)).timetuple()[:6]
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(entry)
            if entry.filename == DATA_SHEET:
                _write_sheet(content.decode("utf-8"), rows, target, info)
            elif entry.filename == CORE_PROPERTIES:
                stamped = _DOC_TIMES.sub(rf"\g<1>{stamp:%Y-%m-%dT%H:%M:%SZ}\g<2>", content.decode())
                target.writestr(info, stamped.encode("utf-8"))
            else:
                target.writestr(info, content)


def _write_sheet(xml: str, rows: Iterable[Sequence], target: zipfile.ZipFile, info) -> None:
    probe = _PROBE_ROW.search(xml)
    if probe is None:
        raise ValueError("the skeleton's first sheet has no probe row")
    styles = dict(_STYLE.findall(probe.group()))
    cells = _CellWriter(date_style=styles["A"], datetime_style=styles["B"])
    # The dimension (used range) is optional, and the skeleton's would be wrong.
    head = _DIMENSION.sub("", xml[: probe.start()])
    with target.open(info, "w", force_zip64=True) as sheet:
        sheet.write(head.encode("utf-8"))
        chunk = []
        for number, row in enumerate(rows, start=2):
            chunk.append(cells.row(number, row))
            if len(chunk) == CHUNK_ROWS:
                sheet.write("".join(chunk).encode("utf-8"))
                chunk.clear()
        sheet.write("".join(chunk).encode("utf-8"))
        sheet.write(xml[probe.end() :].encode("utf-8"))


class _CellWriter:
    """The XML of one row's cells, as openpyxl writes them.

    A file has two million cells but few distinct texts and dates (names, places, item
    texts and submission times come back on every row): the XML of each is made once, and
    each value finds its form by its type in one dict look-up, not a chain of isinstance.
    """

    def __init__(self, date_style: str, datetime_style: str):
        self.date_style, self.datetime_style = date_style, datetime_style
        self.starts: list[str] = []  # '<c r="A' … per column
        self.known: dict[object, str] = {}  # text, date or datetime -> the rest of its cell
        self.forms = {str: self._remembered, float: _number, int: _number, bool: _boolean,
                      datetime: self._moment, date: self._remembered}  # fmt: skip
        self.makers = {str: self._text, datetime: self._datetime, date: self._date}

    def row(self, number: int, values: Sequence) -> str:
        while len(self.starts) < len(values):
            self.starts.append(f'<c r="{get_column_letter(len(self.starts) + 1)}')
        forms, other, end = self.forms, self._other, f'{number}"'
        cells = "".join(
            start + end + forms.get(type(value), other)(value)
            for start, value in zip(self.starts, values)
            if value is not None and value != ""
        )
        return f'<row r="{number}">{cells}</row>'

    def _remembered(self, value) -> str:
        # A date never equals a datetime, nor a text: one dict holds the three kinds.
        cell = self.known.get(value)
        if cell is None:
            cell = self.makers[type(value)](value)
            if len(self.known) >= KEPT:  # notes are all different: memory stays bounded
                self.known.clear()
            self.known[value] = cell
        return cell

    def _moment(self, value: datetime) -> str:
        # Two aware times of one instant are equal but written as their own wall clocks.
        return self._remembered(value) if value.tzinfo is None else self._datetime(value)

    def _text(self, value: str) -> str:
        text = escape(xlsx_text(value))
        space = ' xml:space="preserve"' if text != text.strip() else ""
        return f' t="inlineStr"><is><t{space}>{text}</t></is></c>'

    def _datetime(self, value: datetime) -> str:
        days = (value.replace(tzinfo=None) - EPOCH).total_seconds() / 86400
        return f' s="{self.datetime_style}"><v>{days!r}</v></c>'

    def _date(self, value: date) -> str:
        return f' s="{self.date_style}"><v>{(value - EPOCH.date()).days}</v></c>'

    def _other(self, value) -> str:
        """A value of a subclass (a str or a float subclass…): found the long way."""
        for kind in (str, bool, datetime, date):
            if isinstance(value, kind):
                return self.makers.get(kind, _boolean)(value)
        return _number(value)


def _number(value) -> str:
    return f"><v>{value!r}</v></c>"


def _boolean(value: bool) -> str:
    return f' t="b"><v>{int(value)}</v></c>'

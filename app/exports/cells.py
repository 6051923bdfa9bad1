"""Cell values made safe for spreadsheets: no text that a spreadsheet would run as a formula.

OWASP's advice for CSV injection: a text cell that begins with =, +, -, @, a tab or a
carriage return gets a single quote in front, so Excel and LibreOffice show it as text.
Numbers, dates and empty cells are never touched: a number we write is a number.
"""

from datetime import date, datetime

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """`text` with a leading ' when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(value) -> str:
    """The CSV form of one value: text neutralised, numbers plain, dates ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralised(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _float_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


# csv_text for the exact types of the rows, found in one look-up (two million cells a file);
# any other type, a subclass included, takes csv_text's long way.
_CSV_FORMS = {
    type(None): lambda value: "",
    str: neutralised,
    float: _float_text,
    int: str,
    bool: lambda value: "1" if value else "0",
    datetime: lambda value: value.isoformat(sep=" ", timespec="seconds"),
    date: date.isoformat,
}


def csv_row(values) -> list[str]:
    """The CSV form of each value of a row (as csv_text gives it)."""
    forms = _CSV_FORMS
    return [forms.get(type(value), csv_text)(value) for value in values]


def xlsx_text(text: str) -> str:
    """`text` as an XLSX file can hold it: no control characters but tab and line breaks,
    and line breaks as LF (XML reads CR and CRLF as LF anyway; a browser sends CRLF)."""
    return ILLEGAL_CHARACTERS_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))

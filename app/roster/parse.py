"""Reading a roster CSV: plain Python, no database. Every line is checked; none is skipped.

The file: UTF-8 (with or without a byte-order mark), commas, a header line naming the seven
columns in Thai or English, in any order; other columns are ignored. Line numbers are those
a spreadsheet shows: the header is line 1.
"""

import codecs
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from app.models import TEAMS
from app.names import place_key
from app.roster.roles import role_from_text, split_roles

FIELDS = ("province", "district", "tambon", "name", "roles", "agency", "team")
REQUIRED = ("province", "district", "tambon", "name", "roles")
MAX_LENGTH = {"province": 100, "district": 100, "tambon": 100, "name": 200, "agency": 100}
HEADERS = {
    "province": ("province", "จังหวัด"),
    "district": ("district", "amphoe", "อำเภอ"),
    "tambon": ("tambon", "subdistrict", "sub-district", "ตำบล"),
    "name": ("name", "facilitator", "ชื่อ", "ชื่อ-สกุล", "ชื่อ-นามสกุล", "ชื่อ นามสกุล", "คุณอำนวย"),
    "roles": ("roles", "role", "บทบาท"),
    "agency": ("agency", "หน่วยงาน"),
    "team": ("team", "ทีม"),
}


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong on one line (0: the file as a whole); `code` picks the message."""

    line: int
    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One facilitator as the file gives them, cleaned (spaces collapsed, roles as codes)."""

    line: int
    province: str
    district: str
    tambon: str
    name: str
    roles: tuple[str, ...]
    agency: str
    team: str | None

    @property
    def place_key(self) -> tuple[str, str, str]:
        return (place_key(self.province), place_key(self.district), place_key(self.tambon))


class RosterFileError(ValueError):
    """The file cannot be read at all; `problem` says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def clean(text: str) -> str:
    """`text` in NFC with runs of white space made one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def decode(data: bytes) -> str:
    """The text of a UTF-8 file, the byte-order mark dropped; RosterFileError otherwise."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data:
        raise RosterFileError(Problem(0, "not_utf8"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterFileError(Problem(0, "not_utf8")) from None


def read_roster(data: bytes) -> tuple[list[RosterRow], list[Problem]]:
    """The rows of a roster file and the problems of every line (none: all rows are good)."""
    records = enumerate(csv.reader(io.StringIO(decode(data), newline="")), start=1)
    line, header = next(records, (1, []))
    columns = _columns(header)
    rows, problems, seen = [], [], {}
    for line, cells in records:
        if not any(c.strip() for c in cells):
            continue  # a blank line, as spreadsheets leave at the end
        row, row_problems = _row(line, cells, columns, len(header))
        problems += row_problems
        if row is not None:
            problems += _duplicate(row, seen)
            rows.append(row)
    if not rows and not problems:
        problems.append(Problem(0, "no_rows"))
    return rows, problems


def _columns(header: list[str]) -> dict[str, int]:
    """Field -> cell index, from the header line; RosterFileError when a field is missing."""
    if len(header) == 1 and re.search(r"[;\t]", header[0]):
        raise RosterFileError(Problem(1, "not_comma"))
    known = {clean(alias).casefold(): f for f, aliases in HEADERS.items() for alias in aliases}
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        name = known.get(clean(title).casefold())
        if name in columns:
            raise RosterFileError(Problem(1, "duplicate_column", {"column": title}))
        if name:
            columns[name] = index
    missing = [f for f in FIELDS if f not in columns]
    if missing:
        raise RosterFileError(Problem(1, "missing_columns", {"columns": missing}))
    return columns


def _row(line: int, cells: list[str], columns: dict, width: int):
    """The RosterRow of one line, or None, and the line's problems."""
    if len(cells) != width:
        return None, [Problem(line, "cell_count", {"found": len(cells), "expected": width})]
    values = {f: clean(cells[i]) for f, i in columns.items()}
    problems = [Problem(line, "missing_field", {"field": f}) for f in REQUIRED if not values[f]]
    problems += [
        Problem(line, "too_long", {"field": f, "max": limit})
        for f, limit in MAX_LENGTH.items()
        if len(values[f]) > limit
    ]
    roles, unknown = _roles(values["roles"])
    problems += [Problem(line, "unknown_role", {"value": word}) for word in unknown]
    team = values["team"].casefold() or None
    if team is not None and team not in TEAMS:
        problems.append(Problem(line, "bad_team", {"value": values["team"]}))
    if problems:
        return None, problems
    place = (values["province"], values["district"], values["tambon"])
    return RosterRow(line, *place, values["name"], roles, values["agency"], team), []


def _roles(text: str) -> tuple[tuple[str, ...], list[str]]:
    """The role codes a cell names, and the words that name no role."""
    words = split_roles(text)
    found = {role_from_text(w) for w in words} - {None}
    return tuple(sorted(found)), [w for w in words if role_from_text(w) is None]


def _duplicate(row: RosterRow, seen: dict) -> list[Problem]:
    """A problem when the same name is already listed for the same tambon in the file."""
    key = (row.place_key, row.name)
    if key in seen:
        return [Problem(row.line, "duplicate_name", {"name": row.name, "first": seen[key]})]
    seen[key] = row.line
    return []

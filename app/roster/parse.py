"""Reading a roster CSV: plain Python, no database. Every line is checked, every problem of
every line reported; none is skipped.

The file: UTF-8 (with or without a byte-order mark), commas, a header line naming the seven
columns in Thai or English, in any order, and optionally an `id` column (which person a line
is, or `new`); other columns are ignored. Line numbers are those a spreadsheet shows: the
header is line 1.
"""

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache

from app.models import TEAMS
from app.names import clean_name, is_name
from app.roster.roles import role_from_text, split_roles

FIELDS = ("province", "district", "tambon", "name", "roles", "agency", "team")
OPTIONAL = ("id",)
REQUIRED = ("province", "district", "tambon", "name", "roles")
MAX_LENGTH = {
    "province": 100,
    "district": 100,
    "tambon": 100,
    "name": 200,
    "agency": 100,
    "roles": 200,
    "team": 10,
    "id": 20,
}
HEADERS = {
    "province": ("province", "จังหวัด"),
    "district": ("district", "amphoe", "อำเภอ"),
    "tambon": ("tambon", "subdistrict", "sub-district", "ตำบล"),
    "name": ("name", "facilitator", "ชื่อ", "ชื่อ-สกุล", "ชื่อ-นามสกุล", "ชื่อ นามสกุล", "คุณอำนวย"),
    "roles": ("roles", "role", "บทบาท"),
    "agency": ("agency", "หน่วยงาน"),
    "team": ("team", "ทีม"),
    "id": ("id", "รหัส"),
}
NEW = "new"  # the id column's word for "a new person, even though a look-alike exists"
_NEW_WORDS = ("new", "ใหม่")


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong on one line (0: the file as a whole); `code` picks the message."""

    line: int
    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One facilitator as the file gives them, cleaned (app.names.clean_name, roles as codes).

    `person`: the id column — a facilitator id, NEW, or None (not given). `valid` False: the
    line has problems of its own; its place is still checked, so that all are reported.
    """

    line: int
    province: str
    district: str
    tambon: str
    name: str
    roles: tuple[str, ...]
    agency: str
    team: str | None
    person: int | str | None = None
    valid: bool = True


class RosterFileError(ValueError):
    """The file cannot be read at all; `problem` says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


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
    text = decode(data)
    # The csv module refuses a cell over its limit (131,072 characters) with an error; the
    # whole text is the most any cell can hold, and a cell too long for its column gets a
    # message of ours.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    records = enumerate(csv.reader(io.StringIO(text, newline="")), start=1)
    line, header = next(records, (1, []))
    columns = _columns(header)
    rows, problems = [], []
    for line, cells in records:
        if not any(c.strip() for c in cells):
            continue  # a blank line, as spreadsheets leave at the end
        row, row_problems = _row(line, cells, columns, len(header))
        problems += row_problems
        if row is not None:
            rows.append(row)
    if not rows and not problems:
        problems.append(Problem(0, "no_rows"))
    return rows, problems


def _columns(header: list[str]) -> dict[str, int]:
    """Field -> cell index, from the header line; RosterFileError when a field is missing."""
    if len(header) == 1 and re.search(r"[;\t]", header[0]):
        raise RosterFileError(Problem(1, "not_comma"))
    known = {clean_name(a).casefold(): f for f, aliases in HEADERS.items() for a in aliases}
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        name = known.get(clean_name(title).casefold())
        if name in columns:
            raise RosterFileError(Problem(1, "duplicate_column", {"column": title[:100]}))
        if name:
            columns[name] = index
    missing = [f for f in FIELDS if f not in columns]
    if missing:
        raise RosterFileError(Problem(1, "missing_columns", {"columns": missing}))
    return columns


def _row(line: int, cells: list[str], columns: dict, width: int):
    """The RosterRow of one line (None when its cells cannot be read), and its problems."""
    if len(cells) != width:
        return None, [Problem(line, "cell_count", {"found": len(cells), "expected": width})]
    values = {f: _clean(cells[columns[f]]) if f in columns else "" for f in (*FIELDS, "id")}
    too_long = _too_long(values)
    problems = _value_problems(line, values, too_long)
    roles, unknown = _roles(values["roles"]) if "roles" not in too_long else ((), ())
    problems += [Problem(line, "unknown_role", {"value": word}) for word in unknown]
    team = values["team"].casefold() or None
    if team is not None and team not in TEAMS and "team" not in too_long:
        problems.append(Problem(line, "bad_team", {"value": values["team"]}))
    person, id_problems = _person(line, values["id"])
    problems += id_problems
    row = RosterRow(
        line, values["province"], values["district"], values["tambon"], values["name"],
        roles, values["agency"], team if team in TEAMS else None, person, valid=not problems,
    )  # fmt: skip
    return row, problems


def _clean(cell: str) -> str:
    # Most cells repeat from line to line (places, roles, agency, team): clean each once.
    return _clean_short(cell) if len(cell) <= 100 else clean_name(cell)


@lru_cache(maxsize=4096)
def _clean_short(cell: str) -> str:
    return clean_name(cell)


def _too_long(values: dict) -> set[str]:
    return {f for f, limit in MAX_LENGTH.items() if len(values[f]) > limit}


def _value_problems(line: int, values: dict, too_long: set[str]) -> list[Problem]:
    """Empty, unreadable and too long values of one line."""
    problems = [Problem(line, "missing_field", {"field": f}) for f in REQUIRED if not values[f]]
    if values["name"] and not is_name(values["name"]):
        problems.append(Problem(line, "no_letter", {"field": "name"}))
    problems += [
        Problem(line, "too_long", {"field": f, "max": MAX_LENGTH[f]})
        for f in FIELDS + OPTIONAL
        if f in too_long
    ]
    return problems


def _person(line: int, text: str) -> tuple[int | str | None, list[Problem]]:
    """What the id column says: a facilitator id, NEW, or nothing."""
    if not text or len(text) > MAX_LENGTH["id"]:
        return None, []
    if text.casefold() in _NEW_WORDS:
        return NEW, []
    if text.isdecimal() and len(text) <= 18:
        return int(text), []
    return None, [Problem(line, "bad_id", {"value": text})]


@lru_cache(maxsize=1024)
def _roles(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The role codes a cell names, and the words that name no role."""
    words = split_roles(text)
    found = {role_from_text(w) for w in words} - {None}
    return tuple(sorted(found)), tuple(w for w in words if role_from_text(w) is None)

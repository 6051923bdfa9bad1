"""Read instrument files strictly: every problem is reported with its file, item and key.

A coordinator edits these files by hand, so the loader says in plain words what is
wrong and where, in English and Thai, and lists every problem at once rather than
stopping at the first.
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from app.instruments.model import LEVELS, ROLES, Domain, Instrument, Item, Scale, ScaleLevel, Text
from app.numbers import whole_number

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DOMAIN_PATTERN = re.compile(r"^[a-z0-9_]+$")
ITEM_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,20}$")
LANGUAGE_NAMES = {"th": ("Thai", "ภาษาไทย"), "en": ("English", "ภาษาอังกฤษ")}
SCALE_TEXT = f"{LEVELS[0]}–{LEVELS[-1]}"
TOP_KEYS = ("id", "version", "title", "description", "scale", "domains", "items")
ITEM_KEYS = ("code", "domain", "text", "expected", "indicators")
ID_RULE = ("use lowercase letters, digits and hyphens", "ใช้ตัวพิมพ์เล็ก ตัวเลข และขีด")
DOMAIN_RULE = ("use lowercase letters, digits and _", "ใช้ตัวพิมพ์เล็ก ตัวเลข และ _")
ITEM_RULE = (
    "use up to 20 letters, digits, - or _",
    "ใช้ตัวอักษรอังกฤษ ตัวเลข - หรือ _ ไม่เกิน 20 ตัว",
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in an instrument file, said in English and in Thai."""

    file: str
    where: str  # "top level", "scale", "domain knowledge", "item K2"
    key: str  # dotted key inside `where`, such as "indicators.4.en"
    en: str
    th: str

    def __str__(self) -> str:
        key = f' key "{self.key}":' if self.key else ""
        return f"{self.file}: {self.where}:{key} {self.en} — {self.th}"


class InstrumentError(ValueError):
    """An instrument file that cannot be used, with every problem found in it."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _Checker:
    """Walks the parsed TOML of one file and collects problems as it goes."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, where: str, key: str, en: str, th: str) -> None:
        self.problems.append(Problem(self.file, where, key, en, th))

    def keys(self, where: str, prefix: str, table: dict, allowed, required) -> None:
        """Report unknown keys and missing required keys of `table`."""
        for key in table:
            if key not in allowed:
                listed = ", ".join(allowed)
                self.problem(
                    where,
                    prefix + str(key),
                    f"unknown key (allowed here: {listed})",
                    f"ไม่รู้จักคีย์นี้ (ที่ใช้ได้: {listed})",
                )
        for key in required:
            if key not in table:
                self.problem(where, prefix + key, "missing", "ขาดหายไป")

    def table(self, where: str, key: str, value) -> dict | None:
        if isinstance(value, dict):
            return value
        self.problem(where, key, "must be a table of keys", "ต้องเป็นตารางของคีย์ย่อย")
        return None

    def string(self, where: str, key: str, value, pattern=None, rule=("", "")) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.problem(where, key, "must be non-empty text", "ต้องเป็นข้อความที่ไม่ว่าง")
            return None
        if pattern and not pattern.match(value):
            en, th = rule
            self.problem(where, key, f'"{value}" is not allowed: {en}', f'ใช้ "{value}" ไม่ได้: {th}')
            return None
        return value.strip()

    def text(self, where: str, key: str, value) -> Text | None:
        """A {th, en} pair, both present and non-empty."""
        table = self.table(where, key, value)
        if table is None:
            return None
        self.keys(where, key + ".", table, LANGUAGE_NAMES, ())
        found = {}
        for lang, (name_en, name_th) in LANGUAGE_NAMES.items():
            raw = table.get(lang)
            if not isinstance(raw, str) or not raw.strip():
                missing = "missing" if raw is None else "empty"
                self.problem(
                    where,
                    f"{key}.{lang}",
                    f"{missing} {name_en} text",
                    f"ไม่มีข้อความ{name_th}",
                )
            else:
                found[lang] = raw.strip()
        return Text(**found) if len(found) == len(LANGUAGE_NAMES) else None

    def level_table(self, where: str, key: str, value) -> dict[int, object] | None:
        """A table keyed by the levels 1..5, every level present and none outside."""
        table = self.table(where, key, value)
        if table is None:
            return None
        levels: dict[int, object] = {}
        for raw_key, entry in table.items():
            level = whole_number(str(raw_key))
            if level not in LEVELS:
                self.problem(
                    where,
                    f"{key}.{raw_key}",
                    f"level {raw_key} is outside the scale {SCALE_TEXT}",
                    f"ระดับ {raw_key} อยู่นอกมาตรวัด {SCALE_TEXT}",
                )
                continue
            levels[level] = entry
        for level in LEVELS:
            if level not in levels:
                self.problem(
                    where, f"{key}.{level}", f"level {level} is missing", f"ไม่มีระดับ {level}"
                )
        return levels if len(levels) == len(LEVELS) else None


def load_file(path: Path | str) -> Instrument:
    """Parse one instrument file, or raise InstrumentError listing every problem in it."""
    path = Path(path)
    check = _Checker(_shown(path))
    data = _read_toml(check, path)
    instrument = _instrument(check, data) if data is not None else None
    if check.problems:
        raise InstrumentError(check.problems)
    return instrument


def _shown(path: Path) -> str:
    """The path as the person at the terminal would type it: relative when under the cwd."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def load_directory(directory: Path | str) -> list[tuple[Path, Instrument]]:
    """Every `*.toml` instrument in `directory` with its path; every problem of every file."""
    loaded, problems = [], []
    for path in sorted(Path(directory).glob("*.toml")):
        try:
            loaded.append((path, load_file(path)))
        except InstrumentError as error:
            problems.extend(error.problems)
    problems.extend(_duplicate_ids(loaded))
    if problems:
        raise InstrumentError(problems)
    return loaded


def _duplicate_ids(loaded: list[tuple[Path, Instrument]]) -> list[Problem]:
    first_file: dict[str, Path] = {}
    problems = []
    for path, instrument in loaded:
        if instrument.key in first_file:
            other = first_file[instrument.key].name
            problems.append(
                Problem(
                    _shown(path),
                    "top level",
                    "id",
                    f'"{instrument.key}" is already the id of {other}: each file needs its own id',
                    f'"{instrument.key}" เป็น id ของไฟล์ {other} อยู่แล้ว: แต่ละไฟล์ต้องมี id ของตัวเอง',
                )
            )
        first_file.setdefault(instrument.key, path)
    return problems


def _read_toml(check: _Checker, path: Path) -> dict | None:
    try:
        raw = path.read_bytes()
    except OSError as error:
        check.problem("file", "", f"cannot be read ({error.strerror})", "เปิดอ่านไฟล์ไม่ได้")
        return None
    try:
        return tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        check.problem("file", "", "is not UTF-8 text", "ไม่ใช่ข้อความแบบ UTF-8")
    except tomllib.TOMLDecodeError as error:
        check.problem("file", "", f"is not valid TOML: {error}", f"รูปแบบ TOML ไม่ถูกต้อง: {error}")
    return None


def _instrument(check: _Checker, data: dict) -> Instrument | None:
    where = "top level"
    check.keys(where, "", data, TOP_KEYS, TOP_KEYS)
    key = check.string(where, "id", data.get("id"), ID_PATTERN, ID_RULE)
    version = check.string(where, "version", data.get("version"))
    title = check.text(where, "title", data.get("title"))
    description = check.text(where, "description", data.get("description"))
    scale = _scale(check, data.get("scale"))
    domains = _domains(check, data.get("domains"))
    items = _items(check, data.get("items"), domains)
    if check.problems:
        return None
    return Instrument(key, version, title, description, scale, domains, items)


def _scale(check: _Checker, value) -> Scale | None:
    where = "scale"
    table = check.table(where, "", value) if value is not None else None
    if table is None:
        if value is None:
            check.problem("top level", "scale", "missing", "ขาดหายไป")
        return None
    check.keys(where, "", table, ("half_steps", "levels"), ("half_steps", "levels"))
    half_steps = table.get("half_steps")
    if "half_steps" in table and not isinstance(half_steps, bool):
        check.problem(where, "half_steps", "must be true or false", "ต้องเป็น true หรือ false")
    levels = check.level_table(where, "levels", table.get("levels", {}))
    names = {v: check.text(where, f"levels.{v}", t) for v, t in (levels or {}).items()}
    if not isinstance(half_steps, bool) or levels is None or None in names.values():
        return None
    return Scale(tuple(ScaleLevel(v, names[v]) for v in LEVELS), half_steps)


def _array_of_tables(check: _Checker, key: str, value) -> list[dict]:
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        check.problem(
            "top level",
            key,
            f"must be one or more [[{key}]] tables",
            f"ต้องมีตาราง [[{key}]] อย่างน้อยหนึ่งตาราง",
        )
        return []
    return value


def _domains(check: _Checker, value) -> tuple[Domain, ...]:
    domains: dict[str, Domain] = {}
    for number, table in enumerate(_array_of_tables(check, "domains", value), start=1):
        where = f"domain {table.get('code', f'#{number}')}"
        check.keys(where, "", table, ("code", "name"), ("code", "name"))
        code = check.string(where, "code", table.get("code"), DOMAIN_PATTERN, DOMAIN_RULE)
        name = check.text(where, "name", table.get("name"))
        if code in domains:
            check.problem(where, "code", "is used by two domains", "มีสองด้านที่ใช้รหัสนี้")
        elif code and name:
            domains[code] = Domain(code, name)
    return tuple(domains.values())


def _items(check: _Checker, value, domains: tuple[Domain, ...]) -> tuple[Item, ...]:
    items: dict[str, Item] = {}
    for number, table in enumerate(_array_of_tables(check, "items", value), start=1):
        code = table.get("code")
        where = f"item {code}" if isinstance(code, str) and code else f"item #{number}"
        if isinstance(code, str) and code in items:
            check.problem(where, "code", "is used twice: item codes must be unique", "รหัสหัวข้อซ้ำกัน")
        item = _item(check, where, table, domains)
        if item is not None and item.code not in items:
            items[item.code] = item
    return tuple(items.values())


def _item(check: _Checker, where: str, table: dict, domains) -> Item | None:
    check.keys(where, "", table, ITEM_KEYS, ("code", "domain", "text", "indicators"))
    code = check.string(where, "code", table.get("code"), ITEM_PATTERN, ITEM_RULE)
    domain = _item_domain(check, where, table.get("domain"), domains)
    text = check.text(where, "text", table.get("text"))
    indicators = _indicators(check, where, table.get("indicators"))
    expected = _expected(check, where, table.get("expected", {}))
    if None in (code, domain, text, indicators, expected):
        return None
    return Item(code, domain, text, indicators, MappingProxyType(expected))


def _item_domain(check: _Checker, where: str, value, domains) -> str | None:
    code = check.string(where, "domain", value)
    known = [d.code for d in domains]
    if code is not None and domains and code not in known:
        listed = ", ".join(known)
        check.problem(
            where,
            "domain",
            f'"{code}" is not one of the domains of this file ({listed})',
            f'"{code}" ไม่ใช่ด้านที่ประกาศไว้ในไฟล์นี้ ({listed})',
        )
        return None
    return code


def _indicators(check: _Checker, where: str, value) -> tuple[Text, ...] | None:
    if value is None:
        return None  # reported as a missing key already
    levels = check.level_table(where, "indicators", value)
    if levels is None:
        return None
    texts = [check.text(where, f"indicators.{v}", levels[v]) for v in LEVELS]
    return None if None in texts else tuple(texts)


def _expected(check: _Checker, where: str, value) -> dict[str, int] | None:
    table = check.table(where, "expected", value)
    if table is None:
        return None
    expected = {}
    for role, level in table.items():
        key = f"expected.{role}"
        if role not in ROLES:
            listed = ", ".join(ROLES)
            check.problem(
                where,
                key,
                f"is not a facilitator role (roles: {listed})",
                f"ไม่ใช่บทบาทของคุณอำนวย (บทบาท: {listed})",
            )
        elif isinstance(level, bool) or not isinstance(level, int) or level not in LEVELS:
            check.problem(
                where,
                key,
                f"must be a whole level from {SCALE_TEXT}",
                f"ต้องเป็นระดับเต็มตั้งแต่ {SCALE_TEXT}",
            )
        else:
            expected[role] = level
    return expected if len(expected) == len(table) else None

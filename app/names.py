"""One identity rule for the names of people and places: plain Python, no database.

Every way a name comes in (self-add, the roster import, the management pages, the command
line) cleans it with `clean_name` and compares it with `identity_key`, so "นางสุนีย์
ทองประเสริฐ", "สุนีย์  ทองประเสริฐ" (two spaces) and the same name with a zero-width space
are one person, and a name made only of invisible characters is no name.
"""

import re
import unicodedata
from functools import cache

# Titles and ranks written before a name. They are ignored when deciding whether two names
# are the same person, never removed from the name as written. Longer forms come first so
# that "นางสาว" is not read as "นาง" + "สาว…".
THAI_TITLES = (
    "ว่าที่ร้อยตรีหญิง", "ว่าที่ร้อยตรี", "ว่าที่ ร.ต.", "ว่าที่ร.ต.",
    "ศาสตราจารย์", "รองศาสตราจารย์", "ผู้ช่วยศาสตราจารย์",
    "พระครู", "พระมหา", "พระ", "นางสาว", "นาง", "นาย", "คุณ", "ดร.",
    "ผศ.", "รศ.", "ศ.", "น.ส.", "นส.", "ด.ช.", "ด.ญ.", "จ.ส.อ.", "ร.ต.", "พ.ต.",
)  # fmt: skip
LATIN_TITLES = ("mr", "mrs", "ms", "miss", "dr", "prof", "khun")
_LATIN_TITLE = re.compile(rf"^(?:{'|'.join(LATIN_TITLES)})\.?(?:\s+|(?=[^\w\s]))", re.I)
_THAI_TITLE = re.compile(rf"^(?:{'|'.join(re.escape(t) for t in THAI_TITLES)})\s*")

_JOINER = "\u200d"
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # Unicode category Cc

# "จังหวัด…", "จ.…", "อำเภอ…", "อ.…", "ตำบล…", "ต.…" name the same place as without them.
# "แขวง" and "เขต" (Bangkok) only before a space: เขตรอุดมศักดิ์ is a tambon's own name.
_PLACE_PREFIX = re.compile(r"^(?:(?:จังหวัด|จ\.|อำเภอ|อ\.|กิ่งอำเภอ|ตำบล|ต\.)\s*|(?:แขวง|เขต)\s+)")


def clean_name(text: str) -> str:
    """`text` as it is stored: NFC, invisible format and control characters removed, one
    space between words, none at the ends."""
    text = unicodedata.normalize("NFC", text or "")
    # Control characters (NUL, bell, escape…) are never part of a name; PostgreSQL refuses NUL.
    text = _CONTROL.sub(" ", text)
    # Cf: zero-width spaces and joiners, bidirectional marks, soft hyphens, BOMs.
    visible = text if text.isascii() else _format_characters().sub("", text)
    if _JOINER in visible:
        visible = "".join(c for i, c in enumerate(visible) if not _stray_joiner(visible, i))
    return " ".join(visible.split())


@cache
def _format_characters() -> re.Pattern:
    """Every invisible format character (Unicode category Cf) but the joiner, as one
    character class: a roster of 70,000 lines is cleaned in a blink, not character by
    character."""
    # Format characters live in planes 0, 1 and 14 only (planes 2-3 hold ideographs, 15-16
    # private use): scanning those is ten times quicker than all 1.1 million code points.
    planes = (*range(0x20000), *range(0xE0000, 0xF0000))
    found = [chr(c) for c in planes if unicodedata.category(chr(c)) == "Cf" and chr(c) != _JOINER]
    return re.compile(f"[{''.join(re.escape(c) for c in found)}]")


def _stray_joiner(text: str, i: int) -> bool:
    """Whether text[i] is a zero-width joiner to drop: one inside an emoji sequence (👩‍🌾)
    is part of what is shown and stays."""
    if text[i] != _JOINER:
        return False
    if not 0 < i < len(text) - 1:
        return True
    before, after = unicodedata.category(text[i - 1]), unicodedata.category(text[i + 1])
    return not (before in ("So", "Sk", "Mn") and after == "So")


def has_letter(text: str) -> bool:
    """Whether `text` holds a letter anyone can read (digits, Thai vowels and marks alone do
    not make a name)."""
    return any(unicodedata.category(c)[0] == "L" for c in clean_name(text))


def is_name(text: str) -> bool:
    """Whether `text` can be a person's name: a visible letter, and more than titles ("นาง"
    alone is no one)."""
    return has_letter(_after_titles(clean_name(text)))


def _after_titles(name: str) -> str:
    """What is left of a cleaned name once every title before it is taken off (may be "")."""
    rest = name
    while True:
        shorter = _LATIN_TITLE.sub("", _THAI_TITLE.sub("", rest, count=1), count=1).strip()
        if shorter == rest:
            return rest
        rest = shorter


def without_titles(name: str) -> str:
    """A cleaned name without the titles before it ("นางสาว", "ดร.", "Mrs", …); the name
    itself when nothing else would be left."""
    cleaned = clean_name(name)
    rest = _after_titles(cleaned)
    return rest if has_letter(rest) else cleaned


def identity_key(name: str) -> str:
    """How two names are compared: cleaned, titles dropped, case folded, spaces ignored
    (Thai text may separate words with a zero-width space, or not at all). Equal keys mean
    "likely the same person"."""
    return "".join(without_titles(name).casefold().split())


def search_key(text: str) -> str:
    """What a typed search is matched against: the identity key of a partial name."""
    return identity_key(text)


def place_name(text: str) -> str:
    """A province, district or tambon name as stored: cleaned, without จังหวัด/จ./อำเภอ/อ./
    ตำบล/ต. before it ("อ.เมืองนครศรีธรรมราช" -> "เมืองนครศรีธรรมราช")."""
    # A prefix alone ("ต.") leaves no name: "" is refused as a missing name.
    return _PLACE_PREFIX.sub("", clean_name(text), count=1)


def place_key(text: str) -> str:
    """How place names are compared: `place_name`, case folded."""
    return place_name(text).casefold()


# "เมือง" alone (or "อ.เมือง") is how people write the province's capital district, whose
# name is "เมือง" + the province's name: "เมืองนครศรีธรรมราช".
_CAPITAL_DISTRICT = {"เมือง": "เมือง{province}", "mueang": "Mueang {province}"}


def district_name(text: str, province: str) -> str:
    """A district name as stored (`place_name`), "เมือง" read as the เมือง… district of
    `province` ("อ.เมือง" in นครศรีธรรมราช -> "เมืองนครศรีธรรมราช")."""
    name, province = place_name(text), place_name(province)
    if name.startswith("เมือง ") and name[len("เมือง ") :] == province:
        return "เมือง" + province  # "เมือง นครศรีธรรมราช", written with a space
    capital = _CAPITAL_DISTRICT.get(name.casefold())
    return capital.format(province=province) if capital and province else name


def district_key(text: str, province: str) -> str:
    """How district names are compared within `province`: `district_name`, case folded."""
    return district_name(text, province).casefold()

"""Join codes (รหัสเข้าร่วม): short, random, unique, and forgiving when typed on a phone."""

import re
import secrets
from collections.abc import Callable

from sqlalchemy import func, select

from app.extensions import db
from app.models import Round

# No 0/O and no 1/I/L: a code read off a poster across a temple hall cannot be misread.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 6
# What a look-alike typed by mistake is taken for, on both sides of a comparison.
_FOLD = str.maketrans({"0": "O", "1": "I", "L": "I"})
_NOT_CODE = re.compile(r"[^0-9A-Z]")

# The Thai Kedmanee layout, key by key (as on a US keyboard): a code typed with the phone's
# Thai keyboard left on ("กำทน/ุ" for DEMO26) is read as the keys that were pressed,
# with or without shift.
_LATIN_KEYS = "`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./"
_THAI_KEYS = "_ๅ/-ภถุึคตจขชๆไำพะัีรนยบลฃฟหกดเ้่าสวงผปแอิืทมใฝ"
_THAI_SHIFTED = '%+๑๒๓๔ู฿๕๖๗๘๙๐"ฎฑธํ๊ณฯญฐ,ฅฤฆฏโฌ็๋ษศซ.()ฉฮฺ์?ฒฬฦ'
_THAI_LAYOUT = str.maketrans(
    dict(zip(_THAI_SHIFTED, _LATIN_KEYS.upper(), strict=True))
    | dict(zip(_THAI_KEYS, _LATIN_KEYS.upper(), strict=True))
    # A Thai digit typed as a digit means that digit, not the key it is shifted on.
    | {chr(0x0E50 + n): str(n) for n in range(10)}
)
_THAI = re.compile(r"[\u0e00-\u0e7f]")


def new_join_code(taken: Callable[[str], bool], attempts: int = 20) -> str:
    """A random code from ALPHABET that `taken` says is free."""
    for _ in range(attempts):
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if not taken(code):
            return code
    raise RuntimeError("no free join code found")  # 31**6 codes: practically never


def code_taken(code: str) -> bool:
    """Whether a round already has `code`, or a code that reads the same."""
    return find_round(code) is not None


def typed(text: str) -> str:
    """A code as typed, in the stored form: upper case, without spaces or dashes; text with
    Thai letters is read as the keys they sit on in the Thai layout."""
    text = text or ""
    if _THAI.search(text):
        text = text.translate(_THAI_LAYOUT)
    return _NOT_CODE.sub("", text.upper())


def folded(text: str) -> str:
    return typed(text).translate(_FOLD)


def find_round(text: str) -> Round | None:
    """The round whose join code is `text`, forgiving case, spaces and 0/O, 1/I/L."""
    code = typed(text)
    if not code:
        return None
    exact = db.session.execute(select(Round).filter_by(join_code=code)).scalar_one_or_none()
    if exact is not None:
        return exact
    stored = func.upper(Round.join_code)
    for look_alike, meant in (("0", "O"), ("1", "I"), ("L", "I")):
        stored = func.replace(stored, look_alike, meant)
    found = db.session.execute(select(Round).where(stored == folded(code)).limit(2)).scalars()
    matches = list(found)
    return matches[0] if len(matches) == 1 else None

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
    """A code as typed, in the stored form: upper case, without spaces or dashes."""
    return _NOT_CODE.sub("", (text or "").upper())


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

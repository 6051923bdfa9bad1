"""The facilitator roles (seed 001) by name, in Thai and English, and read back from text."""

import re

from app.instruments.model import ROLES, Text

ROLE_NAMES = {
    "coordination": Text("ประสานงาน", "Coordination"),
    "meeting_process": Text("นำกระบวนการประชุม", "Meeting process"),
    "recording": Text("บันทึก", "Recording"),
}

# Other ways people write a role in a roster: with "ผู้" (the person who …), the
# glossary's คุณลิขิต for the recorder, and the English agent nouns.
_ALIASES = {
    "coordination": ("ผู้ประสานงาน", "coordinator"),
    "meeting_process": ("ผู้นำกระบวนการประชุม", "นำกระบวนการ", "meeting facilitation"),
    "recording": ("ผู้บันทึก", "คุณลิขิต", "recorder", "note-taker", "note taker"),
}


def role_names(roles, lang: str) -> str:
    """The names of `roles` in `lang`, in the order of ROLES, joined by "; "."""
    return "; ".join(ROLE_NAMES[r].get(lang) for r in ROLES if r in set(roles))


def _key(text: str) -> str:
    """Case, spaces, hyphens and underscores do not matter when reading a role."""
    return re.sub(r"[\s_\-]+", " ", text.strip().casefold())


_BY_KEY = {
    _key(word): role
    for role in ROLES
    for word in (role, ROLE_NAMES[role].th, ROLE_NAMES[role].en, *_ALIASES[role])
}


def role_from_text(word: str) -> str | None:
    """The role code `word` names (a code, a Thai or English name), or None."""
    return _BY_KEY.get(_key(word))


def split_roles(text: str) -> list[str]:
    """The words of a roles cell: separated by ";" or ",", blanks dropped."""
    return [w.strip() for w in re.split(r"[;,]", text) if w.strip()]

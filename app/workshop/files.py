"""The workshop files (.ftw): gzipped JSON, a header line naming the format, version and kind,
then one line with the content.

Two kinds: "round" (what a laptop needs to run a round: `workshop pack`) and "answers" (what
was answered there: `workshop export`).
"""

import gzip
import io
import json
import logging
import os
from datetime import date, datetime
from pathlib import Path

from flask_babel import lazy_gettext as _l

from app.models.base import utcnow

logger = logging.getLogger(__name__)
FORMAT = "freedom-table-workshop"
FORMAT_VERSION = 1
ROUND, ANSWERS = "round", "answers"
# A workshop's answers are a few hundred kilobytes; refuse anything far larger than any
# real file before reading it into memory.
MAX_BYTES = 50 * 1024 * 1024


class WorkshopFileError(ValueError):
    """The file is not a workshop file of the expected kind; the message says why."""


def damaged(error: Exception | None = None) -> WorkshopFileError:
    """The refusal of a file whose content does not hold what it should. The Python error
    that found it, if any, is logged for whoever looks into it, not shown (it is Python's
    wording, in English)."""
    if error is not None:
        logger.warning("A workshop file was refused as damaged: %r", getattr(error, "orig", error))
    return WorkshopFileError(_l("the workshop file is damaged"))


def is_integer(value) -> bool:
    """Whether a value from a file is a whole number (JSON's true and false are not)."""
    return isinstance(value, int) and not isinstance(value, bool)


def at(listed, index):
    """`listed[index]` for an index a file gives: a whole number within the list (a negative
    one would silently count from the end), else WorkshopFileError."""
    if not is_integer(index) or not 0 <= index < len(listed):
        raise damaged()
    return listed[index]


def text(value, limit: int = 80) -> str:
    """A value from a file as a message may quote it: at most `limit` characters."""
    value = str(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


# A file of the other kind, named as the person holding it would say.
_KINDS = {
    ROUND: _l("a round file (from workshop pack), not a workshop's answers"),
    ANSWERS: _l("a workshop's answers (from workshop export), not a round file"),
}


def _json_value(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in a workshop file")


def encode(kind: str, content: dict) -> bytes:
    """The bytes of a workshop file of `kind` holding `content`."""
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": kind,
        "created_at": utcnow().isoformat(),
    }
    lines = (
        json.dumps(part, ensure_ascii=False, default=_json_value) for part in (header, content)
    )
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)


def write(path: Path, kind: str, content: dict) -> None:
    """Write a workshop file, owner-only (it holds names), replaced only once complete."""
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(encode(kind, content))
    os.replace(partial, path)


def decode(data: bytes, kind: str) -> dict:
    """The content of a workshop file of `kind`; WorkshopFileError when it is not one."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
            raw = unzipped.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise WorkshopFileError(_l("the workshop file is too large"))
        text = raw.decode("utf-8")
        # Only "\n" ends a line: JSON escapes it inside strings, but not U+2028 or U+0085,
        # which a phone's note may hold and str.splitlines() would also split on.
        header, content = (json.loads(line) for line in text.split("\n")[:2])
    except (OSError, EOFError, ValueError, UnicodeDecodeError):
        raise WorkshopFileError(_l("not a workshop file of this app")) from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise WorkshopFileError(_l("not a workshop file of this app"))
    if header.get("format_version") != FORMAT_VERSION:
        raise WorkshopFileError(
            _l(
                "workshop file format %(found)s; this app reads format %(known)s",
                found=text(header.get("format_version")),
                known=FORMAT_VERSION,
            )
        )
    if header.get("kind") != kind:
        raise WorkshopFileError(
            _KINDS.get(header.get("kind"), _l("not a workshop file of this app"))
        )
    if not isinstance(content, dict):
        raise damaged()
    return content


def read(path: Path, kind: str) -> dict:
    return decode(path.read_bytes(), kind)

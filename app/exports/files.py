"""File names, media types and the "about" lines of an export file."""

import contextlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path
from urllib.parse import quote

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from app.collation import sorted_by_name
from app.exports.catalogue import build
from app.exports.writers import write_csv, write_xlsx
from app.extensions import db
from app.models import Round, Tambon, round_tambon
from app.people_filter import NO_FILTER, PeopleFilter

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|\s]+')
# Unicode controls (Cc) and invisible format characters (Cf: bidirectional overrides,
# zero-width ones) would let a round's name show a file name other than the real one.
_INVISIBLE = ("Cc", "Cf")


def ascii_filename(round_: Round, name: str, fmt: str) -> str:
    """A file name any browser and disk accepts: join code (or round id), export, format."""
    code = re.sub(r"[^A-Za-z0-9_-]", "", _visible(round_.join_code)) or f"round-{round_.id}"
    return f"{code}-{name}.{fmt}"


def display_filename(round_: Round, name: str, fmt: str) -> str:
    """The name a person recognises: the round's own (Thai) name, the export, the format."""
    title = " ".join(_visible(_UNSAFE.sub(" ", round_.name)).split()) or f"round {round_.id}"
    return f"{title} {name}.{fmt}"


def _visible(text: str) -> str:
    """`text` without control and invisible format characters."""
    return "".join(c for c in text if unicodedata.category(c) not in _INVISIBLE)


def content_disposition(round_: Round, name: str, fmt: str) -> str:
    """An attachment with an ASCII name and, for browsers that read it, the UTF-8 name."""
    utf8 = quote(display_filename(round_, name, fmt), safe="")
    return f"attachment; filename=\"{ascii_filename(round_, name, fmt)}\"; filename*=UTF-8''{utf8}"


def tambon_names(round_: Round, tambon_ids: set[int] | None, lang: str) -> list[str]:
    """The names of the round's tambons that the file covers."""
    query = select(Tambon).join(round_tambon).where(round_tambon.c.round_id == round_.id)
    if tambon_ids is not None:
        query = query.where(Tambon.id.in_(tambon_ids))
    names = [t.name_in(lang) for t in db.session.execute(query).scalars()]
    return sorted_by_name(names, str, lang)


def about_lines(
    round_: Round, tambon_ids: set[int] | None, lang: str, people: PeopleFilter = NO_FILTER
) -> list[tuple]:
    """The lines at the top of an XLSX file's "columns" sheet: what the file covers."""
    kept = list(people.params().items())
    return [
        ("round", round_.name),
        ("round_date", round_.held_on),
        ("join_code", round_.join_code),
        ("tambons", "; ".join(tambon_names(round_, tambon_ids, lang))),
        (
            "note",
            _(
                "Only the tambons above are in this file; the round rows of the "
                "training plan are computed on these tambons only."
            ),
        ),
        *kept,  # the people filter, when one is on: agency, role, team
    ]


def write_export(
    out, name: str, fmt: str, round_: Round, tambon_ids, lang: str, people=NO_FILTER
) -> None:
    """Write export `name` of `round_` as `fmt` to `out`, as the download and the CLI do.

    `out`: for CSV a text file opened with encoding="utf-8" and newline=""; for XLSX a
    binary file or a path.
    """
    table = build(name, round_, tambon_ids, lang, people)
    if fmt == "csv":
        write_csv(table, out)
        return
    with force_locale(lang):  # the file's words in the file's language, in a request or not
        # Dated the day of the round: the same answers always make the same file.
        stamp = datetime.combine(round_.held_on, time())
        write_xlsx(table, out, about_lines(round_, tambon_ids, lang, people), stamp, lang)


def write_beside(path: Path, write: Callable[[Path], None]) -> None:
    """Write `path` by `write` into a temporary file beside it, renamed once whole: a failure
    leaves neither half a file nor the temporary one (raises OSError for the caller to say)."""
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".partial")
    os.close(handle)  # a short name of our own: `path` itself may be as long as a name can be
    try:
        write(Path(partial))
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise

"""Whole-round files of a national round, written by the background worker.

A file of tens of thousands of facilitators takes longer to write than a request may last
(the training plan pairs the whole scope; an XLSX is written whole before it is sent). Where
a worker runs (PostgreSQL, PAIRING_IN_BACKGROUND on) and the scope has more respondents than
EXPORT_IN_REQUEST_UP_TO, the download asks the worker for the file and says it is being
prepared; once written, the same link sends it. A file is named by the round's revision, so
a new answer makes the next download ask for a new one; the older ones are removed.

The round report's PDF of many tambons is written the same way (`Wanted(..., "report",
"pdf", ...)`).

Files are kept in EXPORT_DIR (default instance/exports), which the web app and the worker
must share.
"""

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, Response, current_app, render_template, send_file

from app.extensions import db
from app.models import Round
from app.pairing import store

from .files import MEDIA_TYPES, ascii_filename, write_export

QUEUE = "exports"
REPORT = "report"  # the round report's PDF, kept as the files are


@dataclass(frozen=True)
class Wanted:
    """One file of one round, scope and language."""

    round_id: int
    tambon_ids: tuple[int, ...] | None
    name: str
    fmt: str
    lang: str

    def path(self, revision: int) -> Path:
        """Where the file of this round revision is kept."""
        scope = store.scope_key(self.tambon_ids)
        return folder() / f"r{self.round_id}-{scope}-{self.name}-{self.lang}-v{revision}.{self.fmt}"

    def older(self, revision: int) -> list[Path]:
        """The kept files of earlier revisions."""
        current = self.path(revision)
        pattern = current.name.replace(f"-v{revision}.", "-v*.")
        return [p for p in folder().glob(pattern) if p != current]


def folder() -> Path:
    return Path(current_app.config.get("EXPORT_DIR") or Path(current_app.instance_path, "exports"))


def in_background(round_id: int, tambon_ids) -> bool:
    """Whether this scope's files are written by the worker."""
    config = current_app.config
    if not config["PAIRING_IN_BACKGROUND"]:
        return False
    return store.respondents(round_id, tambon_ids) > config["EXPORT_IN_REQUEST_UP_TO"]


def ready(wanted: Wanted, revision: int, fresh_for: float = 0) -> Path | None:
    """The file written for this revision; else the latest one written for an earlier
    revision less than `fresh_for` seconds ago (a national round's answers keep arriving:
    without this a download could keep asking for a file that is stale before it is sent)."""
    path = wanted.path(revision)
    if path.is_file():
        return path
    recent = [p for p in wanted.older(revision) if time.time() - _written(p) < fresh_for]
    return max(recent, key=_written, default=None)


def sent_or_asked(round_: Round, wanted: Wanted) -> Response:
    """The file the worker wrote for the round as it is now, or a page saying it is being
    prepared (202, and the worker asked for it once)."""
    path = ready(wanted, round_.revision, current_app.config["EXPORT_FRESH_FOR"])
    name = ascii_filename(round_, wanted.name, wanted.fmt)
    try:
        if path is not None:
            return send_file(path, mimetype=MEDIA_TYPES[wanted.fmt], download_name=name)
    except FileNotFoundError:
        pass  # replaced by a newer one meanwhile: ask again
    defer(current_app._get_current_object(), wanted)
    page = render_template("exports/preparing.html", round=round_, name=wanted.name,
                           fmt=wanted.fmt)  # fmt: skip
    response = Response(page, status=202)
    response.headers["Retry-After"] = "10"
    return response


def _written(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:  # removed by the worker meanwhile
        return 0.0


def write(wanted: Wanted) -> Path | None:
    """Write the file for the round's revision now (the worker's job); None when the round
    is gone. Written beside and renamed: a reader never sees half a file."""
    try:
        return _write(wanted)
    finally:
        db.session.rollback()  # nothing is written to the database; end the snapshot


def _write(wanted: Wanted) -> Path | None:
    round_ = db.session.get(Round, wanted.round_id)
    if round_ is None:
        return None
    revision = round_.revision  # before reading: a later answer makes the file stale, not wrong
    path = wanted.path(revision)
    if not path.is_file():
        visible = None if wanted.tambon_ids is None else set(wanted.tambon_ids)
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(path.parent)
        handle, partial = tempfile.mkstemp(dir=path.parent, suffix=".partial")
        os.chmod(partial, 0o640)  # the web app may run as another user of the same group
        try:
            _write_file(handle, wanted, round_, visible)
            os.replace(partial, path)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
    for old in wanted.older(revision):
        old.unlink(missing_ok=True)
    return path


def _write_file(handle: int, wanted: Wanted, round_: Round, visible: set[int] | None) -> None:
    """One export, or the round report's PDF (`report`), into the open file `handle`."""
    if wanted.name == REPORT:
        from app.report.render import report_file_bytes  # the report builds on the exports

        with open(handle, "wb") as out:
            out.write(report_file_bytes(round_, visible, wanted.lang))
        return
    # As write_export asks: CSV as UTF-8 text, XLSX as bytes.
    text = {"encoding": "utf-8", "newline": ""} if wanted.fmt == "csv" else {}
    with open(handle, "w" if text else "wb", **text) as out:
        write_export(out, wanted.name, wanted.fmt, round_, visible, wanted.lang)


def _remove_abandoned(folder_: Path, older_than: float = 3600) -> None:
    """Remove half-written files a stopped worker left behind."""
    for partial in folder_.glob("*.partial"):
        if time.time() - _written(partial) > older_than:
            partial.unlink(missing_ok=True)


def init_app(app: Flask, jobs) -> None:
    """Add the task to the app's job queue (see app/pairing/jobs.py)."""

    @jobs.task(name="exports.write", queue=QUEUE)
    def write_file(round_id: int, tambon_ids, name: str, fmt: str, lang: str) -> None:
        with app.app_context():
            ids = None if tambon_ids is None else tuple(tambon_ids)
            write(Wanted(round_id, ids, name, fmt, lang))


def defer(app: Flask, wanted: Wanted) -> bool:
    """Ask the worker for the file; False when it is already asked for."""
    from app.pairing.jobs import defer_task

    lock = f"exports:{wanted.path(0).name}"
    ids = None if wanted.tambon_ids is None else list(wanted.tambon_ids)
    arguments = {"round_id": wanted.round_id, "tambon_ids": ids, "name": wanted.name,
                 "fmt": wanted.fmt, "lang": wanted.lang}  # fmt: skip
    return defer_task(app, "exports.write", lock, arguments)

"""The export page of a round and its downloads, for signed-in coordinators."""

import tempfile

from flask import (
    Blueprint,
    Response,
    abort,
    render_template,
    request,
    send_file,
    stream_with_context,
)
from flask_login import current_user

from app.auth.access import coordinator_required, visible_tambon_ids
from app.exports.catalogue import EXPORTS, FORMATS, build
from app.exports.files import (
    MEDIA_TYPES,
    ascii_filename,
    content_disposition,
    tambon_names,
    write_export,
)
from app.exports.writers import csv_chunks
from app.extensions import db
from app.i18n import current_lang
from app.models import Round

bp = Blueprint("exports", __name__)
NAMES = ", ".join(f'"{name}"' for name in EXPORTS)


def visible_round(round_id: int) -> tuple[Round, set[int] | None]:
    """The round and the tambon ids the user may see in it; 404 when they may see none."""
    round_ = db.session.get(Round, round_id)
    if round_ is None:
        abort(404)
    visible = visible_tambon_ids(current_user)
    if visible is not None and not visible & {t.id for t in round_.tambons}:
        abort(404)
    return round_, visible


def _lang() -> str:
    """The language of the names in the file: ?lang=, else the reader's language."""
    chosen = request.args.get("lang")
    return chosen if chosen in ("th", "en") else current_lang()


@bp.get("/rounds/<int:round_id>/exports")
@coordinator_required
def index(round_id: int):
    round_, visible = visible_round(round_id)
    instrument = round_.instrument_version.instrument
    return render_template(
        "exports/index.html",
        round=round_,
        exports=EXPORTS.values(),
        formats=FORMATS,
        instrument=instrument,
        tambons=tambon_names(round_, visible, current_lang()),
        limited=visible is not None,
    )


@bp.get(f"/rounds/<int:round_id>/exports/<any({NAMES}):name>.<any(csv, xlsx):fmt>")
@coordinator_required
def download(round_id: int, name: str, fmt: str):
    round_, visible = visible_round(round_id)
    if fmt == "csv":
        response = _csv_response(round_, name, visible)
    else:
        response = _xlsx_response(round_, name, visible)
    response.headers["Content-Disposition"] = content_disposition(round_, name, fmt)
    response.headers["Cache-Control"] = "private, no-store"  # personal data
    return response


def _csv_response(round_: Round, name: str, visible) -> Response:
    """The CSV streamed while it is read from the database."""
    table = build(name, round_, visible, _lang())
    chunks = (chunk.encode("utf-8") for chunk in csv_chunks(table))
    return Response(stream_with_context(chunks), mimetype=MEDIA_TYPES["csv"])


def _xlsx_response(round_: Round, name: str, visible) -> Response:
    """The XLSX written to an anonymous temporary file (gone once closed), then sent."""
    # Not a `with`: the response reads the file and closes it when sent.
    spool = tempfile.TemporaryFile()  # noqa: SIM115
    try:
        write_export(spool, name, "xlsx", round_, visible, _lang())
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return send_file(
        spool, mimetype=MEDIA_TYPES["xlsx"], download_name=ascii_filename(round_, name, "xlsx")
    )

"""The export page of a round and its downloads, for signed-in coordinators."""

import tempfile

from flask import (
    Blueprint,
    Response,
    render_template,
    request,
    send_file,
    stream_with_context,
)
from flask_babel import gettext as _

from app.auth.access import coordinator_required
from app.dashboard.filtering import scope_filter
from app.exports import background
from app.exports.catalogue import EXPORTS, FORMATS, build
from app.exports.files import (
    MEDIA_TYPES,
    ascii_filename,
    content_disposition,
    tambon_names,
    write_export,
)
from app.exports.writers import csv_chunks
from app.i18n import current_lang
from app.models import Round
from app.params import BadParameter
from app.people_filter import PeopleFilter
from app.rounds.access import round_scope

bp = Blueprint("exports", __name__)
NAMES = ", ".join(f'"{name}"' for name in EXPORTS)


def _lang() -> str:
    """The language of the names in the file: ?lang=, else the reader's language."""
    chosen = request.args.get("lang")
    return chosen if chosen in ("th", "en") else current_lang()


@bp.get("/rounds/<int:round_id>/exports")
@coordinator_required
def index(round_id: int):
    scope = round_scope(round_id)
    round_, visible = scope.round, scope.tambon_ids
    instrument = round_.instrument_version.instrument
    people, menus = scope_filter(scope, request.args)
    return render_template(
        "exports/index.html",
        round=round_,
        exports=EXPORTS.values(),
        formats=FORMATS,
        instrument=instrument,
        tambons=tambon_names(round_, visible, current_lang()),
        limited=visible is not None,
        background=background.in_background(round_id, visible),
        people=people,
        menus=menus,
    )


@bp.get(f"/rounds/<int:round_id>/exports/<any({NAMES}):name>.<any(csv, xlsx):fmt>")
@coordinator_required
def download(round_id: int, name: str, fmt: str):
    scope = round_scope(round_id)
    round_, visible = scope.round, scope.tambon_ids
    people = scope_filter(scope, request.args)[0]
    if people.active and not EXPORTS[name].filterable:
        raise BadParameter(_("Only the training plan can be limited to an agency, role or team."))
    # A filtered file is written here: the worker keeps whole-scope files only.
    if not people.active and background.in_background(round_id, visible):
        response = _from_worker(round_, name, fmt, visible)
    elif fmt == "csv":
        response = _csv_response(round_, name, visible, people)
    else:
        response = _xlsx_response(round_, name, visible, people)
    if response.status_code == 200:  # a file; the page saying it is being prepared is shown
        response.headers["Content-Disposition"] = content_disposition(round_, name, fmt)
    response.headers["Cache-Control"] = "private, no-store"  # personal data
    return response


def _from_worker(round_: Round, name: str, fmt: str, visible) -> Response:
    """The file the worker wrote for the round as it is now, or a page saying it is being
    prepared (and asking for it)."""
    ids = None if visible is None else tuple(sorted(visible))
    return background.sent_or_asked(round_, background.Wanted(round_.id, ids, name, fmt, _lang()))


def _csv_response(round_: Round, name: str, visible, people: PeopleFilter) -> Response:
    """The CSV streamed while it is read from the database."""
    table = build(name, round_, visible, _lang(), people)
    chunks = (chunk.encode("utf-8") for chunk in csv_chunks(table))
    return Response(stream_with_context(chunks), mimetype=MEDIA_TYPES["csv"])


def _xlsx_response(round_: Round, name: str, visible, people: PeopleFilter) -> Response:
    """The XLSX written to an anonymous temporary file (gone once closed), then sent."""
    # Not a `with`: the response reads the file and closes it when sent.
    spool = tempfile.TemporaryFile()  # noqa: SIM115
    try:
        write_export(spool, name, "xlsx", round_, visible, _lang(), people)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return send_file(
        spool, mimetype=MEDIA_TYPES["xlsx"], download_name=ascii_filename(round_, name, "xlsx")
    )

"""Home page and the instruments shown as freedom tables."""

from flask import Blueprint, abort, current_app, render_template, send_from_directory
from sqlalchemy import select

from app.extensions import db
from app.instruments.store import latest_versions
from app.models import InstrumentVersion
from app.params import BadParameter

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    return render_template("main/index.html", versions=latest_versions())


@bp.get("/favicon.ico")
def favicon():
    """The icon every browser asks for by itself (a 404 on each first visit otherwise)."""
    return send_from_directory(
        current_app.static_folder, "favicon.ico", mimetype="image/x-icon", max_age=7 * 86400
    )


@bp.get("/instruments/<key>")
@bp.get("/instruments/<key>/r<int:revision>")
def instrument(key: str, revision: int | None = None):
    """One instrument as a freedom table: items as rows, the five levels as columns."""
    query = select(InstrumentVersion).filter_by(instrument_key=key)
    if revision is not None:
        query = query.filter_by(revision=revision)
    version = db.session.execute(
        query.order_by(InstrumentVersion.revision.desc()).limit(1)
    ).scalar_one_or_none()
    if version is None:
        abort(404)
    return render_template("main/instrument.html", version=version, ins=version.instrument)


def register_error_pages(app) -> None:
    for code in (400, 403, 404, 405, 413, 429, 500):
        app.register_error_handler(code, _error_page)


def _error_page(error):
    code = getattr(error, "code", 500) or 500
    # Only our own descriptions are for the reader; werkzeug's are English and technical.
    message = error.description if isinstance(error, BadParameter) else None
    return render_template("error.html", code=code, message=message), code

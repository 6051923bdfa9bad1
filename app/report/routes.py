"""The round report's page and PDF, for what the signed-in user may see of the round."""

from flask import Blueprint, Response, current_app, render_template
from flask_login import current_user

from app.auth.access import coordinator_required
from app.dashboard.rounds import comparable_rounds
from app.dashboard.scope import round_scope
from app.exports import background
from app.exports.files import MEDIA_TYPES, content_disposition
from app.i18n import current_lang

from .render import earlier_scope, report_html, report_of, report_pdf

bp = Blueprint("report", __name__)


def _report(round_id: int, on_screen: bool = False):
    scope = round_scope(round_id)
    earlier = earlier_scope(scope, comparable_rounds(scope.round, current_user), current_user)
    return scope.round, report_of(scope, current_lang(), earlier, on_screen)


@bp.get("/rounds/<int:round_id>/report")
@coordinator_required
def report_page(round_id: int):
    """The report to the governor, made for A4 (print it, or take the PDF)."""
    return report_html(_report(round_id, on_screen=True)[1])


@bp.get("/rounds/<int:round_id>/report.pdf")
@coordinator_required
def report_file(round_id: int):
    """The same report as a PDF (for a scope of many tambons: how to get it)."""
    scope = round_scope(round_id)
    # A larger PDF takes longer than a request may last (bench/report_time.py): the
    # background worker writes it where one runs; else `flask report` makes it.
    limit = current_app.config["REPORT_PDF_IN_REQUEST_UP_TO"]
    tambons = len(scope.tambons())
    if tambons <= limit:
        response = Response(report_pdf(_report(round_id)[1]), mimetype=MEDIA_TYPES["pdf"])
    elif current_app.config["PAIRING_IN_BACKGROUND"]:  # a worker runs: it writes the file
        ids = None if scope.tambon_ids is None else tuple(sorted(scope.tambon_ids))
        wanted = background.Wanted(round_id, ids, background.REPORT, "pdf", current_lang())
        response = background.sent_or_asked(scope.round, wanted)
    else:
        page = render_template(
            "report/too_large.html", round=scope.round, tambons=tambons, limit=limit
        )
        return Response(page, status=503, headers={"Retry-After": "3600"})
    if response.status_code == 200:  # the file; the page saying it is being prepared is shown
        response.headers["Content-Disposition"] = content_disposition(scope.round, "report", "pdf")
    response.headers["Cache-Control"] = "private, no-store"  # personal data
    return response

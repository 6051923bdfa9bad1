"""The roster upload page: coordinators for their tambons, admins for any (and new places)."""

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from app.auth.access import coordinator_required, visible_tambon_ids, visible_tambons
from app.i18n import current_lang
from app.roster.forms import RosterImportForm
from app.roster.load import Report, Scope, import_roster
from app.roster.messages import (
    LIST_LINES,
    action_counts,
    describe_line,
    listed_problems,
    more_problems,
    summary,
)

bp = Blueprint("roster", __name__)


@bp.route("/roster/import", methods=["GET", "POST"])
@coordinator_required
def import_page():
    form = _form()
    report, dry_run = None, False
    if form.validate_on_submit():
        dry_run = form.check_only.data
        report = import_roster(form.file.data.read(), _scope(form), dry_run=dry_run)
        if report.ok and not dry_run:
            flash(summary(report, dry_run=False), "success")
            return redirect(url_for("roster.import_page"))
        if not report.ok:
            form.file.errors.append(_nothing_imported(len(report.problems)))
    return _page(form, report, dry_run)


@bp.errorhandler(413)
def too_large(error):
    """A file over the upload limit: the page again, saying so (not a bare 413)."""
    if not (current_user.is_authenticated and current_user.is_active):
        return render_template("error.html", code=413), 413
    form = _form(formdata=None)
    limit = current_app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024)
    form.file.errors = [
        _(
            "What was sent is too large: the file may be at most %(mb)s MB. Nothing was "
            "imported. Split it into several files and import them one after the other.",
            mb=limit,
        )
    ]
    return _page(form, None, False), 413


def _form(**kwargs) -> RosterImportForm:
    form = RosterImportForm(**kwargs)
    if not current_user.is_admin:
        del form.create_places  # only an admin may add places
    return form


def _scope(form) -> Scope:
    create = current_user.is_admin and form.create_places.data
    return Scope(
        visible_tambon_ids(current_user),
        create_places=create,
        by=current_user.username,
        coordinator_id=current_user.id,
    )


def _page(form, report: Report | None, dry_run: bool):
    problems, more = listed_problems(report) if report else ([], 0)
    lines = report.lines[:LIST_LINES] if report and dry_run else []
    tambons = None
    if not current_user.is_admin:
        tambons = [t.name_in(current_lang()) for t in visible_tambons(current_user)]
    return render_template(
        "roster/import.html",
        form=form,
        problems=problems,
        more=more_problems(more) if more else "",
        dry_run=dry_run,
        report=report,
        lines=[(line, describe_line(line)) for line in lines],
        counts=action_counts(report) if report and dry_run else "",
        summary=summary(report, dry_run=True) if report and dry_run and report.ok else "",
        tambons=tambons,
    )


def _nothing_imported(count: int) -> str:
    return ngettext(
        "%(count)s problem in the file: nothing was imported.",
        "%(count)s problems in the file: nothing was imported.",
        count,
        count=f"{count:,}",
    )

"""The roster upload page: coordinators for their tambons, admins for any (and new places)."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import ngettext
from flask_login import current_user

from app.auth.access import coordinator_required, visible_tambon_ids, visible_tambons
from app.i18n import current_lang
from app.roster.forms import RosterImportForm
from app.roster.load import Scope, import_roster
from app.roster.messages import describe, summary, where

bp = Blueprint("roster", __name__)


@bp.route("/roster/import", methods=["GET", "POST"])
@coordinator_required
def import_page():
    form = RosterImportForm()
    if not current_user.is_admin:
        del form.create_places  # only an admin may add places
    problems = []
    if form.validate_on_submit():
        create = current_user.is_admin and form.create_places.data
        scope = Scope(visible_tambon_ids(current_user), create_places=create)
        report = import_roster(form.file.data.read(), scope, dry_run=form.check_only.data)
        if report.ok:
            flash(summary(report, dry_run=form.check_only.data), "success")
            return redirect(url_for("roster.import_page"))
        problems = [(where(p), describe(p)) for p in report.problems]
        form.file.errors.append(_nothing_imported(len(problems)))
    tambons = None
    if not current_user.is_admin:
        tambons = [t.name_in(current_lang()) for t in visible_tambons(current_user)]
    return render_template("roster/import.html", form=form, problems=problems, tambons=tambons)


def _nothing_imported(count: int) -> str:
    return ngettext(
        "%(num)d problem in the file: nothing was imported.",
        "%(num)d problems in the file: nothing was imported.",
        count,
    )

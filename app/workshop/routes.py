"""The upload page: a coordinator brings a workshop's answers into a round they manage."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.auth.access import coordinator_required
from app.facilitators.changes import Actor
from app.rounds.access import round_for
from app.workshop import files
from app.workshop.forms import AnswersImportForm
from app.workshop.merge import IMPORT, Merged, import_answers, round_of
from app.workshop.wording import report

bp = Blueprint("workshop", __name__)


@bp.route("/rounds/<int:round_id>/workshop-import", methods=["GET", "POST"])
@coordinator_required
def import_page(round_id: int):
    round_ = round_for(round_id, manage=True)
    form = AnswersImportForm()
    if form.validate_on_submit():
        merged = _import(form, round_)
        if merged is not None:
            for line in report(merged, dry_run=form.dry_run.data):
                flash(line, "success")
            return redirect(url_for(".import_page", round_id=round_.id))
    return render_template("workshop/import.html", form=form, round_=round_)


def _import(form: AnswersImportForm, round_) -> Merged | None:
    """Import the uploaded file into `round_`; None (with the reason on the form) if refused."""
    # Logged as the import's work, with the account that uploaded the file.
    actor = Actor(IMPORT.by, current_user.id, None)
    try:
        content = files.decode(form.file.data.read(), files.ANSWERS)
        if round_of(content).id != round_.id:
            form.file.errors.append(_("This file holds the answers of another round."))
            return None
        return import_answers(content, actor, dry_run=form.dry_run.data)
    except files.WorkshopFileError as error:
        form.file.errors.append(_("Nothing was imported: %(reason)s.", reason=str(error)))
        return None

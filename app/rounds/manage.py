"""Whoever may manage a round renames, re-dates, changes its tambons, deletes it while nobody
has answered, and confirms before closing it."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.auth.access import coordinator_required
from app.extensions import db
from app.i18n import current_lang
from app.models import Round, Tambon
from app.rounds.access import round_for
from app.rounds.choices import answered_tambons, has_answers, offer_tambons
from app.rounds.forms import EditRoundForm, today_typed
from app.rounds.routes import bp


@bp.route("/<int:round_id>/edit", methods=["GET", "POST"])
@coordinator_required
def edit(round_id: int):
    round_ = round_for(round_id, manage=True)
    lang = current_lang()
    form = EditRoundForm(data=_as_stored(round_))
    groups = offer_tambons(form, current_user, lang)
    form.answered, form.stored_day = answered_tambons(round_, lang), round_.held_on
    if form.validate_on_submit():
        _change(round_, form)
        db.session.commit()
        flash(_("The round is saved."), "success")
        return redirect(url_for(".index"))
    today = today_typed(lang)
    return render_template("rounds/edit.html", form=form, groups=groups, today=today, round_=round_)


def _as_stored(round_: Round) -> dict:
    """What the form shows before it is changed (a POST replaces all of it)."""
    tambons = [str(t.id) for t in round_.tambons]
    return {"name": round_.name, "held_on": round_.held_on, "tambons": tambons}


def _change(round_: Round, form: EditRoundForm) -> None:
    round_.name, round_.held_on = form.name.data, form.held_on.data
    round_.tambons = [db.session.get(Tambon, i) for i in form.chosen_tambon_ids()]


@bp.get("/<int:round_id>/delete")
@coordinator_required
def confirm_delete(round_id: int):
    round_ = round_for(round_id, manage=True)
    return render_template("rounds/delete.html", round_=round_, answered=has_answers(round_))


@bp.post("/<int:round_id>/delete")
@coordinator_required
def delete(round_id: int):
    round_ = round_for(round_id, manage=True)
    if has_answers(round_):
        flash(_("Someone has answered in this round, so it cannot be deleted."), "error")
        return redirect(url_for(".index"))
    name = round_.name
    db.session.delete(round_)
    db.session.commit()
    flash(_("Round %(name)s is deleted.", name=name), "success")
    return redirect(url_for(".index"))


@bp.get("/<int:round_id>/close")
@coordinator_required
def confirm_close(round_id: int):
    round_ = round_for(round_id, manage=True)
    return render_template("rounds/close.html", round_=round_)

"""Coordinators open rounds, show their join code and QR poster, and close or reopen them
(changing and deleting a round: manage.py)."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from app.auth.access import coordinator_required
from app.extensions import db
from app.i18n import current_lang
from app.instruments.store import latest_version
from app.models import Round, Tambon
from app.round_facts import close_round, reopen_round
from app.rounds.access import round_for, round_listings, round_scope
from app.rounds.choices import offer_instruments, offer_tambons, rounds_with_answers
from app.rounds.codes import code_taken, new_join_code
from app.rounds.forms import RoundForm, today_typed
from app.rounds.links import link_address, public_url, qr_svg, svg_response

bp = Blueprint("rounds", __name__, url_prefix="/rounds")


@bp.get("")
@coordinator_required
def index():
    return render_template(
        "rounds/index.html",
        listings=round_listings(current_user),
        answered=rounds_with_answers(),
    )


@bp.route("/new", methods=["GET", "POST"])
@coordinator_required
def new():
    form = RoundForm()
    lang = current_lang()
    offer_instruments(form, lang)
    groups = offer_tambons(form, current_user, lang)
    if form.validate_on_submit():
        round_ = _open_round(form)
        flash(_("The round is open. Show its join code to the facilitators."), "success")
        return redirect(url_for(".join", round_id=round_.id))
    return render_template("rounds/new.html", form=form, groups=groups, today=today_typed(lang))


@bp.get("/<int:round_id>/join")
@coordinator_required
def join(round_id: int):
    scope = round_scope(round_id)
    return render_template(
        "rounds/join.html",
        round_=scope.round,
        link=public_url("assess.roster", code=scope.round.join_code),
        address=link_address(),
        can_manage=scope.manages,
    )


@bp.get("/<int:round_id>/poster")
@coordinator_required
def poster(round_id: int):
    round_ = round_for(round_id)
    link = public_url("assess.roster", code=round_.join_code)
    return render_template("rounds/poster.html", round_=round_, link=link, address=link_address())


@bp.get("/<int:round_id>/qr.svg")
@coordinator_required
def qr(round_id: int):
    round_ = round_for(round_id)
    return svg_response(qr_svg(public_url("assess.roster", code=round_.join_code)))


@bp.post("/<int:round_id>/close")
@coordinator_required
def close(round_id: int):
    round_ = round_for(round_id, manage=True)
    close_round(round_)
    db.session.commit()
    flash(_("The round is closed: the form accepts no more answers."), "success")
    return redirect(url_for(".index"))


@bp.post("/<int:round_id>/reopen")
@coordinator_required
def reopen(round_id: int):
    round_ = round_for(round_id, manage=True)
    reopen_round(round_)
    db.session.commit()
    flash(_("The round is open again."), "success")
    return redirect(url_for(".index"))


def _open_round(form: RoundForm) -> Round:
    """Store the new round with a fresh join code; a code taken a moment ago is drawn again."""
    for _attempt in range(5):
        round_ = Round(
            name=form.name.data,
            held_on=form.held_on.data,
            instrument_version=latest_version(form.instrument.data),
            join_code=new_join_code(code_taken),
            tambons=[db.session.get(Tambon, i) for i in form.chosen_tambon_ids()],
        )
        db.session.add(round_)
        try:
            db.session.commit()
            return round_
        except IntegrityError:
            db.session.rollback()
    raise RuntimeError("could not store the round")

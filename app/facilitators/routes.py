"""The facilitator pages: list, a person's page, edit, deactivate, delete, merge, new link."""

import base64
from collections import Counter

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from app.auth.access import coordinator_required, visible_tambon_ids, visible_tambons
from app.collation import sorted_by_name
from app.extensions import db
from app.facilitators import manage
from app.facilitators.changes import actor_for, history
from app.facilitators.forms import ConfirmForm, EditForm, merge_form
from app.facilitators.listing import Filters, page_of
from app.facilitators.merge import check_pair, merge, responses_of, shared_rounds
from app.facilitators.wording import describe, role_words, tambon_name, team_word
from app.i18n import current_lang
from app.models import Round
from app.params import int_arg
from app.rounds.links import public_url, qr_svg
from app.security import MAX_ID

bp = Blueprint("facilitators", __name__, url_prefix="/facilitators")
SEARCH_MAX = 200


def _id_arg(value) -> int | None:
    """A query or form value that is an id (a number in an id's range), else None."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 1 <= number <= MAX_ID else None


def _actor():
    return actor_for(current_user, visible_tambon_ids(current_user))


def _person(facilitator_id: int | None):
    """The person asked for, or 404 when the user may not see them."""
    if facilitator_id is None:
        abort(404)
    try:
        return manage.person_for(facilitator_id, _actor())
    except manage.NotVisible:
        abort(404)


def _tambons():
    """The user's tambons in Thai order, with the district where a name occurs twice."""
    lang = current_lang()
    tambons = sorted_by_name(visible_tambons(current_user), lambda t: t.name_in(lang), lang)
    seen = Counter(t.name_in(lang) for t in tambons)

    def label(t) -> str:
        name = t.name_in(lang)
        return f"{name} ({t.district.name_in(lang)})" if seen[name] > 1 else name

    return [(t, label(t)) for t in tambons]


@bp.app_template_global()
def facilitator_words():
    """Helpers the facilitator templates use to show roles, team and tambon."""
    return {"roles": role_words, "team": team_word, "tambon": tambon_name}


@bp.get("")
@coordinator_required
def index():
    actor = _actor()
    tambon_id = int_arg(request.args, "tambon")
    if tambon_id is not None and not actor.may_touch(tambon_id):
        abort(404)
    search = request.args.get("q", "")[:SEARCH_MAX]
    everyone = request.args.get("all") == "1"
    filters = Filters(actor.scope, tambon_id, search, everyone)
    page = page_of(filters, int_arg(request.args, "page", 1))
    return render_template(
        "facilitators/index.html", page=page, filters=filters, tambons=_tambons()
    )


@bp.get("/<int:facilitator_id>")
@coordinator_required
def person(facilitator_id: int):
    person = _person(facilitator_id)
    actor, answered = _actor(), responses_of(person.id)
    # Answers given in a tambon the user does not look after are theirs to see, not the user's.
    shown = [r for r in answered if actor.may_touch(r.tambon_id)]
    return render_template(
        "facilitators/person.html",
        person=person,
        responses=shown,
        elsewhere=len(answered) - len(shown),
        changes=[describe(c) for c in history(person.id)],
        lang=current_lang(),
    )


@bp.route("/<int:facilitator_id>/edit", methods=["GET", "POST"])
@coordinator_required
def edit(facilitator_id: int):
    person = _person(facilitator_id)
    form = EditForm(data=_details(person) if request.method == "GET" else None)
    form.tambon.choices = [SelectChoice(str(t.id), label) for t, label in _tambons()]
    if form.validate_on_submit():
        try:
            changed = manage.edit(person, _form_details(form), _actor())
        except manage.Refused as refused:
            db.session.rollback()
            form.name.errors = [*form.name.errors, refused.message]
        else:
            db.session.commit()
            flash(_("Saved.") if changed else _("Nothing was changed."), "success")
            return redirect(url_for(".person", facilitator_id=person.id))
    return render_template("facilitators/edit.html", person=person, form=form)


def _details(person) -> dict:
    return {"name": person.name, "tambon": str(person.tambon_id), "roles": list(person.roles),
            "agency": person.agency, "team": person.team or ""}  # fmt: skip


def _form_details(form: EditForm) -> manage.Details:
    return manage.Details(
        name=form.name.data,
        tambon_id=int(form.tambon.data),
        roles=tuple(form.roles.data),
        agency=form.agency.data or "",
        team=form.team.data or None,
    )


@bp.route("/<int:facilitator_id>/deactivate", methods=["GET", "POST"])
@coordinator_required
def deactivate(facilitator_id: int):
    person = _person(facilitator_id)
    form = ConfirmForm()
    if form.confirmed():
        manage.set_active(person, False, _actor())
        db.session.commit()
        flash(_("%(name)s is deactivated: off every roster from now on.", name=person.name),
              "success")  # fmt: skip
        return redirect(url_for(".person", facilitator_id=person.id))
    return render_template("facilitators/confirm.html", person=person, form=form, what="deactivate")


@bp.post("/<int:facilitator_id>/reactivate")
@coordinator_required
def reactivate(facilitator_id: int):
    person = _person(facilitator_id)
    if ConfirmForm().validate_on_submit():
        manage.set_active(person, True, _actor())
        db.session.commit()
        flash(_("%(name)s is active again.", name=person.name), "success")
    return redirect(url_for(".person", facilitator_id=person.id))


@bp.route("/<int:facilitator_id>/delete", methods=["GET", "POST"])
@coordinator_required
def delete(facilitator_id: int):
    person = _person(facilitator_id)
    form = ConfirmForm()
    if manage.answered_count(person.id):
        flash(_("%(name)s has answered a round: deactivate them instead.", name=person.name),
              "error")  # fmt: skip
        return redirect(url_for(".person", facilitator_id=person.id))
    if form.confirmed():
        name = person.name
        manage.delete(person, _actor())
        db.session.commit()
        flash(_("%(name)s is deleted.", name=name), "success")
        return redirect(url_for(".index"))
    return render_template("facilitators/confirm.html", person=person, form=form, what="delete")


@bp.route("/<int:facilitator_id>/merge", methods=["GET", "POST"])
@coordinator_required
def merge_page(facilitator_id: int):
    kept = _person(facilitator_id)
    sent = request.form if request.method == "POST" else request.args
    other = _person(_id_arg(sent["other"])) if sent.get("other") else None
    if other is None:
        return _choose_other(kept)
    shared = shared_rounds(kept, other)
    form = merge_form([s.round.id for s in shared])
    form.other.data = str(other.id)
    problem = _merge_problem(kept, other)
    if not problem and form.validate_on_submit():
        choices = {s.round.id: form[f"round_{s.round.id}"].data for s in shared}
        merge(kept, other, choices, _actor())
        db.session.commit()
        flash(_("The two records are one now: %(name)s.", name=kept.name), "success")
        return redirect(url_for(".person", facilitator_id=kept.id))
    return render_template(
        "facilitators/merge.html", kept=kept, other=other, form=form, shared=shared,
        problem=problem, responses={p.id: responses_of(p.id) for p in (kept, other)},
    )  # fmt: skip


def _merge_problem(kept, other) -> str:
    try:
        check_pair(kept, other, _actor())
    except manage.Refused as refused:
        return refused.message
    return ""


def _choose_other(kept):
    search = request.args.get("q", "")[:SEARCH_MAX]
    actor = _actor()
    found = []
    if search.strip():
        rows = page_of(Filters(actor.scope, None, search, everyone=True), 1).rows
        found = [row for row in rows if row.person.id != kept.id][:20]
    return render_template("facilitators/merge_choose.html", kept=kept, search=search, found=found)


@bp.post("/<int:facilitator_id>/rounds/<int:round_id>/new-link")
@coordinator_required
def new_link(facilitator_id: int, round_id: int):
    person = _person(facilitator_id)
    round_ = db.session.get(Round, round_id)
    if round_ is None or not ConfirmForm().validate_on_submit():
        abort(404 if round_ is None else 400)
    try:
        _response, token = manage.new_link(person, round_, _actor())
    except manage.Refused as refused:
        db.session.rollback()
        page = render_template("facilitators/message.html", person=person, message=refused.message)
        return page, refused.status
    db.session.commit()
    link = public_url("assess.result", token=token)
    qr = base64.b64encode(qr_svg(link)).decode("ascii")
    page = render_template(
        "facilitators/new_link.html", person=person, round_=round_, link=link, qr=qr
    )
    return page, 200, {"Cache-Control": "no-store"}

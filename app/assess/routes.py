"""Facilitators join a round by its code, find their name, and fill the form (no sign-in)."""

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from wtforms import SelectChoice

from app.assess import pages, submit
from app.assess.forms import SelfAddForm, new_submission_id, rating_form_class
from app.assess.guessing import find_round_or_refuse
from app.assess.roster import (
    answered_ids,
    look_alikes,
    member_or_404,
    response_of,
    round_or_404,
    tambon_rosters,
    tambons_of,
)
from app.extensions import csrf, db
from app.i18n import current_lang
from app.models import Facilitator

bp = Blueprint("assess", __name__)


@bp.get("/join")
def join():
    """The home page's code box: go to the round's roster, or say the code is wrong."""
    code = request.args.get("code", "")
    round_ = find_round_or_refuse(code)
    if round_ is not None:
        return redirect(url_for(".roster", code=round_.join_code))
    if code.strip():
        error, status = _("No round has this code. Check it and try again."), 404
    else:
        error, status = _("Type the join code shown by the coordinator."), 400
    return render_template("assess/join.html", code=code, error=error), status


@bp.get("/j/<code>")
def roster(code: str):
    round_ = round_or_404(code)
    if round_.join_code != code:
        return redirect(url_for(".roster", code=round_.join_code))
    if not round_.is_open:
        return pages.closed_page(round_)
    search = request.args.get("q", "")[:100]
    groups = tambon_rosters(round_, current_lang(), search)
    return render_template(
        "assess/roster.html",
        round_=round_,
        groups=groups,
        answered=answered_ids(round_),
        search=search,
    )


@bp.route("/j/<code>/add", methods=["GET", "POST"])
@csrf.exempt  # checked by the form itself, so a stale token keeps what was typed
def add_self(code: str):
    round_ = round_or_404(code)
    if not round_.is_open:
        return pages.closed_page(round_, 409 if request.method == "POST" else 200)
    form = _self_add_form(round_)
    matches = []
    if form.validate_on_submit():
        matches = look_alikes(round_, form.name.data, current_lang())
        if _may_add(form, matches) and (person := _add_to_roster(form)) is not None:
            flash(_("You are on the roster now. Fill in the form below."), "success")
            return redirect(url_for(".rate", code=round_.join_code, facilitator_id=person.id))
    stale = "csrf_token" in form.errors
    page = render_template(
        "assess/add.html", round_=round_, form=form, stale=stale, matches=matches
    )
    return page, 400 if stale else 200


@bp.route("/j/<code>/f/<int:facilitator_id>", methods=["GET", "POST"])
@csrf.exempt  # checked by the form itself, so a stale token keeps every answer
def rate(code: str, facilitator_id: int):
    retried = submit.retried_round_id(facilitator_id) if request.method == "POST" else None
    round_ = round_or_404(code, known=retried)
    person = member_or_404(round_, facilitator_id)
    form = rating_form_class(round_.instrument_version.instrument)(
        submission_id=new_submission_id()
    )
    if request.method == "POST":
        return submit.receive(form, round_, person)
    if not round_.is_open:
        return pages.closed_page(round_)
    if response_of(round_, person) is not None:
        return pages.answered_page(round_, person)
    return pages.form_page(form, round_, person)


@bp.get("/sw.js")
def service_worker():
    """The service worker, served from the root so that it may look after the form pages."""
    response = send_from_directory(current_app.static_folder, "sw.js", max_age=0)
    response.headers["Cache-Control"] = "no-cache"
    return response


def _self_add_form(round_) -> SelfAddForm:
    form = SelfAddForm()
    tambons = tambons_of(round_, current_lang())
    form.tambon.choices = [SelectChoice("", _("Choose…"))] + [
        SelectChoice(str(t.id), t.name_in(current_lang())) for t in tambons
    ]
    if len(tambons) == 1 and not form.tambon.data:
        form.tambon.data = str(tambons[0].id)
    return form


def _may_add(form: SelfAddForm, matches: list[Facilitator]) -> bool:
    """Whether the name may be added: never beside a likely same name in the same tambon;
    beside one in another tambon only once the person says it is not them."""
    tambon_id = int(form.tambon.data)
    if any(person.tambon_id == tambon_id for person in matches):
        form.name.errors.append(_("This name is already on the roster of this tambon: go back "
                                  "and pick it from the list."))  # fmt: skip
        return False
    if matches and not form.someone_else.data:
        form.someone_else.errors.append(_("Is this you? If not, tick the box and send again."))
        return False
    return True


def _add_to_roster(form: SelfAddForm) -> Facilitator | None:
    """Add the facilitator; None when the same name was added a moment ago."""
    person = Facilitator(
        name=form.name.data,
        tambon_id=int(form.tambon.data),
        agency=form.agency.data or "",
        team=form.team.data,
    )
    person.roles = form.roles.data
    db.session.add(person)
    try:
        db.session.commit()
    except IntegrityError:
        # The same name was added a moment ago, or is kept for someone no longer listed.
        db.session.rollback()
        form.name.errors.append(_("This name cannot be added again: ask the coordinator."))
        return None
    return person

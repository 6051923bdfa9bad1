"""The personal link /r/<token>: a facilitator's own result, their QR code, and changing answers.

The token is the only key: it is not the database id, and only its hash is stored.
"""

from flask import abort, render_template, request
from flask_babel import gettext as _

from app.assess import pages, submit
from app.assess.forms import answers_as_data, new_submission_id, rating_form_class
from app.assess.previous import last_round
from app.assess.radar import radar_svg
from app.assess.routes import bp
from app.extensions import csrf
from app.i18n import current_lang, format_day
from app.models import Response
from app.ratings import response_for_token
from app.rounds.links import public_url, qr_svg, svg_response


@bp.after_request
def _private(response):
    # One person's answers: never kept by a shared cache or the browser's HTTP cache.
    if request.path.startswith("/r/"):
        response.headers["Cache-Control"] = "private, no-store"
    return response


def response_or_404(token: str) -> Response:
    response = response_for_token(token)
    if response is None:
        abort(404)
    return response


@bp.get("/r/<token>")
def result(token: str):
    response = response_or_404(token)
    instrument = response.round.instrument_version.instrument
    return render_template(
        "assess/result.html",
        response=response,
        round_=response.round,
        ins=instrument,
        ratings={r.item_code: r for r in response.ratings},
        earlier=last_round(response.round, response.facilitator),
        link=public_url("assess.result", token=token),
        token=token,
        radar=radar_svg(response, current_lang()),
    )


@bp.get("/r/<token>/levels.json")
def levels(token: str):
    """This response's levels, for the phone that kept its link: it marks them on the form
    of a later round ("Last round"), which the public form never shows by itself."""
    response = response_or_404(token)
    round_ = response.round
    return {
        "person": response.facilitator_id,
        "instrument": round_.instrument_version.instrument_key,
        "held_on": round_.held_on.isoformat(),
        "round": round_.name,
        "day": format_day(round_.held_on, current_lang()),
        "levels": {r.item_code: [r.current_level, r.target_level] for r in response.ratings},
    }


@bp.route("/r/<token>/edit", methods=["GET", "POST"])
@csrf.exempt  # checked by the form itself, so a stale token keeps every answer
def change(token: str):
    response = response_or_404(token)
    round_ = response.round
    # The stored answers fill the form to change; a submission is the whole answer, so a
    # field it lacks is not taken from them.
    stored = answers_as_data(response.ratings) if request.method == "GET" else None
    form = rating_form_class(round_.instrument_version.instrument)(
        data=stored, submission_id=new_submission_id()
    )
    if request.method == "POST":
        return submit.receive(form, round_, response.facilitator, token=token)
    if not round_.is_open:
        return pages.closed_page(round_)
    return pages.form_page(form, round_, response.facilitator, token=token)


@bp.get("/r/<token>/qr.svg")
def qr(token: str):
    response_or_404(token)
    title = _("Personal link")
    return svg_response(qr_svg(public_url("assess.result", token=token), title))

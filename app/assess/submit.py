"""Receiving a rating form, from the roster or through the personal link.

Nothing is stored until the last step, and each step answers a plain form (HTML) and
the page's script (JSON) alike:
1. a retry of a submission already stored for this response answers as the first did;
2. a closed round refuses (409), and so does a name that has answered (roster form only);
3. a stale CSRF token shows the form again with everything sent and a fresh token (400);
4. answers that do not fit show the form again with messages next to each item;
5. otherwise `record()` stores them, and the answer leads to the personal link.
The language switch on the form posts the form too: the same answers come back in the other
language, nothing checked or stored.
"""

import re

from flask import abort, current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_wtf.csrf import generate_csrf

from app.assess import pages
from app.assess.forms import SUBMISSION_ID_PATTERN, RatingFormBase, new_submission_id
from app.assess.roster import response_of
from app.models import Facilitator, Response, Round
from app.ratings import (
    AlreadyAnswered,
    derived_token,
    earlier_submission,
    record,
    token_hash,
)

_SUBMISSION_ID = re.compile(SUBMISSION_ID_PATTERN)


def personal_token(submission_id: str) -> str:
    """The personal-link token of a response created by `submission_id`."""
    return derived_token(current_app.secret_key, submission_id)


def receive(form: RatingFormBase, round_: Round, person: Facilitator, token: str | None = None):
    """Handle a POST of the rating form; `token` when it came through the personal link."""
    replay = _replay(round_, person, token)
    if replay is not None:
        return replay
    if not round_.is_open:
        return pages.closed_page(round_, 409)
    if token is None and response_of(round_, person) is not None:
        # The response may be this very submission, stored a moment ago by a copy of it
        # racing this one (a retry sent before the first answer came back).
        return _replay(round_, person, token) or pages.answered_page(round_, person, 409)
    if "switch_lang" in request.form:
        return pages.in_language(form, round_, person, request.form["switch_lang"], token=token)
    form.validate()
    if "csrf_token" in form.errors:
        return _stale(form, round_, person, token)
    if form.errors:
        return _rejected(form, round_, person, token)
    return _store(form, round_, person, token)


def retried_round_id(facilitator_id: int) -> int | None:
    """The round of the stored submission this POST repeats, when it is this person's: a
    retry is recognised before any throttle (its random id proves the phone sent it)."""
    submission_id = request.form.get("submission_id", "")
    if not _SUBMISSION_ID.match(submission_id):
        return None
    earlier = earlier_submission(submission_id)
    if earlier is None or earlier.response.facilitator_id != facilitator_id:
        return None
    return earlier.response.round_id


def _replay(round_: Round, person: Facilitator, token: str | None):
    submission_id = request.form.get("submission_id", "")
    if not _SUBMISSION_ID.match(submission_id):
        return None
    earlier = earlier_submission(submission_id)
    if earlier is None:
        return None
    response = earlier.response
    if (response.round_id, response.facilitator_id) != (round_.id, person.id):
        abort(400)  # an id from someone else's response: never say whose
    return _saved(response, earlier.revision, token or _token_again(response))


def _token_again(response: Response) -> str | None:
    """The token the response was created with, derived again from its first submission."""
    token = personal_token(response.history[0].submission_id)
    return token if token_hash(token) == response.token_hash else None


def _stale(form, round_, person, token):
    message = _("Your answers are still here, but the page had expired. Press send again.")
    if pages.wants_json():
        return {"csrf_token": generate_csrf(), "message": message}, 400
    return pages.form_page(form, round_, person, token=token, notice=message, status=400)


def _rejected(form, round_, person, token):
    message = _("Some answers need a look: see the messages next to the items.")
    if form.submission_id.errors:
        # Only a page changed by hand sends a bad id: give a fresh one and say so at the top,
        # as a hidden field has no place for its message.
        form.submission_id.data = new_submission_id()
        if len(form.errors) == 1:
            message = form.submission_id.errors[0]
    if pages.wants_json():
        return {"errors": form.errors, "message": message}, 422
    return pages.form_page(form, round_, person, token=token, notice=message)


def _store(form, round_, person, token):
    instrument = round_.instrument_version.instrument
    submission_id = form.submission_id.data
    try:
        outcome = record(
            round_,
            person.id,
            form.answers(instrument),
            submission_id,
            token=None if token else personal_token(submission_id),
            only_new=token is None,
        )
    except AlreadyAnswered:
        return pages.answered_page(round_, person, 409)
    # A replay (a racing copy stored it first) carries no token: derive it again.
    link_token = token or outcome.token or _token_again(outcome.response)
    return _saved(outcome.response, outcome.revision, link_token)


def _saved(response: Response, revision: int, token: str | None):
    """The answer to a stored submission, the same for the first post and any retry."""
    if token is None:
        return _saved_without_link(response)
    first = _("Your answers are saved. Keep your personal link to see or change them.")
    _flash_once(first if revision == 1 else _("Your changes are saved."))
    url = url_for("assess.result", token=token)
    if pages.wants_json():
        return {"saved": True, "url": url, "revision": revision}
    return redirect(url, 303)


def _saved_without_link(response: Response):
    """Saved, but the link cannot be made again (the server's secret key changed)."""
    message = _("Your personal link was shown when you first sent them. If you do not have it, "
                "ask the coordinator.")  # fmt: skip
    if pages.wants_json():
        return {"saved": True, "url": None, "message": message}
    return pages.message_page(response.round, _("Your answers are saved"), message)


def _flash_once(message: str) -> None:
    # A retry whose first answer never reached the phone must not say it twice.
    if ("success", message) not in session.get("_flashes", []):
        flash(message, "success")

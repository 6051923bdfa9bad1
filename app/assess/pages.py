"""The pages a facilitator sees besides the form's own fields: closed, answered, the form."""

from flask import current_app, make_response, render_template, request
from flask_babel import force_locale
from flask_babel import gettext as _

from app.assess.cards import shared_cards
from app.assess.forms import RatingFormBase
from app.assess.previous import last_round
from app.i18n import current_lang, remember_language
from app.models import Facilitator, Round
from app.models.rounds import NOTE_MAX_LENGTH


def wants_json() -> bool:
    """Whether the page's script sent this (it asks for JSON); a plain form asks for HTML."""
    best = request.accept_mimetypes.best_match(("text/html", "application/json"))
    return best == "application/json"


def form_page(form: RatingFormBase, round_: Round, person: Facilitator, *,
              token: str | None = None, notice: str | None = None, status: int = 200):  # fmt: skip
    """The rating form; `notice` says why it is shown again, `token` when changing answers
    (then it also marks where the person stood last round)."""
    version = round_.instrument_version
    instrument = version.instrument
    earlier = last_round(round_, person) if token else None
    previous = earlier.levels if earlier else None
    page = render_template(
        "assess/form.html",
        form=form,
        round_=round_,
        person=person,
        ins=instrument,
        done=form.done_count(instrument),
        notice=notice,
        token=token,
        note_max=NOTE_MAX_LENGTH,
        previous=previous,
        cards=shared_cards(form, version, previous),
        earlier_round=earlier.round if earlier else None,
    )
    return page, status


def in_language(form: RatingFormBase, round_: Round, person: Facilitator, lang: str, *,
                token: str | None = None):  # fmt: skip
    """The form as it was sent, in `lang`, with nothing checked or stored: switching language
    half-way keeps every choice and note, without JavaScript too."""
    if lang not in current_app.config["LANGUAGES"]:
        lang = current_lang()
    with force_locale(lang):
        page, status = form_page(form, round_, person, token=token)
    response = make_response(page, status)
    remember_language(response, lang)
    return response


def message_page(round_: Round, title: str, message: str, status: int = 200, **links):
    """A page that only says something: the round is closed, the name has answered…"""
    if wants_json():
        return {"message": message, "title": title}, status
    page = render_template(
        "assess/message.html", round_=round_, title=title, message=message, **links
    )
    return page, status


def closed_page(round_: Round, status: int = 200):
    return message_page(
        round_,
        _("This round is closed"),
        _("The coordinator has closed this round: the form accepts no more answers."),
        status,
    )


def answered_page(round_: Round, person: Facilitator, status: int = 200):
    return message_page(
        round_,
        _("%(name)s has already answered", name=person.name),
        _(
            "The answers of this name are already saved. To see or change them, open the "
            "personal link shown after sending them (or its QR code). If you do not have "
            "it, ask the coordinator."
        ),
        status,
        roster=True,
    )

"""The form's item cards, rendered once per instrument content and language.

A form nobody has filled in (no level chosen, no note, no message, no earlier round to
mark) shows the same item cards to everyone: only the name, the CSRF token and the
submission id around them differ. The cards are most of the page's rendering, so the app
keeps them per instrument content and language and renders the page around them.
"""

from flask import current_app, render_template
from markupsafe import Markup

from app.assess.forms import RatingFormBase
from app.i18n import current_lang
from app.models import InstrumentVersion
from app.models.rounds import NOTE_MAX_LENGTH

TEMPLATE = "assess/_items.html"


def is_pristine(form: RatingFormBase, version: InstrumentVersion, previous) -> bool:
    """Whether the cards of `form` are everyone's: nothing chosen, typed or refused, and no
    earlier round to mark."""
    if previous or form.errors:
        return False
    subs = [form[code] for code in version.instrument.item_codes]
    return not any(sub.current.data or sub.target.data or sub.note.data for sub in subs)


def shared_cards(form: RatingFormBase, version: InstrumentVersion, previous) -> Markup | None:
    """The cards of a pristine form of `version` in the current language, rendered at most
    once per app; None when the form is not pristine (the page renders its own)."""
    if not is_pristine(form, version, previous):
        return None
    # Kept on the app: each app has its own templates and translations. A stored version
    # never changes (see InstrumentVersion.instrument), so nothing needs to be forgotten.
    cache = current_app.extensions.setdefault("assess_item_cards", {})
    key = (version.content_hash, current_lang())
    cards = cache.get(key)
    if cards is None:
        # Two threads may render the same cards at once; both results are the same, so the
        # last one stored wins without a lock.
        cards = Markup(
            render_template(TEMPLATE, ins=version.instrument, form=form, note_max=NOTE_MAX_LENGTH)
        )
        if not current_app.jinja_env.auto_reload:  # in development, edited templates show
            cache[key] = cards
    return cards

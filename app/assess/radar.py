"""A facilitator's own radar: their current level against their target level, one spoke per
item, drawn by the team's chart module (app.charts) from the scoring facts of one response.

It is drawn into the result page as SVG: sharp on any screen, about 3 KB on the wire, and no
separate download that a shared phone's HTTP cache could keep (the page is `no-store`).
"""

import dataclasses

from flask import current_app
from markupsafe import Markup

from app.charts import ENGLISH, THAI, chart_fingerprint, inline_radar
from app.instruments.model import Instrument
from app.models import Response
from app.scoring import Answer, Person, TeamProfile, round_profile

# A personal radar has one respondent: the legend need not count them.
_WORDING = {
    "th": dataclasses.replace(THAI, respondents=""),
    "en": dataclasses.replace(ENGLISH, respondents=""),
}


def person_profile(response: Response, instrument: Instrument) -> TeamProfile:
    """One response as a profile of one person (the radar's data)."""
    # The person as they answered: their expected levels are those of their roles then.
    person = Person(
        response.facilitator_id, response.name, str(response.tambon_id), frozenset(response.roles)
    )
    answers = [
        Answer(person.id, person.unit, r.item_code, r.current_level, r.target_level)
        for r in response.ratings
    ]
    expected = instrument.expected_levels
    return round_profile(answers, [person], instrument.item_codes, expected)


def radar_inputs(response: Response, lang: str) -> dict:
    """The radar chart's keyword arguments for this response, in `lang`."""
    instrument = response.round.instrument_version.instrument
    return {
        "profile": person_profile(response, instrument),
        "item_labels": {item.code: item.code for item in instrument.items},
        "title": response.name,
        "wording": _WORDING.get(lang, THAI),
    }


def radar_svg(response: Response, lang: str) -> Markup:
    """The radar as SVG markup for the result page; item codes on the spokes, the table has
    the text. Safe to put in the page: ElementTree escapes the name and labels drawn.

    Kept in the app's chart cache (on the server, by the fingerprint of what it shows), so a
    result page opened again is not drawn again."""
    inputs = radar_inputs(response, lang)
    key = "inline-" + chart_fingerprint("radar", "svg", **inputs)
    cache = current_app.extensions["chart_cache"]
    body = cache.get(key)
    if body is None:
        body = inline_radar(**inputs).encode("utf-8")
        cache.put(key, body)
    return Markup(body.decode("utf-8"))

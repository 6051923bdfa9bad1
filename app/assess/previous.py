"""Where a facilitator stood last round: their levels in the latest earlier round of the
same instrument, to mark on the form (not to pre-fill: they choose again) and to compare
on the result page.

Shown only to whoever holds a personal link (the result page, the change form): the form
reached from the public roster shows nobody's earlier answers.
"""

from dataclasses import dataclass

from sqlalchemy import select

from app.extensions import db
from app.models import InstrumentVersion, Response, Round
from app.models.people import Facilitator


@dataclass(frozen=True)
class Was:
    """One item's levels in the earlier round."""

    current: float
    target: float


@dataclass(frozen=True)
class LastRound:
    """The earlier round and the person's levels there, by item code."""

    round: Round
    levels: dict[str, Was]


def last_round(round_: Round, person: Facilitator) -> LastRound | None:
    """The person's answers in the latest round before `round_` (by date, then id) that used
    the same instrument; None when there is none."""
    key = round_.instrument_version.instrument_key
    query = (
        select(Response)
        .join(Round, Response.round_id == Round.id)
        .join(InstrumentVersion, Round.instrument_version_id == InstrumentVersion.id)
        .where(
            Response.facilitator_id == person.id,
            InstrumentVersion.instrument_key == key,
            Round.id != round_.id,
            (Round.held_on < round_.held_on)
            | ((Round.held_on == round_.held_on) & (Round.id < round_.id)),
        )
        .order_by(Round.held_on.desc(), Round.id.desc())
        .limit(1)
    )
    earlier = db.session.execute(query).scalar_one_or_none()
    if earlier is None:
        return None
    codes = set(round_.instrument_version.instrument.item_codes)
    levels = {
        r.item_code: Was(r.current_level, r.target_level)
        for r in earlier.ratings
        if r.item_code in codes
    }
    return LastRound(earlier.round, levels) if levels else None

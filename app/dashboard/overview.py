"""The round overview: per tambon, how many of its facilitators have answered, in three
queries whatever the size of the round (no per-person loading).

"Answered" means what `RoundFacts.respondents()` means: a response with at least one rating
in this round, counted in the tambon kept on it. The roster is the respondents and the people
of the tambon who have not answered, as in `RoundFacts.persons`, so the overview and every
view count the same people.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, func, select

from app.collation import sort_key
from app.extensions import db
from app.models import District, Facilitator, Rating, Response, Round, Tambon, round_tambon
from app.round_facts import on_roster_at


@dataclass(frozen=True, slots=True)
class TambonTally:
    """One tambon of a round: roster size, respondents, and when the last answer came."""

    tambon: Tambon
    district: District
    roster: int
    answered: int
    last_answer: datetime | None

    @property
    def percent(self) -> int | None:
        return percent(self.answered, self.roster)


def percent(answered: int, roster: int) -> int | None:
    """The share of the roster that answered, in whole percent (None for an empty roster)."""
    return round(100 * answered / roster) if roster else None


def _in_round(query, column, round_id: int, tambon_ids: Collection[int] | None):
    """`query` limited to the round's tambons (and to `tambon_ids` when given)."""
    query = query.where(column.in_(select(round_tambon.c.tambon_id).filter_by(round_id=round_id)))
    return query if tambon_ids is None else query.where(column.in_(tambon_ids))


def tambon_tallies(round_: Round, tambon_ids: Collection[int] | None) -> list[TambonTally]:
    """A tally per tambon of the round that is in `tambon_ids` (None: every tambon).

    A respondent counts in the tambon they had when they answered; the roster is they and
    the tambon's people who have not answered (see `round_facts.on_roster_at`).
    """
    places = _in_round(select(Tambon, District).join(District), Tambon.id, round_.id, tambon_ids)
    answered = _in_round(
        select(Response.tambon_id, func.count(Response.id), func.max(Response.updated_at))
        .where(Response.round_id == round_.id)
        .where(exists().where(Rating.response_id == Response.id))
        .group_by(Response.tambon_id),
        Response.tambon_id,
        round_.id,
        tambon_ids,
    )
    responded = select(Response.facilitator_id).where(Response.round_id == round_.id)
    waiting = _in_round(
        select(Facilitator.tambon_id, func.count(Facilitator.id))
        .where(Facilitator.id.not_in(responded), on_roster_at(round_.closed_at))
        .group_by(Facilitator.tambon_id),
        Facilitator.tambon_id,
        round_.id,
        tambon_ids,
    )
    others = _kept_waiting(round_, tambon_ids)
    if others is None:
        others = dict(db.session.execute(waiting).all())
    done = {tid: (n, last) for tid, n, last in db.session.execute(answered)}
    tallies = []
    for tambon, district in db.session.execute(places):
        count, last = done.get(tambon.id, (0, None))
        roster = count + others.get(tambon.id, 0)
        tallies.append(TambonTally(tambon, district, roster, count, last))
    return tallies


def _kept_waiting(round_: Round, tambon_ids: Collection[int] | None) -> dict[int, int] | None:
    """Tambon id -> people waited for when the round closed (None: the round keeps none)."""
    if round_.roster_at_close is None:
        return None
    counts: dict[int, int] = {}
    for person in round_.roster_at_close:
        if tambon_ids is None or person["tambon_id"] in tambon_ids:
            counts[person["tambon_id"]] = counts.get(person["tambon_id"], 0) + 1
    return counts


def sorted_tallies(tallies: list[TambonTally], lang: str) -> list[TambonTally]:
    """Tallies by district, then tambon, by name in `lang`."""
    return sorted(
        tallies,
        key=lambda t: (
            sort_key(t.district.name_in(lang), lang),
            sort_key(t.tambon.name_in(lang), lang),
            t.tambon.id,
        ),
    )

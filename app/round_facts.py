"""A round's answers as the plain facts the scoring works on, read in one query.

The dashboard and the exports both start here, so they count the same people and the
same answers. `tambon_ids` limits everything to the tambons a coordinator may see.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.collation import sorted_by_name
from app.extensions import db
from app.instruments.model import Instrument
from app.models import Facilitator, FacilitatorRole, Rating, Response, Round, Tambon, round_tambon
from app.models.base import utcnow
from app.models.people import ROLES, roles_from_text
from app.scoring import (
    DEFAULT_CAP,
    Answer,
    ExpectedLevels,
    LevelCounts,
    Pairing,
    Person,
    TrainingNeed,
    pair_learners,
    taught_elsewhere,
)
from app.scoring.facts import person_order


@dataclass(frozen=True, slots=True)
class RoundUnits:
    """The units (tambons) of a round a user may see and the instrument, without answers:
    what the pages that read the kept summaries need (see app.summaries.read)."""

    round_id: int
    instrument: Instrument
    tambons: dict[str, Tambon]
    limited: bool  # False: every tambon of the round (an admin), read without a list of ids

    @property
    def expected(self) -> ExpectedLevels:
        return self.instrument.expected_levels

    @property
    def item_order(self) -> tuple[str, ...]:
        return self.instrument.item_codes

    @property
    def tambon_ids(self) -> list[int] | None:
        """The ids of the units' tambons, None when they are all the round's."""
        return [t.id for t in self.tambons.values()] if self.limited else None


def load_round_units(round_: Round, tambon_ids: set[int] | None = None) -> RoundUnits:
    """The units of `round_`, limited to `tambon_ids` when given (None: every tambon)."""
    tambons = _round_tambons(round_.id, tambon_ids)
    instrument = round_.instrument_version.instrument
    return RoundUnits(round_.id, instrument, tambons, tambon_ids is not None)


@dataclass(frozen=True, slots=True)
class RoundFacts:
    """Who could answer a round, what they answered, and the instrument it used.

    Units are tambons, keyed by the tambon id as a string; `tambons` gives their rows.
    """

    round_id: int
    instrument: Instrument
    tambons: dict[str, Tambon]
    persons: tuple[Person, ...]
    answers: tuple[Answer, ...]
    notes: dict[tuple[int, str], str]
    submitted_at: dict[int, datetime]

    @property
    def expected(self) -> ExpectedLevels:
        return self.instrument.expected_levels

    @property
    def item_order(self) -> tuple[str, ...]:
        return self.instrument.item_codes

    def respondents(self, unit: str | None = None) -> set[int]:
        """The ids of the persons who answered, in one unit or in all."""
        return {a.person for a in self.answers if unit is None or a.unit == unit}


def unit_key(tambon_id: int) -> str:
    return str(tambon_id)


def load_round_facts(round_: Round, tambon_ids: set[int] | None = None) -> RoundFacts:
    """The facts of `round_`, limited to `tambon_ids` when given (None: every tambon).

    A respondent counts in the tambon, with the name and roles, they had when they answered
    (kept on the response); the others listed are today's roster of those tambons.
    """
    tambons = _round_tambons(round_.id, tambon_ids)
    rows = _ratings(round_.id, tambons)
    answers = tuple(
        Answer(fid, unit_key(tid), code, float(cur), float(tgt))
        for fid, tid, code, cur, tgt, _, _ in rows
    )
    notes = {(fid, code): note for fid, _, code, _, _, note, _ in rows if note}
    submitted = {fid: at for fid, _, _, _, _, _, at in rows}
    persons = _respondents(round_.id, tambons) + _waiting(round_, tambons)
    return RoundFacts(
        round_.id,
        round_.instrument_version.instrument,
        tambons,
        tuple(sorted(persons, key=person_order)),
        answers,
        notes,
        submitted,
    )


def _round_tambons(round_id: int, tambon_ids: set[int] | None) -> dict[str, Tambon]:
    query = select(Tambon).join(round_tambon).where(round_tambon.c.round_id == round_id)
    if tambon_ids is not None:
        query = query.where(Tambon.id.in_(tambon_ids))
    found = sorted_by_name(db.session.execute(query).scalars(), lambda t: t.name_th)
    return {unit_key(t.id): t for t in found}


def _respondents(round_id: int, tambons: dict[str, Tambon]) -> tuple[Person, ...]:
    """Everyone who answered, as they were when they answered."""
    query = select(
        Response.facilitator_id, Response.name, Response.tambon_id, Response.roles_text
    ).where(Response.round_id == round_id, Response.tambon_id.in_(_ids(tambons)))
    return tuple(
        Person(fid, name, unit_key(tid), frozenset(roles_from_text(roles)))
        for fid, name, tid, roles in db.session.execute(query)
    )


def _waiting(round_: Round, tambons: dict[str, Tambon]) -> tuple[Person, ...]:
    """The people of the tambons' rosters who have not answered the round.

    For a closed round: those kept when it closed (`Round.roster_at_close`), whatever
    happened to them since; for an open one, today's active roster.
    """
    if round_.roster_at_close is not None:
        return tuple(
            Person(p["id"], p["name"], unit_key(p["tambon_id"]), frozenset(p["roles"]))
            for p in round_.roster_at_close
            if unit_key(p["tambon_id"]) in tambons
        )
    return tuple(
        Person(fid, name, unit_key(tid), frozenset(roles))
        for fid, name, tid, roles in waiting_now(round_, _ids(tambons))
    )


def waiting_now(round_: Round, tambon_ids: list[int]) -> list[tuple[int, str, int, tuple]]:
    """(id, name, tambon id, roles) of the people of these tambons' rosters who have not
    answered the round, read from the roster now."""
    # NOT EXISTS by person, not NOT IN the round's responses: a tambon's page reads its own
    # people, not the 50,000 responses of a national round.
    answered = (
        select(Response.id)
        .where(Response.round_id == round_.id, Response.facilitator_id == Facilitator.id)
        .exists()
    )
    query = (
        select(Facilitator.id, Facilitator.name, Facilitator.tambon_id, FacilitatorRole.role)
        .outerjoin(FacilitatorRole)
        .where(Facilitator.tambon_id.in_(tambon_ids), ~answered)
        .where(on_roster_at(round_.closed_at))
    )
    found: dict[int, tuple[str, int, set[str]]] = {}
    for fid, name, tid, role in db.session.execute(query):
        found.setdefault(fid, (name, tid, set()))[2].update({role} - {None})
    return [
        (fid, name, tid, tuple(r for r in ROLES if r in roles))
        for fid, (name, tid, roles) in sorted(found.items())
    ]


def close_round(round_: Round) -> None:
    """Close `round_`: no more answers, and its roster kept as it is now."""
    round_.is_open, round_.closed_at = False, utcnow()
    tambon_ids = [t.id for t in round_.tambons]
    round_.roster_at_close = [
        {"id": fid, "name": name, "tambon_id": tid, "roles": list(roles)}
        for fid, name, tid, roles in waiting_now(round_, tambon_ids)
    ]


def reopen_round(round_: Round) -> None:
    """Open `round_` again: its roster is today's roster until it closes again."""
    round_.is_open, round_.closed_at, round_.roster_at_close = True, None, None


def on_roster_at(moment: datetime | None):
    """The condition "on the roster at `moment`" (None: now) for a query of facilitators."""
    if moment is None:
        return Facilitator.active
    return (Facilitator.created_at <= moment) & (
        Facilitator.active | (Facilitator.deactivated_at > moment)
    )


def _ids(tambons: dict[str, Tambon]) -> list[int]:
    return [t.id for t in tambons.values()]


def _ratings(round_id: int, tambons: dict[str, Tambon]) -> list[tuple]:
    query = (
        select(
            Response.facilitator_id,
            Response.tambon_id,
            Rating.item_code,
            Rating.current_level,
            Rating.target_level,
            Rating.note,
            Response.updated_at,
        )
        .join(Rating, Rating.response_id == Response.id)
        .where(Response.round_id == round_id)
        .where(Response.tambon_id.in_(_ids(tambons)))
        .order_by(Response.facilitator_id, Rating.position)
    )
    return list(db.session.execute(query))


def scope_pairing(facts: RoundFacts, tambon_ids: Iterable[int] | None) -> Pairing:
    """Who can learn from whom among the facts' people (the tambons `tambon_ids`, None: the
    whole round); a need that someone of the round's other tambons can meet is counted as
    taught elsewhere, without reading who they are."""
    pairing = pair_learners(facts.answers, facts.persons, facts.item_order, DEFAULT_CAP)
    if tambon_ids is None or not pairing.needs:
        return pairing
    return taught_elsewhere(pairing, levels_outside(facts.round_id, tambon_ids, pairing.needs))


def levels_outside(
    round_id: int, tambon_ids: Iterable[int], needs: Iterable[TrainingNeed]
) -> LevelCounts:
    """How many respondents of the round's other tambons (not `tambon_ids`) are at each
    current level of the items of `needs`, from the lowest target on: counts, no names."""
    needs = list(needs)
    items, lowest = {n.item for n in needs}, min(n.target for n in needs)
    query = (
        select(Rating.item_code, Rating.current_level, func.count())
        .join(Response, Rating.response_id == Response.id)
        .join(
            round_tambon,
            (round_tambon.c.round_id == Response.round_id)
            & (round_tambon.c.tambon_id == Response.tambon_id),
        )
        .where(Response.round_id == round_id, Response.tambon_id.not_in(list(tambon_ids)))
        .where(Rating.item_code.in_(items), Rating.current_level >= lowest)
        .group_by(Rating.item_code, Rating.current_level)
    )
    levels: dict[str, dict[float, int]] = {}
    for item, level, count in db.session.execute(query):
        levels.setdefault(item, {})[float(level)] = count
    return levels

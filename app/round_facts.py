"""A round's answers as the plain facts the scoring works on, read in one query.

The dashboard and the exports both start here, so they count the same people and the
same answers. `tambon_ids` limits everything to the tambons a coordinator may see.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.extensions import db
from app.instruments.model import Instrument
from app.models import Facilitator, FacilitatorRole, Rating, Response, Round, Tambon, round_tambon
from app.scoring import Answer, ExpectedLevels, Person


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
        return {item.code: dict(item.expected) for item in self.instrument.items}

    @property
    def item_order(self) -> tuple[str, ...]:
        return self.instrument.item_codes

    def respondents(self, unit: str | None = None) -> set[int]:
        """The ids of the persons who answered, in one unit or in all."""
        return {a.person for a in self.answers if unit is None or a.unit == unit}


def unit_key(tambon_id: int) -> str:
    return str(tambon_id)


def load_round_facts(round_: Round, tambon_ids: set[int] | None = None) -> RoundFacts:
    """The facts of `round_`, limited to `tambon_ids` when given (None: every tambon)."""
    tambons = _round_tambons(round_.id, tambon_ids)
    persons = _persons(tambons)
    rows = _ratings(round_.id, tambons)
    answers = tuple(
        Answer(fid, unit_key(tid), code, float(cur), float(tgt))
        for fid, tid, code, cur, tgt, _, _ in rows
    )
    notes = {(fid, code): note for fid, _, code, _, _, note, _ in rows if note}
    submitted = {fid: at for fid, _, _, _, _, _, at in rows}
    return RoundFacts(
        round_.id, round_.instrument_version.instrument, tambons, persons, answers, notes, submitted
    )


def _round_tambons(round_id: int, tambon_ids: set[int] | None) -> dict[str, Tambon]:
    query = select(Tambon).join(round_tambon).where(round_tambon.c.round_id == round_id)
    if tambon_ids is not None:
        query = query.where(Tambon.id.in_(tambon_ids))
    return {unit_key(t.id): t for t in db.session.execute(query.order_by(Tambon.name_th)).scalars()}


def _persons(tambons: dict[str, Tambon]) -> tuple[Person, ...]:
    """Everyone on the roster of the round's tambons, with their roles."""
    query = (
        select(Facilitator.id, Facilitator.name, Facilitator.tambon_id, FacilitatorRole.role)
        .outerjoin(FacilitatorRole)
        .where(Facilitator.tambon_id.in_([t.id for t in tambons.values()]))
    )
    found: dict[int, tuple[str, int, set[str]]] = {}
    for fid, name, tid, role in db.session.execute(query):
        found.setdefault(fid, (name, tid, set()))[2].update({role} - {None})
    return tuple(
        Person(fid, name, unit_key(tid), frozenset(roles))
        for fid, (name, tid, roles) in sorted(found.items(), key=lambda kv: (kv[1][0], kv[0]))
    )


def _ratings(round_id: int, tambons: dict[str, Tambon]) -> list[tuple]:
    query = (
        select(
            Facilitator.id,
            Facilitator.tambon_id,
            Rating.item_code,
            Rating.current_level,
            Rating.target_level,
            Rating.note,
            Response.updated_at,
        )
        .join(Response, Response.facilitator_id == Facilitator.id)
        .join(Rating, Rating.response_id == Response.id)
        .where(Response.round_id == round_id)
        .where(Facilitator.tambon_id.in_([t.id for t in tambons.values()]))
        .order_by(Facilitator.id, Rating.position)
    )
    return list(db.session.execute(query))

"""A round's roster as facilitators see it: the people of the round's tambons, by tambon."""

from dataclasses import dataclass

from flask import abort
from sqlalchemy import select

from app.assess.guessing import find_round_or_refuse
from app.collation import sorted_by_name
from app.extensions import db
from app.models import Facilitator, Response, Round, Tambon
from app.names import identity_key, search_key


@dataclass(frozen=True)
class TambonRoster:
    tambon: Tambon
    people: list[Facilitator]


def round_or_404(code: str, known: int | None = None) -> Round:
    """The round of `code`; 404 when none (a miss is counted), 429 while guessing (never
    for a round this browser opened before, or the round `known` to the request)."""
    round_ = find_round_or_refuse(code, known)
    if round_ is None:
        abort(404)
    return round_


def tambons_of(round_: Round, lang: str) -> list[Tambon]:
    return sorted_by_name(round_.tambons, lambda t: t.name_in(lang), lang)


def tambon_rosters(round_: Round, lang: str, search: str = "") -> list[TambonRoster]:
    """Each tambon of the round with its active facilitators, in dictionary order; only
    those whose name holds `search` (compared as the identity rule does) when given."""
    tambons = tambons_of(round_, lang)
    query = select(Facilitator).where(
        Facilitator.tambon_id.in_([t.id for t in tambons]), Facilitator.active
    )
    key = search_key(search)
    people = [p for p in db.session.execute(query).scalars() if key in p.name_key]
    people = sorted_by_name(people, lambda p: p.name, lang)
    return [TambonRoster(t, [p for p in people if p.tambon_id == t.id]) for t in tambons]


def answered_ids(round_: Round) -> set[int]:
    """The ids of the facilitators who have a response in the round."""
    query = select(Response.facilitator_id).filter_by(round_id=round_.id)
    return set(db.session.execute(query).scalars())


def member_or_404(round_: Round, facilitator_id: int) -> Facilitator:
    """An active facilitator of one of the round's tambons; anyone else is not on this roster."""
    person = db.session.get(Facilitator, facilitator_id)
    if person is None or person.tambon_id not in {t.id for t in round_.tambons}:
        abort(404)
    if not person.active:
        abort(404)
    return person


def response_of(round_: Round, person: Facilitator) -> Response | None:
    query = select(Response).filter_by(round_id=round_.id, facilitator_id=person.id)
    return db.session.execute(query).scalar_one_or_none()


def look_alikes(round_: Round, name: str, lang: str) -> list[Facilitator]:
    """The people on the round's rosters whose name is likely the same as `name` (the
    identity rule: titles, case, spaces and invisible characters ignored)."""
    query = select(Facilitator).where(
        Facilitator.tambon_id.in_([t.id for t in round_.tambons]),
        Facilitator.name_key == identity_key(name),
        Facilitator.active,
    )
    return sorted_by_name(db.session.execute(query).scalars(), lambda p: p.name, lang)

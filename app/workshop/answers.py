"""`workshop export`: what was answered in a round on this machine, to carry to the server.

Each response with the person as they answered, its current ratings and every revision with
its submission id and time; the people of the round's tambons who answered or were added
here at the workshop (after the round was unpacked).
"""

from sqlalchemy import or_, select

from app.extensions import db
from app.models import Facilitator, Response, Round
from app.workshop.places import place_of


def export_answers(round_: Round) -> dict:
    """The content of an answers file for `round_`."""
    responses = list(
        db.session.execute(
            select(Response).filter_by(round_id=round_.id).order_by(Response.id)
        ).scalars()
    )
    people = _people(round_, {r.facilitator_id for r in responses})
    places = _Places()
    person_index = {p.id: i for i, p in enumerate(people)}
    return {
        "round": {
            "join_code": round_.join_code,
            "name": round_.name,
            "content_hash": round_.instrument_version.content_hash,
        },
        "people": [_person(p, places, p.created_at > round_.created_at) for p in people],
        "responses": [_response(r, person_index, places) for r in responses],
        "places": places.listed,
    }


def _people(round_: Round, answered: set[int]) -> list[Facilitator]:
    tambon_ids = [t.id for t in round_.tambons]
    added_here = Facilitator.tambon_id.in_(tambon_ids) & (
        Facilitator.created_at > round_.created_at
    )
    query = select(Facilitator).where(or_(Facilitator.id.in_(answered), added_here))
    return list(db.session.execute(query.order_by(Facilitator.id)).scalars())


class _Places:
    """The tambons a file names, each listed once; people and responses point to them."""

    def __init__(self):
        self.listed, self._index = [], {}

    def of(self, tambon) -> int:
        if tambon.id not in self._index:
            self._index[tambon.id] = len(self.listed)
            self.listed.append(place_of(tambon))
        return self._index[tambon.id]


def _person(person: Facilitator, places: _Places, added: bool) -> dict:
    return {
        "name": person.name,
        "place": places.of(person.tambon),
        "roles": list(person.roles),
        "agency": person.agency or "",
        "team": person.team,
        "created_at": person.created_at,
        "added_here": added,
        "origin_id": person.origin_id,  # their id on the server, when unpacked from it
    }


def _response(response: Response, person_index: dict, places: _Places) -> dict:
    return {
        "person": person_index[response.facilitator_id],
        "as_they_were": {
            "name": response.name,
            "place": places.of(response.tambon),
            "roles": list(response.roles),
            "agency": response.agency,
            "team": response.team,
        },
        "token_hash": response.token_hash,
        "submitted_at": response.submitted_at,
        "updated_at": response.updated_at,
        "ratings": [
            {
                "item": r.item_code,
                "current": r.current_level,
                "target": r.target_level,
                "note": r.note,
            }
            for r in response.ratings
        ],
        "revisions": [
            {
                "revision": v.revision,
                "submission_id": v.submission_id,
                "submitted_at": v.submitted_at,
                "ratings": v.ratings,
            }
            for v in response.history
        ],
    }

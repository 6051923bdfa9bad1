"""People in a workshop file, and finding them again by the identity rule: same tambon, same
`identity_key` (titles, case and spacing ignored)."""

from datetime import datetime

from sqlalchemy import select

from app.extensions import db
from app.facilitators.changes import Actor, fields_of, record_change
from app.models import Facilitator
from app.names import clean_name, identity_key, is_name
from app.workshop.files import WorkshopFileError

NAME_MAX_LENGTH = 200


def person_of(person: Facilitator, place: int) -> dict:
    """A facilitator as a workshop file names them; `place`: their tambon's index in the file."""
    return {
        "name": person.name,
        "place": place,
        "roles": list(person.roles),
        "agency": person.agency or "",
        "team": person.team,
        "created_at": person.created_at,
    }


def find_person(tambon_id: int, name: str) -> Facilitator | None:
    """The person of this tambon with the same identity key, the active one first."""
    query = (
        select(Facilitator)
        .filter_by(tambon_id=tambon_id, name_key=identity_key(name))
        .order_by(Facilitator.active.desc(), Facilitator.id)
    )
    return db.session.execute(query.limit(1)).scalar_one_or_none()


def add_person(record: dict, tambon_id: int, actor: Actor) -> Facilitator:
    """Add the person a file names to the roster, with the change logged as an "add"."""
    name = clean_name(str(record["name"]))
    if not is_name(name) or len(name) > NAME_MAX_LENGTH:
        raise WorkshopFileError(f"a person's name is empty or too long: {name[:40]!r}")
    person = Facilitator(
        name=name,
        tambon_id=tambon_id,
        agency=record.get("agency") or "",
        team=record.get("team"),
    )
    person.roles = record.get("roles") or ()
    if record.get("created_at"):
        person.created_at = datetime.fromisoformat(record["created_at"])
    db.session.add(person)
    db.session.flush()
    record_change(person.id, actor, "add", None, fields_of(person))
    return person


def find_or_add(record: dict, tambon_id: int, actor: Actor) -> tuple[Facilitator, bool]:
    """The person a file names on this roster, and whether they were added just now."""
    person = find_person(tambon_id, record["name"])
    if person is not None:
        return person, False
    return add_person(record, tambon_id, actor), True

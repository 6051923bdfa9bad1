"""People in a workshop file, and finding them again by the identity rule: same tambon, same
`identity_key` (titles, case and spacing ignored)."""

from datetime import datetime
from types import SimpleNamespace

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.extensions import db
from app.facilitators.changes import Actor, fields_of, record_change
from app.instruments.model import ROLES
from app.models import Facilitator
from app.models.base import utcnow
from app.models.people import TEAMS
from app.names import clean_name, identity_key, is_name
from app.workshop.files import WorkshopFileError, is_integer

NAME_MAX_LENGTH = 200
AGENCY_MAX_LENGTH = 100  # as the roster import allows
UNPACK = Actor("workshop unpack", None, None)


def person_of(person: Facilitator, place: int) -> dict:
    """A facilitator as a workshop file names them; `place`: their tambon's index in the file."""
    return {
        "name": person.name,
        "place": place,
        "roles": list(person.roles),
        "agency": person.agency or "",
        "team": person.team,
        "created_at": person.created_at,
        "id": person.id,  # kept on the laptop (origin_id), to find them again on import
    }


def find_person(tambon_id: int, name: str) -> Facilitator | None:
    """The person of this tambon with the same identity key, the active one first."""
    query = (
        select(Facilitator)
        .filter_by(tambon_id=tambon_id, name_key=identity_key(name))
        .order_by(Facilitator.active.desc(), Facilitator.id)
    )
    return db.session.execute(query.limit(1)).scalar_one_or_none()


def checked(record: dict) -> SimpleNamespace:
    """A person's fields from a file, under the roster's rules (a name, an agency that fits,
    a known team and roles); WorkshopFileError naming what does not fit."""
    name = clean_name(str(record["name"]))
    if not is_name(name):
        raise WorkshopFileError(
            _l(
                "a person's name “%(name)s” is no name (it needs a letter, and more than a title)",
                name=name[:40],
            )
        )
    if len(name) > NAME_MAX_LENGTH:
        raise WorkshopFileError(
            _l(
                "a person's name is longer than %(max)d characters: %(name)s…",
                max=NAME_MAX_LENGTH,
                name=name[:40],
            )
        )
    agency = clean_name(str(record.get("agency") or ""))
    if len(agency) > AGENCY_MAX_LENGTH:
        raise WorkshopFileError(
            _l("%(name)s: agency longer than %(max)d characters", name=name, max=AGENCY_MAX_LENGTH)
        )
    team = record.get("team") or None
    if team not in (None, *TEAMS):
        raise WorkshopFileError(_l("%(name)s: unknown team %(team)s", name=name, team=str(team)))
    roles = tuple(record.get("roles") or ())
    if not set(roles) <= set(ROLES):
        raise WorkshopFileError(_l("%(name)s: unknown role", name=name))
    return SimpleNamespace(name=name, agency=agency, team=team, roles=roles)


def add_person(record: dict, tambon_id: int, actor: Actor) -> Facilitator:
    """Add the person a file names to the roster, with the change logged as an "add"."""
    fields = checked(record)
    person = Facilitator(
        name=fields.name, tambon_id=tambon_id, agency=fields.agency, team=fields.team
    )
    person.roles = fields.roles
    if record.get("created_at"):
        person.created_at = min(datetime.fromisoformat(record["created_at"]), utcnow())
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


def unpacked(record: dict, tambon_id: int) -> tuple[Facilitator, bool]:
    """On the laptop: the server's person `record` names, found or added, remembering their
    id on the server."""
    person, added = find_or_add(record, tambon_id, UNPACK)
    if person.origin_id is None and is_integer(record.get("id")):
        person.origin_id = record["id"]
    return person, added


def imported(record: dict, tambon_ids: set[int], tambon_id: int, actor: Actor):
    """On the server: the person an answers file names. First by the id the laptop kept
    (the same person, even if renamed here since), else by the identity rule, else added."""
    person = _by_origin(record, tambon_ids)
    if person is not None:
        return person, False
    return find_or_add(record, tambon_id, actor)


def _by_origin(record: dict, tambon_ids: set[int]) -> Facilitator | None:
    origin = record.get("origin_id")
    if not is_integer(origin):
        return None
    person = db.session.get(Facilitator, origin)
    # The same person: made at the same moment (an id freed by a deletion and used again is
    # someone else), still on a roster of the round.
    if person is None or not person.active or person.tambon_id not in tambon_ids:
        return None
    made = record.get("created_at")
    return person if made and person.created_at == datetime.fromisoformat(made) else None

"""The rules of changing a person, used by the pages and the command line alike.

Each function checks, changes and logs (FacilitatorChange); the caller commits. A refusal
raises `Refused` with a message in the current language, and nothing has been changed.
A person's past responses are never touched here: they keep the person as they answered.
"""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select

from app.extensions import db
from app.facilitators.changes import Actor, difference, fields_of, record_change
from app.models import ROLES, TEAMS, Facilitator, Response, Round, Tambon
from app.models.base import utcnow
from app.names import clean_name, identity_key, is_name
from app.ratings import new_token, token_hash

NAME_MAX = 200
AGENCY_MAX = 100


class Refused(ValueError):
    """A change that breaks a rule; `status` is the HTTP status a page answers with."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message, self.status = message, status


class NotVisible(Refused):
    """A person or tambon the actor may not see: "not found", so ids cannot be probed."""

    def __init__(self, message: str = ""):
        super().__init__(message or _("No such facilitator."), 404)


@dataclass(frozen=True, slots=True)
class Details:
    """What an edit sets: every field of the person."""

    name: str
    tambon_id: int
    roles: tuple[str, ...]
    agency: str
    team: str | None


def person_for(person_id: int, actor: Actor) -> Facilitator:
    """The person with this id, if the actor may see them; NotVisible otherwise."""
    person = db.session.get(Facilitator, person_id)
    if person is None or not actor.may_touch(person.tambon_id):
        raise NotVisible()
    return person


def answered_count(person_id: int) -> int:
    query = select(func.count(Response.id)).where(Response.facilitator_id == person_id)
    return db.session.execute(query).scalar_one()


def likely_duplicate(name: str, tambon_id: int, other_than: int | None) -> Facilitator | None:
    """Another person of the tambon whose name is likely the same person's."""
    query = select(Facilitator).where(
        Facilitator.tambon_id == tambon_id, Facilitator.name_key == identity_key(name)
    )
    if other_than is not None:
        query = query.where(Facilitator.id != other_than)
    return db.session.execute(query.limit(1)).scalar_one_or_none()


def checked_name(text: str) -> str:
    """The name as stored, or Refused: it needs a visible letter and at most 200 characters."""
    name = clean_name(text)
    if not is_name(name):
        raise Refused(_("Write the name with at least one letter."))
    if len(name) > NAME_MAX:
        raise Refused(_("A name has at most %(max)d characters.", max=NAME_MAX))
    return name


def _checked(details: Details, person: Facilitator, actor: Actor) -> Details:
    name = checked_name(details.name)
    tambon = db.session.get(Tambon, details.tambon_id)
    if tambon is None or not actor.may_touch(tambon.id):
        raise Refused(_("Choose one of your tambons."))
    roles = tuple(r for r in ROLES if r in set(details.roles))
    if not roles or set(details.roles) - set(ROLES):
        raise Refused(_("Choose one or more roles."))
    if details.team not in (*TEAMS, None):
        raise Refused(_("The team is u, v or none."))
    agency = clean_name(details.agency)
    if len(agency) > AGENCY_MAX:
        raise Refused(_("An agency has at most %(max)d characters.", max=AGENCY_MAX))
    # Only a new name or a new tambon can make a look-alike; one made elsewhere (the import's
    # "new") must not stop every other change to either person.
    moved = (identity_key(name), tambon.id) != (person.name_key, person.tambon_id)
    twin = likely_duplicate(name, tambon.id, person.id) if moved else None
    if twin is not None:
        raise Refused(
            _(
                "“%(name)s” (no. %(id)d) in this tambon is likely the same person: "
                "merge the two records instead.",
                name=twin.name,
                id=twin.id,
            )
        )
    return Details(name, tambon.id, roles, agency, details.team)


def edit(person: Facilitator, details: Details, actor: Actor) -> bool:
    """Set the person's details; logs the changed fields. False when nothing changed."""
    if not actor.may_touch(person.tambon_id):
        raise NotVisible()
    details = _checked(details, person, actor)
    before = fields_of(person)
    person.name, person.tambon_id, person.roles = details.name, details.tambon_id, details.roles
    person.agency, person.team = details.agency, details.team
    old, new = difference(before, fields_of(person))
    if not new:
        return False
    record_change(person.id, actor, "edit", old, new)
    return True


def set_active(person: Facilitator, active: bool, actor: Actor) -> bool:
    """Deactivate (off every roster from now on) or reactivate; False when already so."""
    if person.active == active:
        return False
    person.active = active
    person.deactivated_at = None if active else utcnow()
    action = "reactivate" if active else "deactivate"
    record_change(person.id, actor, action, {"active": not active}, {"active": active})
    return True


def delete(person: Facilitator, actor: Actor) -> None:
    """Delete a person who never answered; Refused (409) for anyone who did."""
    if answered_count(person.id):
        raise Refused(
            _("%(name)s has answered a round: deactivate them instead.", name=person.name), 409
        )
    record_change(None, actor, "delete", fields_of(person) | {"id": person.id}, None)
    db.session.delete(person)


def new_link(person: Facilitator, round_: Round, actor: Actor) -> tuple[Response, str]:
    """A new personal link for the person's response in an open round; the old one stops
    working at once. Returns the response and the new token (shown once, never stored)."""
    query = select(Response).filter_by(facilitator_id=person.id, round_id=round_.id)
    response = db.session.execute(query).scalar_one_or_none()
    if response is None:
        raise Refused(_("%(name)s has not answered this round.", name=person.name), 404)
    if not round_.is_open:
        raise Refused(_("The round is closed: its links cannot be replaced."), 409)
    token = new_token()
    response.token_hash = token_hash(token)
    record_change(person.id, actor, "new_link", None, {"round_id": round_.id, "round": round_.name})
    return response, token

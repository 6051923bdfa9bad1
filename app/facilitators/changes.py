"""The change log of a person (FacilitatorChange): who changed what, when, before and after.

Plain data in, plain data out: the pages and the command line read the same words.
"""

from dataclasses import dataclass

from sqlalchemy import select

from app.extensions import db
from app.models import Coordinator, Facilitator, FacilitatorChange

COMMAND_LINE = "command line"
# The fields of a person that a change may touch, in the order they are shown.
FIELDS = ("name", "tambon_id", "roles", "agency", "team", "active")


@dataclass(frozen=True, slots=True)
class Actor:
    """Who makes a change, and which tambons they may touch (None: every tambon)."""

    by: str
    coordinator_id: int | None
    scope: frozenset[int] | None

    def may_touch(self, tambon_id: int) -> bool:
        return self.scope is None or tambon_id in self.scope


def actor_for(user: Coordinator, scope: set[int] | None) -> Actor:
    """The signed-in account as an actor, with the tambons it sees."""
    return Actor(user.username, user.id, None if scope is None else frozenset(scope))


def command_line() -> Actor:
    """The command line: admin scope."""
    return Actor(COMMAND_LINE, None, None)


def fields_of(person: Facilitator) -> dict:
    """The person's fields as stored in a change: plain JSON values."""
    return {
        "name": person.name,
        "tambon_id": person.tambon_id,
        "roles": list(person.roles),
        "agency": person.agency or "",
        "team": person.team,
        "active": bool(person.active),
    }


def difference(before: dict, after: dict) -> tuple[dict, dict]:
    """Only the fields that changed, before and after."""
    changed = [key for key in after if before.get(key) != after[key]]
    return {k: before.get(k) for k in changed}, {k: after[k] for k in changed}


def record_change(
    person_id: int | None, actor: Actor, action: str, before: dict | None, after: dict | None
) -> FacilitatorChange:
    """Add one change to the log (the caller commits)."""
    change = FacilitatorChange(
        facilitator_id=person_id,
        coordinator_id=actor.coordinator_id,
        by=actor.by,
        action=action,
        before=before,
        after=after,
    )
    db.session.add(change)
    return change


def history(person_id: int) -> list[FacilitatorChange]:
    """The changes to a person, newest first."""
    query = (
        select(FacilitatorChange)
        .where(FacilitatorChange.facilitator_id == person_id)
        .order_by(FacilitatorChange.at.desc(), FacilitatorChange.id.desc())
    )
    return list(db.session.execute(query).scalars())

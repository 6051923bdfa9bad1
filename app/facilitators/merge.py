"""Merging two records of one person: the responses of one move to the other, nothing lost.

Where both records answered the same round, the coordinator chooses which response counts;
the other is written whole (its snapshot, ratings and every revision) into the merge's
change row, then removed. The snapshot on each response is never changed, so every figure
and export of a round stays as it was.
"""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select, update

from app.extensions import db
from app.facilitators.changes import Actor, fields_of, record_change
from app.facilitators.manage import NotVisible, Refused
from app.models import Facilitator, FacilitatorChange, Response, Round

KEPT, OTHER = "kept", "other"


@dataclass(frozen=True, slots=True)
class SharedRound:
    """A round both records answered: the coordinator picks which response counts."""

    round: Round
    kept: Response
    other: Response


def responses_of(person_id: int) -> list[Response]:
    """A person's responses, the newest round first."""
    query = (
        select(Response)
        .join(Round)
        .where(Response.facilitator_id == person_id)
        .order_by(Round.held_on.desc(), Round.id.desc())
    )
    return list(db.session.execute(query).scalars())


def shared_rounds(kept: Facilitator, other: Facilitator) -> list[SharedRound]:
    """The rounds both answered, newest first."""
    theirs = {r.round_id: r for r in responses_of(other.id)}
    return [
        SharedRound(mine.round, mine, theirs[mine.round_id])
        for mine in responses_of(kept.id)
        if mine.round_id in theirs
    ]


def check_pair(kept: Facilitator, other: Facilitator, actor: Actor) -> None:
    """Refused unless these are two records the actor may both see, whose answers were all
    given in tambons the actor looks after (a merge may set one aside)."""
    if not (actor.may_touch(kept.tambon_id) and actor.may_touch(other.tambon_id)):
        raise NotVisible()
    if kept.id == other.id:
        raise Refused(_("Choose another record: a person cannot be merged with themselves."))
    answered_in = {r.tambon_id for p in (kept, other) for r in responses_of(p.id)}
    if not all(actor.may_touch(tambon_id) for tambon_id in answered_in):
        raise Refused(_("One of these records answered a round in a tambon you do not look "
                        "after: ask an admin to merge them."))  # fmt: skip


def merge(kept: Facilitator, other: Facilitator, choices: dict[int, str], actor: Actor) -> dict:
    """Move `other`'s responses and history to `kept`, then remove `other` (caller commits).

    `choices`: round id -> KEPT or OTHER, for every round both answered. Returns the merge
    change's `before` (the other record and the responses set aside).
    """
    check_pair(kept, other, actor)
    shared = shared_rounds(kept, other)
    missing = [s.round.name for s in shared if choices.get(s.round.id) not in (KEPT, OTHER)]
    if missing:
        raise Refused(_("Choose which answers count in: %(rounds)s", rounds=", ".join(missing)))
    set_aside = [s.other if choices[s.round.id] == KEPT else s.kept for s in shared]
    before = {"other": fields_of(other) | _record_facts(other), "set_aside": []}
    for response in set_aside:
        before["set_aside"].append(response_whole(response))
        db.session.delete(response)
    db.session.flush()  # free each (round, person) pair before a response moves into it
    moved = _move_responses(other, kept)
    _move_history(other, kept)
    after = {"merged_id": other.id, "moved_rounds": moved}
    record_change(kept.id, actor, "merge", before, after)
    db.session.delete(other)
    db.session.flush()
    return before


def _record_facts(person: Facilitator) -> dict:
    return {"id": person.id, "created_at": _moment(person.created_at)}


def _move_responses(other: Facilitator, kept: Facilitator) -> list[int]:
    """Point the other record's responses at the kept one; the snapshot stays as it is."""
    responses = responses_of(other.id)
    for response in responses:
        response.facilitator_id = kept.id
    db.session.flush()
    return [r.round_id for r in responses]


def _move_history(other: Facilitator, kept: Facilitator) -> None:
    db.session.execute(
        update(FacilitatorChange)
        .where(FacilitatorChange.facilitator_id == other.id)
        .values(facilitator_id=kept.id)
    )


def _moment(value) -> str | None:
    return value.isoformat() if value is not None else None


def response_whole(response: Response) -> dict:
    """Everything a response holds, as JSON: kept in the log when the response is removed."""
    return {
        "response_id": response.id,
        "round_id": response.round_id,
        "round_name": response.round.name,
        "facilitator_id": response.facilitator_id,
        "token_hash": response.token_hash,
        "revision": response.revision,
        "submitted_at": _moment(response.submitted_at),
        "updated_at": _moment(response.updated_at),
        "name": response.name,
        "tambon_id": response.tambon_id,
        "roles": response.roles_text,
        "agency": response.agency,
        "team": response.team,
        "ratings": [_rating(r) for r in response.ratings],
        "revisions": [_revision(h) for h in response.history],
    }


def _rating(rating) -> dict:
    return {
        "item_code": rating.item_code,
        "position": rating.position,
        "current_level": rating.current_level,
        "target_level": rating.target_level,
        "note": rating.note,
    }


def _revision(revision) -> dict:
    return {
        "revision": revision.revision,
        "submission_id": revision.submission_id,
        "ratings": revision.ratings,
        "submitted_at": _moment(revision.submitted_at),
    }

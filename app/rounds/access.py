"""Which rounds a coordinator may see and manage: the one rule every round page follows.

A coordinator sees a round when it includes a tambon assigned to them, and within it
only those tambons; they manage it (edit, delete, close, reopen) when every tambon of the
round is theirs. An admin does both everywhere. A round the user may not see is "not found", so
round ids cannot be probed.
"""

from dataclasses import dataclass

from flask import abort
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.auth.access import visible_tambon_ids
from app.extensions import db
from app.models import Coordinator, Response, Round, round_tambon


@dataclass(frozen=True, slots=True)
class RoundListing:
    """A round as its list shows it: counts cover only the tambons the user may see."""

    round: Round
    tambons: int
    answers: int


def visible_rounds(user: Coordinator) -> list[Round]:
    """The rounds `user` may see, newest first."""
    query = select(Round).order_by(Round.held_on.desc(), Round.id.desc())
    visible = visible_tambon_ids(user)
    if visible is not None:
        theirs = select(round_tambon.c.round_id).where(round_tambon.c.tambon_id.in_(visible))
        query = query.where(Round.id.in_(theirs))
    return list(db.session.execute(query.options(selectinload(Round.instrument_version))).scalars())


def round_listings(user: Coordinator) -> list[RoundListing]:
    """Every visible round with its visible tambons and answers counted, in three queries."""
    rounds = visible_rounds(user)
    visible = visible_tambon_ids(user)
    tambons = _count_by_round(
        select(round_tambon.c.round_id, func.count()).group_by(round_tambon.c.round_id),
        round_tambon.c.tambon_id,
        visible,
    )
    # Counted by the tambon each person answered for, not the one they are in today.
    answers = _count_by_round(
        select(Response.round_id, func.count()).group_by(Response.round_id),
        Response.tambon_id,
        visible,
    )
    return [RoundListing(r, tambons.get(r.id, 0), answers.get(r.id, 0)) for r in rounds]


def _count_by_round(query, tambon_column, visible: set[int] | None) -> dict[int, int]:
    if visible is not None:
        query = query.where(tambon_column.in_(visible))
    return dict(db.session.execute(query).all())


def can_see_round(user: Coordinator, round_: Round) -> bool:
    visible = visible_tambon_ids(user)
    return visible is None or any(t.id in visible for t in round_.tambons)


def can_manage_round(user: Coordinator, round_: Round) -> bool:
    visible = visible_tambon_ids(user)
    return visible is None or all(t.id in visible for t in round_.tambons)


def round_for(round_id: int, manage: bool = False) -> Round:
    """The round the signed-in user asked for: 404 when they may not see it, 403 when they see
    it but may not manage it."""
    round_ = db.session.get(Round, round_id)
    if round_ is None or not can_see_round(current_user, round_):
        abort(404)
    if manage and not can_manage_round(current_user, round_):
        abort(403)
    return round_

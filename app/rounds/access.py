"""Which rounds a coordinator may see and manage.

A coordinator sees a round when it includes a tambon assigned to them, and manages
(closes, reopens) it when every tambon of the round is theirs. An admin does both.
"""

from flask import abort
from flask_login import current_user
from sqlalchemy import select

from app.auth.access import visible_tambon_ids
from app.extensions import db
from app.models import Coordinator, Round, round_tambon


def visible_rounds(user: Coordinator) -> list[Round]:
    """The rounds `user` may see, newest first."""
    query = select(Round).order_by(Round.held_on.desc(), Round.id.desc())
    visible = visible_tambon_ids(user)
    if visible is not None:
        theirs = select(round_tambon.c.round_id).where(round_tambon.c.tambon_id.in_(visible))
        query = query.where(Round.id.in_(theirs))
    return list(db.session.execute(query).scalars())


def can_see_round(user: Coordinator, round_: Round) -> bool:
    visible = visible_tambon_ids(user)
    return visible is None or any(t.id in visible for t in round_.tambons)


def can_manage_round(user: Coordinator, round_: Round) -> bool:
    visible = visible_tambon_ids(user)
    return visible is None or all(t.id in visible for t in round_.tambons)


def round_for(round_id: int, manage: bool = False) -> Round:
    """The round the signed-in user asked for: 404 when there is none, 403 when not theirs."""
    round_ = db.session.get(Round, round_id)
    if round_ is None:
        abort(404)
    allowed = can_manage_round if manage else can_see_round
    if not allowed(current_user, round_):
        abort(403)
    return round_

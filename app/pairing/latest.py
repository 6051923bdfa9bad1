"""The pairing a page shows: the kept one when fresh, else computed now or in the background."""

from dataclasses import dataclass

from flask import current_app
from sqlalchemy.exc import IntegrityError

from app.dashboard.scope import Scope
from app.extensions import db
from app.models import PairingResult

from . import jobs, store


@dataclass(frozen=True)
class Latest:
    """The kept result (None: none yet) and whether the round has changed since (a job is
    recomputing it)."""

    result: PairingResult | None
    stale: bool = False


def latest(scope: Scope) -> Latest:
    """The scope's pairing, fresh when it can be computed in the request; otherwise as last
    kept, with a job deferred to recompute it when the round has moved on."""
    kept = store.stored(scope.round.id, store.scope_key(scope.tambon_ids))
    if kept is not None and kept.revision == scope.round.revision:
        return Latest(kept)
    if in_request(scope):
        return Latest(compute_now(scope))
    jobs.defer(current_app, scope.round.id, scope.tambon_ids)
    return Latest(kept, stale=True)


def in_request(scope: Scope) -> bool:
    """Without a worker, or for a scope small enough to pair within the request."""
    config = current_app.config
    if not config["PAIRING_IN_BACKGROUND"]:
        return True
    return store.respondents(scope.round.id, scope.tambon_ids) <= config["PAIRING_IN_REQUEST_UP_TO"]


def compute_now(scope: Scope) -> PairingResult:
    """Compute and keep the scope's pairing in this request."""
    round_id, key = scope.round.id, store.scope_key(scope.tambon_ids)
    try:
        store.compute(scope.round, scope.tambon_ids)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()  # another request kept this scope's first result meanwhile
    return store.stored(round_id, key)

"""The dashboard's use of the one access rule (app/rounds/access.py): a tambon of a round.

Every computation runs on the visible facts; a tambon the user may not see in the round is
"not found" (404), like a round they may not see.
"""

from flask import abort

from app.extensions import db
from app.models import Tambon
from app.round_facts import RoundFacts, load_round_facts
from app.rounds.access import Scope, round_scope

__all__ = ["Scope", "round_scope", "tambon_facts", "visible_tambon"]


def visible_tambon(scope: Scope, tambon_id: int) -> Tambon:
    """Tambon `tambon_id` when the user may see it in this round; 404 otherwise."""
    if not scope.sees(tambon_id):
        abort(404)
    return db.session.get(Tambon, tambon_id)


def tambon_facts(scope: Scope, tambon_id: int) -> RoundFacts:
    """The facts of one visible tambon of the round (404 when not visible)."""
    visible_tambon(scope, tambon_id)
    return load_round_facts(scope.round, {tambon_id})

"""What the signed-in user may see of a round: the one permission rule of every view.

An admin sees every tambon of every round. A coordinator sees a round only when it
includes at least one of their tambons, and within it only those tambons: their
facilitators, answers and names. Anything else is "not found" (404), never "forbidden",
so round and tambon ids cannot be probed. Every computation runs on the visible facts.
"""

from dataclasses import dataclass

from flask import abort
from flask_login import current_user
from sqlalchemy import select

from app.auth.access import visible_tambon_ids
from app.extensions import db
from app.models import Round, Tambon, round_tambon
from app.round_facts import RoundFacts, RoundUnits, load_round_facts, load_round_units
from app.security import MAX_ID


@dataclass(frozen=True)
class Scope:
    """A round and the ids of its tambons the user may see (None: all of them, admin)."""

    round: Round
    tambon_ids: frozenset[int] | None

    def facts(self) -> RoundFacts:
        """The round's facts limited to the visible tambons."""
        return load_round_facts(
            self.round, None if self.tambon_ids is None else set(self.tambon_ids)
        )

    def units(self) -> RoundUnits:
        """The round's visible tambons and instrument, without reading any answer."""
        return load_round_units(
            self.round, None if self.tambon_ids is None else set(self.tambon_ids)
        )

    def units_of(self, tambon_id: int) -> RoundUnits:
        """One visible tambon of the round as the units (check it is visible first)."""
        return load_round_units(self.round, {tambon_id})

    def tambons(self) -> list[Tambon]:
        """The visible tambons of the round."""
        query = select(Tambon).join(round_tambon).where(round_tambon.c.round_id == self.round.id)
        if self.tambon_ids is not None:
            query = query.where(Tambon.id.in_(self.tambon_ids))
        return list(db.session.execute(query).scalars())

    def sees(self, tambon_id: int) -> bool:
        """Whether the user may see tambon `tambon_id` in this round (it must be in it)."""
        if self.tambon_ids is not None:
            return tambon_id in self.tambon_ids
        return tambon_id in round_tambon_ids(self.round.id)


def round_tambon_ids(round_id: int) -> set[int]:
    query = select(round_tambon.c.tambon_id).where(round_tambon.c.round_id == round_id)
    return set(db.session.execute(query).scalars())


def round_scope(round_id: int) -> Scope:
    """The scope of round `round_id` for the current user; 404 when they may not see it."""
    # ?from= is any number: one no table can hold is simply not found.
    round_ = db.session.get(Round, round_id) if 0 < round_id <= MAX_ID else None
    if round_ is None:
        abort(404)
    visible = visible_tambon_ids(current_user)
    if visible is None:
        return Scope(round_, None)
    in_round = frozenset(visible & round_tambon_ids(round_id))
    if not in_round:
        abort(404)
    return Scope(round_, in_round)


def visible_tambon(scope: Scope, tambon_id: int) -> Tambon:
    """Tambon `tambon_id` when the user may see it in this round; 404 otherwise."""
    if not scope.sees(tambon_id):
        abort(404)
    return db.session.get(Tambon, tambon_id)


def tambon_facts(scope: Scope, tambon_id: int) -> RoundFacts:
    """The facts of one visible tambon of the round (404 when not visible)."""
    visible_tambon(scope, tambon_id)
    return load_round_facts(scope.round, {tambon_id})

"""What the signed-in user may see and manage of a round: the one rule of every round page.

An admin sees and manages every tambon of every round. A coordinator sees a round only when
it includes at least one of their tambons, and within it only those tambons: their
facilitators, answers and names. They manage it (change, delete, close, reopen, import
answers) when every tambon of the round is theirs. A round the user may not see is "not
found" (404), never "forbidden", so round and tambon ids cannot be probed; a round they see
but may not manage is "forbidden" (403).

A national round has 7,000 tambons and a coordinator 1 to 150: the checks ask the database
about the user's tambons only, never read every tambon of a round.
"""

from dataclasses import dataclass

from flask import abort
from flask_login import current_user
from sqlalchemy import exists, func, select
from sqlalchemy.orm import selectinload

from app.auth.access import visible_tambon_ids
from app.extensions import db
from app.models import Coordinator, Response, Round, Tambon, coordinator_tambon, round_tambon
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
        in_round = (round_tambon.c.round_id == self.round.id) & (
            round_tambon.c.tambon_id == tambon_id
        )
        return db.session.execute(select(exists().where(in_round))).scalar()

    @property
    def manages(self) -> bool:
        """Whether every tambon of the round is the user's (an admin manages every round)."""
        # The visible ids are the round's tambons that are theirs: all of them when as many.
        return self.tambon_ids is None or len(self.tambon_ids) == _tambon_count(self.round.id)


def _tambon_count(round_id: int) -> int:
    query = select(func.count()).where(round_tambon.c.round_id == round_id)
    return db.session.execute(query).scalar_one()


def _theirs_in_round(user: Coordinator, round_id: int) -> frozenset[int]:
    """The ids of the round's tambons assigned to `user`: a join on their few tambons."""
    query = (
        select(round_tambon.c.tambon_id)
        .join(coordinator_tambon, coordinator_tambon.c.tambon_id == round_tambon.c.tambon_id)
        .where(round_tambon.c.round_id == round_id, coordinator_tambon.c.coordinator_id == user.id)
    )
    return frozenset(db.session.execute(query).scalars())


def scope_for(user: Coordinator, round_id: int) -> Scope | None:
    """What `user` may see of round `round_id`, or None when they may see nothing of it."""
    # A number no table can hold (?from= is any number) is simply not found.
    round_ = db.session.get(Round, round_id) if 0 < round_id <= MAX_ID else None
    if round_ is None:
        return None
    if user.is_admin:
        return Scope(round_, None)
    theirs = _theirs_in_round(user, round_id)
    return Scope(round_, theirs) if theirs else None


def round_scope(round_id: int, manage: bool = False) -> Scope:
    """The signed-in user's scope of round `round_id`: 404 when they may see nothing of it,
    403 when `manage` is asked and they see it but may not manage it."""
    scope = scope_for(current_user, round_id)
    if scope is None:
        abort(404)
    if manage and not scope.manages:
        abort(403)
    return scope


def round_for(round_id: int, manage: bool = False) -> Round:
    """The round of `round_scope(round_id, manage)`, for pages that show no tambon."""
    return round_scope(round_id, manage).round


@dataclass(frozen=True, slots=True)
class RoundListing:
    """A round as its list shows it: counts cover only the tambons the user may see."""

    round: Round
    tambons: int
    answers: int
    manages: bool = True  # every tambon of the round is the user's


def visible_rounds(user: Coordinator) -> list[Round]:
    """The rounds `user` may see, newest first."""
    query = select(Round).order_by(Round.held_on.desc(), Round.id.desc())
    visible = visible_tambon_ids(user)
    if visible is not None:
        theirs = select(round_tambon.c.round_id).where(round_tambon.c.tambon_id.in_(visible))
        query = query.where(Round.id.in_(theirs))
    return list(db.session.execute(query.options(selectinload(Round.instrument_version))).scalars())


def round_listings(user: Coordinator) -> list[RoundListing]:
    """Every visible round with its visible tambons and answers counted, in a few queries."""
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
    every = tambons if visible is None else _tambon_counts([r.id for r in rounds])
    listings = []
    for r in rounds:
        seen = tambons.get(r.id, 0)
        # The rule of Scope.manages: the round has no tambon besides the visible ones.
        listings.append(RoundListing(r, seen, answers.get(r.id, 0), seen == every.get(r.id, 0)))
    return listings


def _count_by_round(query, tambon_column, visible: set[int] | None) -> dict[int, int]:
    if visible is not None:
        query = query.where(tambon_column.in_(visible))
    return dict(db.session.execute(query).all())


def _tambon_counts(round_ids: list[int]) -> dict[int, int]:
    """Every tambon of each round counted, the user's or not (the rule of `Scope.manages`)."""
    query = (
        select(round_tambon.c.round_id, func.count())
        .where(round_tambon.c.round_id.in_(round_ids))
        .group_by(round_tambon.c.round_id)
    )
    return dict(db.session.execute(query).all())

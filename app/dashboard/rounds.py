"""Which rounds a user may see, and which of them can be compared with a round."""

from sqlalchemy import select

from app.extensions import db
from app.models import Coordinator, Response, Round
from app.rounds.access import visible_rounds

from .scope import Scope


def comparable_rounds(round_: Round, user: Coordinator) -> list[Round]:
    """The other rounds of the same instrument the user may see, newest first."""
    key = round_.instrument_version.instrument_key
    return [
        other
        for other in visible_rounds(user)
        if other.id != round_.id and other.instrument_version.instrument_key == key
    ]


def same_instrument(a: Round, b: Round) -> bool:
    """Whether two rounds used the same instrument (any revision of it)."""
    return a.instrument_version.instrument_key == b.instrument_version.instrument_key


def _when(round_: Round) -> tuple:
    return (round_.held_on, round_.id)


def previous_round(scope: Scope, others: list[Round]) -> int | None:
    """The id of the latest round in `others` held before the scope's round that shares a
    respondent of the scope with it (look back), or None: nothing to compare."""
    return latest_earlier(scope.round, others, sharing_respondents(scope, others))


def latest_earlier(round_: Round, others: list[Round], sharing: set[int]) -> int | None:
    """The id of the latest round in `others` held before `round_` whose id is in `sharing`."""
    earlier = [o for o in others if _when(o) < _when(round_) and o.id in sharing]
    return max(earlier, key=_when).id if earlier else None


def sharing_respondents(scope: Scope, others: list[Round]) -> set[int]:
    """The ids of the rounds in `others` where someone who answered the scope's round (in
    the tambons it sees: a coordinator's cost follows their tambons) answered too."""
    if not others:
        return set()
    people = select(Response.facilitator_id).where(Response.round_id == scope.round.id)
    if scope.tambon_ids is not None:
        people = people.where(Response.tambon_id.in_(list(scope.tambon_ids)))
    query = select(Response.round_id).where(
        Response.round_id.in_([o.id for o in others]), Response.facilitator_id.in_(people)
    )
    return set(db.session.execute(query.distinct()).scalars())


def in_time_order(a: Scope, b: Scope) -> tuple[Scope, Scope]:
    """The two scopes, the earlier round first."""
    return (a, b) if _when(a.round) < _when(b.round) else (b, a)

"""Which rounds a user may see, and which of them can be compared with a round."""

from app.models import Coordinator, Round
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


def previous_round(round_: Round, others: list[Round]) -> int | None:
    """The id of the latest round in `others` held before `round_` (look back), or None."""
    earlier = [other for other in others if _when(other) < _when(round_)]
    return max(earlier, key=_when).id if earlier else None


def in_time_order(a: Scope, b: Scope) -> tuple[Scope, Scope]:
    """The two scopes, the earlier round first."""
    return (a, b) if _when(a.round) < _when(b.round) else (b, a)

"""Slow down password guessing: too many recent failed sign-ins for one username, or from one
address, and sign-in is refused for a while, whether or not the account exists.

Every attempt is counted *before* its password is checked: its row is committed first, so
attempts sent at the same moment all see each other, and the sixth is refused unchecked
(the k-th row committed sees at least k rows). A right password then takes its row back;
a wrong one leaves it as the failure.

A device that signed in as the username before (its device cookie, see devices.py) is
counted on its own: a username locked by someone else's guesses still opens for it, and
its own failures lock only that device (OWASP's "device cookies").
"""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import ColumnElement, and_, delete, func, or_, select

from app.extensions import db
from app.models import SignInFailure
from app.models.base import utcnow

WINDOW = timedelta(minutes=15)
MAX_PER_USERNAME = 5
MAX_PER_ADDRESS = 30
MAX_PER_DEVICE = 5
KEEP = timedelta(hours=24)


def username_key(username: str) -> str:
    """The username as failures are counted: trimmed, case folded, at most 80 characters."""
    return username.strip().lower()[:80]


@dataclass(frozen=True)
class Attempt:
    """One sign-in attempt: for which username, from which address and known device."""

    username: str
    address: str
    device: str | None = None

    @classmethod
    def of(cls, username: str, address: str, device: str | None = None) -> "Attempt":
        return cls(username_key(username), address[:45], device)


def begin(attempt: Attempt) -> bool:
    """Count `attempt` as a failure until it succeeds; False (and not counted) when it is one
    too many, and its password must not be checked. Commits."""
    db.session.execute(delete(SignInFailure).where(SignInFailure.at < utcnow() - KEEP))
    row = SignInFailure(username=attempt.username, address=attempt.address, device=attempt.device)
    db.session.add(row)
    db.session.commit()
    if not any(_count(where) > limit for where, limit in _limits(attempt)):
        return True
    db.session.execute(delete(SignInFailure).filter_by(id=row.id))
    db.session.commit()
    return False


def succeeded(attempt: Attempt) -> None:
    """A right password forgets the failures counted with it (the device's, or the
    username's from unknown devices); commits."""
    db.session.execute(delete(SignInFailure).where(_limits(attempt)[0][0]))
    db.session.commit()


def retry_after_seconds(attempt: Attempt) -> int:
    """Seconds until the oldest counted failure leaves the window (at least one)."""
    counted = or_(*(where for where, _limit in _limits(attempt)))
    query = select(func.min(SignInFailure.at)).where(SignInFailure.at >= utcnow() - WINDOW)
    oldest = db.session.execute(query.where(counted)).scalar()
    if oldest is None:
        return 1
    return max(1, int((oldest + WINDOW - utcnow()).total_seconds()) + 1)


def _limits(attempt: Attempt) -> list[tuple[ColumnElement, int]]:
    """Which failures count against `attempt`, each with its limit; the first is its own."""
    if attempt.device:
        return [(SignInFailure.device == attempt.device, MAX_PER_DEVICE)]
    unknown = SignInFailure.device.is_(None)
    return [
        (and_(unknown, SignInFailure.username == attempt.username), MAX_PER_USERNAME),
        (and_(unknown, SignInFailure.address == attempt.address), MAX_PER_ADDRESS),
    ]


def _count(where: ColumnElement) -> int:
    query = select(func.count()).select_from(SignInFailure)
    return db.session.execute(query.where(where, SignInFailure.at >= utcnow() - WINDOW)).scalar()

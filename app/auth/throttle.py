"""Slow down password guessing: too many recent failed sign-ins for one username, or from one
address, and sign-in is refused for a while, whether or not the account exists."""

from datetime import timedelta

from sqlalchemy import delete, func, or_, select

from app.extensions import db
from app.models import SignInFailure
from app.models.base import utcnow

WINDOW = timedelta(minutes=15)
MAX_PER_USERNAME = 5
MAX_PER_ADDRESS = 30
KEEP = timedelta(hours=24)


def _key(username: str) -> str:
    return username.strip().lower()[:80]


def is_locked(username: str, address: str) -> bool:
    """Whether sign-in is refused now for this username or from this address."""
    since = utcnow() - WINDOW
    recent = select(func.count()).select_from(SignInFailure).where(SignInFailure.at >= since)
    by_name = db.session.execute(recent.filter_by(username=_key(username))).scalar()
    by_address = db.session.execute(recent.filter_by(address=address[:45])).scalar()
    return by_name >= MAX_PER_USERNAME or by_address >= MAX_PER_ADDRESS


def record_failure(username: str, address: str) -> None:
    """Count one failed sign-in (and forget failures older than a day); commits."""
    db.session.execute(delete(SignInFailure).where(SignInFailure.at < utcnow() - KEEP))
    db.session.add(SignInFailure(username=_key(username), address=address[:45]))
    db.session.commit()


def forget_failures(username: str) -> None:
    """A successful sign-in clears the username's failures; commits."""
    db.session.execute(delete(SignInFailure).filter_by(username=_key(username)))
    db.session.commit()


def retry_after_seconds(username: str, address: str) -> int:
    """Seconds until the oldest counted failure leaves the window (at least one)."""
    since = utcnow() - WINDOW
    query = select(func.min(SignInFailure.at)).where(
        SignInFailure.at >= since,
        or_(SignInFailure.username == _key(username), SignInFailure.address == address[:45]),
    )
    oldest = db.session.execute(query).scalar()
    if oldest is None:
        return 1
    return max(1, int((oldest + WINDOW - utcnow()).total_seconds()) + 1)

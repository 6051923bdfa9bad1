"""Sign-ins kept on the server, one per device: the session and remember cookies carry a
random token naming one SignInSession row, and signing out deletes that row. A copied
cookie then opens nothing, while the coordinator's other devices stay signed in.

One row per device rather than one token per account: signing out on the office computer
must not sign out the phone that is showing a round's join code at a workshop.
"""

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete, or_, select

from app.extensions import db
from app.models import Coordinator, SignInSession
from app.models.base import utcnow

# As long as the remember cookie (Flask-Login's default: a year).
LIFETIME = timedelta(days=365)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(user: Coordinator) -> None:
    """Sign `user` in on this device: a new row, named by `user.get_id()`; commits."""
    token = secrets.token_urlsafe(32)
    _forget_ended(user)
    db.session.add(
        SignInSession(
            coordinator_id=user.id, token_hash=_hash(token), account_token=user.session_token
        )
    )
    db.session.commit()
    user.sign_in_token = token


def signed_in(token: str) -> Coordinator | None:
    """The active account this device's sign-in token names, while that sign-in lasts."""
    query = (
        select(Coordinator)
        .join(SignInSession, SignInSession.coordinator_id == Coordinator.id)
        .where(
            SignInSession.token_hash == _hash(token),
            SignInSession.account_token == Coordinator.session_token,
            SignInSession.created_at >= utcnow() - LIFETIME,
            Coordinator.active.is_(True),
        )
    )
    user = db.session.execute(query).scalar_one_or_none()
    if user is not None:
        user.sign_in_token = token
    return user


def close_session(user: Coordinator) -> None:
    """End this device's sign-in on the server; commits."""
    if user.sign_in_token:
        db.session.execute(delete(SignInSession).filter_by(token_hash=_hash(user.sign_in_token)))
        db.session.commit()


def _forget_ended(user: Coordinator) -> None:
    # Sign-ins ended by a new password or by time are of no use: keep the table small.
    ended = or_(
        SignInSession.account_token != user.session_token,
        SignInSession.created_at < utcnow() - LIFETIME,
    )
    db.session.execute(delete(SignInSession).filter_by(coordinator_id=user.id).where(ended))

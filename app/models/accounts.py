"""Coordinator accounts (ผู้ประสานงานโครงการ): the people who sign in to read dashboards."""

import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from app.extensions import db
from app.models.base import utcnow
from app.models.geography import Tambon

coordinator_tambon = Table(
    "coordinator_tambon",
    db.metadata,
    Column("coordinator_id", ForeignKey("coordinator.id", ondelete="CASCADE"), primary_key=True),
    Column("tambon_id", ForeignKey("tambon.id", ondelete="CASCADE"), primary_key=True),
)


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class Coordinator(UserMixin, db.Model):
    """An admin sees everything; a coordinator sees the tambons assigned to them."""

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    # Each device's sign-in keeps the value it had: a new password makes a new one, so
    # every session opened with the old password ends.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=_new_token)
    is_admin: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tambons: Mapped[list[Tambon]] = relationship(secondary=coordinator_tambon)
    # The token of this device's sign-in (a SignInSession), when it is the signed-in account.
    sign_in_token = None

    @property
    def is_active(self) -> bool:
        return self.active

    def set_password(self, password: str) -> None:
        """Store a salted scrypt hash of `password` (werkzeug's current default)."""
        self.password_hash = generate_password_hash(password)
        self.session_token = _new_token()

    def get_id(self) -> str | None:
        """What the session and remember cookies carry: this device's sign-in token."""
        return self.sign_in_token

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def __repr__(self) -> str:
        return f"<Coordinator {self.username}>"


class SignInFailure(db.Model):
    """A failed sign-in, kept 24 hours to slow down password guessing.

    Kept in the database, not in the app server's memory, so every app server sharing
    the database counts the same failures.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), index=True)
    address: Mapped[str] = mapped_column(String(45), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    # The device cookie's id when the attempt came from a device that signed in as this
    # username before: such failures count against that device only, not the username.
    device: Mapped[str | None] = mapped_column(String(32), index=True)


class SignInSession(db.Model):
    """One device's sign-in: its session and remember cookies name it by a random token,
    of which only a hash is kept. Signing out deletes it, so a copied cookie opens
    nothing afterwards, and other devices stay signed in."""

    id: Mapped[int] = mapped_column(primary_key=True)
    coordinator_id: Mapped[int] = mapped_column(
        ForeignKey("coordinator.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The account's session_token at sign-in: a new password changes it and ends this.
    account_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

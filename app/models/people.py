"""The respondents: facilitators (คุณอำนวย) on the roster of a tambon."""

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.extensions import db
from app.instruments.model import ROLES
from app.models.base import utcnow
from app.models.geography import Tambon
from app.names import identity_key

# Team "u": the tambon's facilitators; team "v": community leaders being trained as such.
TEAMS = ("u", "v")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def roles_text(roles) -> str:
    """Role codes as stored in one column: in the order of ROLES, joined by commas."""
    return ",".join(role for role in ROLES if role in set(roles))


def roles_from_text(text: str | None) -> tuple[str, ...]:
    held = set((text or "").split(","))
    return tuple(role for role in ROLES if role in held)


class Facilitator(db.Model):
    """A person on the roster of a tambon. `active` False: off every roster from now on,
    their answers and history kept."""

    __table_args__ = (
        UniqueConstraint("tambon_id", "name"),
        CheckConstraint(_one_of("team", TEAMS), name="team"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    tambon_id: Mapped[int] = mapped_column(ForeignKey("tambon.id"), index=True)
    agency: Mapped[str] = mapped_column(String(100), default="")
    team: Mapped[str | None] = mapped_column(String(1))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The name as compared (app.names.identity_key): titles, case and spacing ignored.
    name_key: Mapped[str] = mapped_column(String(200), index=True, default="")
    active: Mapped[bool] = mapped_column(default=True)
    deactivated_at: Mapped[datetime | None]
    # On a workshop laptop: this person's id on the server whose roster was unpacked here, so
    # the workshop's answers find them there even if they were renamed in between.
    origin_id: Mapped[int | None]

    tambon: Mapped[Tambon] = relationship()
    role_links: Mapped[list["FacilitatorRole"]] = relationship(
        cascade="all, delete-orphan", order_by="FacilitatorRole.role"
    )

    @property
    def roles(self) -> tuple[str, ...]:
        """The facilitator's role codes, in the order of `ROLES`."""
        held = {link.role for link in self.role_links}
        return tuple(role for role in ROLES if role in held)

    @roles.setter
    def roles(self, roles) -> None:
        wanted = set(roles)
        self.role_links = [link for link in self.role_links if link.role in wanted]
        held = {link.role for link in self.role_links}
        self.role_links.extend(FacilitatorRole(role=r) for r in ROLES if r in wanted - held)

    @validates("name")
    def _keep_name_key(self, _key, name: str) -> str:
        self.name_key = identity_key(name)
        return name

    def __repr__(self) -> str:
        return f"<Facilitator {self.id} {self.name}>"


class FacilitatorRole(db.Model):
    """One of a facilitator's roles; a facilitator may hold several."""

    __table_args__ = (CheckConstraint(_one_of("role", ROLES), name="role"),)

    facilitator_id: Mapped[int] = mapped_column(
        ForeignKey("facilitator.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class FacilitatorChange(db.Model):
    """One change to a person on the roster: who made it, when, and what was before and after.

    `before` and `after` hold the changed fields (and, for a merge, whatever was set aside:
    the other record and any response that no longer counts), so nothing is lost.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    facilitator_id: Mapped[int | None] = mapped_column(
        ForeignKey("facilitator.id", ondelete="SET NULL"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    coordinator_id: Mapped[int | None] = mapped_column(
        ForeignKey("coordinator.id", ondelete="SET NULL")
    )
    by: Mapped[str] = mapped_column(String(200))  # the account, or "command line"
    action: Mapped[str] = mapped_column(String(20))
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)

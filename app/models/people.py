"""The respondents: facilitators (คุณอำนวย) on the roster of a tambon."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.instruments.model import ROLES
from app.models.base import utcnow
from app.models.geography import Tambon

# Team "u": the tambon's facilitators; team "v": community leaders being trained as such.
TEAMS = ("u", "v")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Facilitator(db.Model):
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

    def __repr__(self) -> str:
        return f"<Facilitator {self.id} {self.name}>"


class FacilitatorRole(db.Model):
    """One of a facilitator's roles; a facilitator may hold several."""

    __table_args__ = (CheckConstraint(_one_of("role", ROLES), name="role"),)

    facilitator_id: Mapped[int] = mapped_column(
        ForeignKey("facilitator.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)

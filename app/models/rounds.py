"""Assessment rounds and what facilitators answered in them.

A round (รอบการประเมิน) is one sitting of one instrument version in some tambons.
Each facilitator has at most one response per round, holding one rating per item;
every accepted submission is also kept whole in the response's history.
"""

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    ForeignKey,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.base import utcnow
from app.models.geography import Tambon
from app.models.instruments import InstrumentVersion
from app.models.people import Facilitator, roles_from_text, roles_text

# Levels are numbers on the 1-5 scale in half steps; the instrument says whether
# half steps are allowed, the database only that a level is a whole or a half.
LEVEL = Numeric(2, 1, asdecimal=False)
NOTE_MAX_LENGTH = 1000

round_tambon = Table(
    "round_tambon",
    db.metadata,
    Column("round_id", ForeignKey("round.id", ondelete="CASCADE"), primary_key=True),
    Column("tambon_id", ForeignKey("tambon.id"), primary_key=True),
)


class Round(db.Model):
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date]
    instrument_version_id: Mapped[int] = mapped_column(ForeignKey("instrument_version.id"))
    join_code: Mapped[str] = mapped_column(String(12), unique=True)
    is_open: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
    # Who was still waited for when the round closed ({id, name, tambon_id, roles} each): a
    # closed round's "answered N of M" never changes with the roster (round_facts).
    roster_at_close: Mapped[list | None] = mapped_column(JSON)
    # Bumped in the transaction of every change to its answers or roster (app.summaries):
    # with a chart's parameters it names the chart, so a cached chart costs one small query.
    revision: Mapped[int] = mapped_column(default=0, server_default="0")

    instrument_version: Mapped[InstrumentVersion] = relationship()
    tambons: Mapped[list[Tambon]] = relationship(secondary=round_tambon)
    responses: Mapped[list["Response"]] = relationship(back_populates="round")

    def __repr__(self) -> str:
        return f"<Round {self.id} {self.name}>"


class Response(db.Model):
    """One facilitator's answers in one round; reached again through a personal link.

    The person as they were when they answered (name, tambon, roles, agency, team) is kept
    on the response, set by `record()` at each submission: everything computed for a round
    reads it, so a later change to the person never changes a round they answered.
    """

    __table_args__ = (UniqueConstraint("round_id", "facilitator_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id"), index=True)
    facilitator_id: Mapped[int] = mapped_column(ForeignKey("facilitator.id"), index=True)
    # sha256 of the personal link's token: a copy of the database does not open anyone's form.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    revision: Mapped[int] = mapped_column(default=1)
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The person as they were when they answered.
    name: Mapped[str] = mapped_column(String(200))
    tambon_id: Mapped[int] = mapped_column(ForeignKey("tambon.id"), index=True)
    roles_text: Mapped[str] = mapped_column("roles", String(100))
    agency: Mapped[str] = mapped_column(String(100))
    team: Mapped[str | None] = mapped_column(String(1))

    round: Mapped[Round] = relationship(back_populates="responses")
    facilitator: Mapped[Facilitator] = relationship()
    tambon: Mapped[Tambon] = relationship()
    ratings: Mapped[list["Rating"]] = relationship(
        cascade="all, delete-orphan", order_by="Rating.position"
    )
    history: Mapped[list["ResponseRevision"]] = relationship(
        cascade="all, delete-orphan", order_by="ResponseRevision.revision"
    )

    @property
    def roles(self) -> tuple[str, ...]:
        """The role codes they held when they answered, in the order of ROLES."""
        return roles_from_text(self.roles_text)

    def take_snapshot(self, person: Facilitator) -> None:
        """Keep `person` as they are now on this response."""
        self.name, self.tambon_id, self.agency = person.name, person.tambon_id, person.agency
        self.roles_text, self.team = roles_text(person.roles), person.team

    def __repr__(self) -> str:
        return f"<Response {self.id} round={self.round_id} r{self.revision}>"


class Rating(db.Model):
    """One row of the freedom table as one facilitator marked it."""

    __table_args__ = (
        CheckConstraint("current_level >= 1 AND current_level <= 5", name="current_in_scale"),
        CheckConstraint("target_level >= 1 AND target_level <= 5", name="target_in_scale"),
        CheckConstraint(
            "current_level * 2 = CAST(current_level * 2 AS INTEGER)", name="current_half_steps"
        ),
        CheckConstraint(
            "target_level * 2 = CAST(target_level * 2 AS INTEGER)", name="target_half_steps"
        ),
        CheckConstraint("target_level >= current_level", name="target_not_below_current"),
        CheckConstraint(f"length(note) <= {NOTE_MAX_LENGTH}", name="note_length"),
    )

    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), primary_key=True
    )
    item_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    position: Mapped[int]  # the item's place in the instrument, for ordering without parsing
    current_level: Mapped[float] = mapped_column(LEVEL)
    target_level: Mapped[float] = mapped_column(LEVEL)
    note: Mapped[str] = mapped_column(Text, default="")

    @property
    def gap(self) -> float:
        """Ambition on this item: target level minus current level."""
        return self.target_level - self.current_level


class ResponseRevision(db.Model):
    """A response as it was after one accepted submission: the history of changes.

    `submission_id` is generated when the form is opened; a retried post carrying
    the same id finds this row and changes nothing.
    """

    __table_args__ = (UniqueConstraint("response_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("response.id", ondelete="CASCADE"))
    revision: Mapped[int]
    submission_id: Mapped[str] = mapped_column(String(64), unique=True)
    ratings: Mapped[list] = mapped_column(JSON)
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)


class JoinCodeMiss(db.Model):
    """A typed join code that opened no round, kept 24 hours to slow down code guessing.

    Kept in the database, not in the app server's memory, so every app server sharing
    the database counts the same misses. `source`: an IPv4 address or an IPv6 /64.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(45), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

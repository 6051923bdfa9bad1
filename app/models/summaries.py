"""Summaries of a round kept in the database, so that pages never read the whole round.

They are kept by `app.summaries` in the same transaction as every change to the answers or
the roster, and can always be rebuilt from the ratings (`flask summaries rebuild`). Sums
of levels are kept doubled ("sum2"): levels are whole or half steps, so the doubled sums
are whole numbers, exact in any database, and a mean computed from them is the mean the
scoring computes.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.rounds import LEVEL


class TambonSummary(db.Model):
    """One tambon (unit) of a round: on the roster, answered, and when the last answer came."""

    __tablename__ = "tambon_summary"

    round_id: Mapped[int] = mapped_column(
        ForeignKey("round.id", ondelete="CASCADE"), primary_key=True
    )
    tambon_id: Mapped[int] = mapped_column(ForeignKey("tambon.id"), primary_key=True)
    on_roster: Mapped[int] = mapped_column(default=0)
    answered: Mapped[int] = mapped_column(default=0)
    last_answer: Mapped[datetime | None]


class ItemSummary(db.Model):
    """One item in one tambon of a round, over the people who answered it there."""

    __tablename__ = "item_summary"

    round_id: Mapped[int] = mapped_column(
        ForeignKey("round.id", ondelete="CASCADE"), primary_key=True
    )
    tambon_id: Mapped[int] = mapped_column(ForeignKey("tambon.id"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    respondents: Mapped[int]
    current_sum2: Mapped[int]
    target_sum2: Mapped[int]
    current_min: Mapped[float] = mapped_column(LEVEL)
    current_max: Mapped[float] = mapped_column(LEVEL)
    target_min: Mapped[float] = mapped_column(LEVEL)
    target_max: Mapped[float] = mapped_column(LEVEL)
    learners: Mapped[int]
    below_target: Mapped[int]
    below_expected: Mapped[int]
    # The expected levels of the respondents who have one (for their mean).
    expected_sum: Mapped[int]
    expected_count: Mapped[int]


class ResponseSummary(db.Model):
    """One response: its total gap, and the change since the person's previous response of
    the same instrument (None when there is none)."""

    __tablename__ = "response_summary"
    __table_args__ = (Index("ix_response_summary_round_tambon", "round_id", "tambon_id"),)

    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), primary_key=True
    )
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"))
    tambon_id: Mapped[int] = mapped_column(ForeignKey("tambon.id"))
    items: Mapped[int]
    gap_sum2: Mapped[int]
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("response.id", ondelete="SET NULL"), index=True
    )
    change_items: Mapped[int] = mapped_column(default=0)  # items answered in both
    change_sum2: Mapped[int | None]  # Σ 2 × (current now − current then) over those items

"""Who can learn from whom, as last computed for a round and a scope of tambons.

The pairing is one greedy pass over the whole round (a teacher's cap is shared by every
item), so it cannot be kept up to date answer by answer like the summaries: it is
recomputed as a whole (app.pairing) and kept here, one row a line, so that the page
reads one page of each list. `revision` is the round's revision it was computed from:
when the round's has moved on, the result is stale.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, ForeignKeyConstraint, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.base import utcnow
from app.models.rounds import LEVEL

# The kinds of line: a learner with a teacher, an outside-training need (nobody in the
# round reaches the target), a learner waiting, and a learner whom only people of other
# tambons than the scope's reach ("other").
LINE_KINDS = ("pair", "need", "waiting", "other")


class PairingResult(db.Model):
    """The pairing of a round over one scope: "all" tambons, or the sha256 of some."""

    __tablename__ = "pairing_result"

    round_id: Mapped[int] = mapped_column(
        ForeignKey("round.id", ondelete="CASCADE"), primary_key=True
    )
    scope_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    revision: Mapped[int]
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)
    cap: Mapped[int]
    pairs: Mapped[int]
    needs: Mapped[int]
    waiting: Mapped[int]


class PairingLine(db.Model):
    """One line of a stored pairing, at `position` in the page's order within its kind.

    Names are the learner's and teacher's as they answered; levels as they answered.
    Teacher columns are empty for the other kinds; `capable` is set for waiting (the
    scope's people reaching the target, all at the cap) and for "other" (the people of the
    round's other tambons reaching it: a count, as names outside the scope are not shown).
    """

    __tablename__ = "pairing_line"
    __table_args__ = (
        ForeignKeyConstraint(
            ["round_id", "scope_key"],
            ["pairing_result.round_id", "pairing_result.scope_key"],
            ondelete="CASCADE",
        ),
        # One tambon's learners, a page at a time.
        Index(
            "ix_pairing_line_tambon",
            "round_id",
            "scope_key",
            "kind",
            "learner_tambon_id",
            "position",
        ),
    )

    round_id: Mapped[int] = mapped_column(primary_key=True)
    scope_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(7), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    item: Mapped[str] = mapped_column(String(20))
    learner_id: Mapped[int]
    learner_name: Mapped[str] = mapped_column(String(200))
    learner_tambon_id: Mapped[int]
    current: Mapped[float] = mapped_column(LEVEL)
    target: Mapped[float] = mapped_column(LEVEL)
    teacher_id: Mapped[int | None]
    teacher_name: Mapped[str | None] = mapped_column(String(200))
    teacher_tambon_id: Mapped[int | None]
    teacher_current: Mapped[float | None] = mapped_column(LEVEL)
    capable: Mapped[int] = mapped_column(default=0)

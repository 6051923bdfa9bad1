"""Stored versions of the instrument files, so an old response shows with its own text."""

from datetime import datetime

from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.instruments.model import Instrument
from app.models.base import utcnow

_PARSED: dict[str, Instrument] = {}


class InstrumentVersion(db.Model):
    """One distinct content of one instrument file; a changed file adds a revision."""

    __table_args__ = (
        UniqueConstraint("instrument_key", "revision"),
        UniqueConstraint("instrument_key", "content_hash"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    instrument_key: Mapped[str] = mapped_column(String(60), index=True)
    revision: Mapped[int]
    declared_version: Mapped[str] = mapped_column(String(40))
    content_hash: Mapped[str] = mapped_column(String(64))
    # Loaded only when first parsed (see `instrument`), not with every round's page.
    content: Mapped[dict] = mapped_column(JSON, deferred=True)
    source_file: Mapped[str] = mapped_column(String(200))
    loaded_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def instrument(self) -> Instrument:
        """The parsed instrument this version holds."""
        # Stored versions never change, so one parse per content serves the whole process.
        parsed = _PARSED.get(self.content_hash)
        if parsed is None:
            parsed = _PARSED[self.content_hash] = Instrument.from_dict(self.content)
        return parsed

    def __repr__(self) -> str:
        return f"<InstrumentVersion {self.instrument_key} r{self.revision}>"

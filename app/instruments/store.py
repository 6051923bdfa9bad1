"""Instrument versions in the database: a changed file adds a revision, an unchanged one not."""

from sqlalchemy import func, select

from app.extensions import db
from app.instruments.model import Instrument
from app.models import InstrumentVersion


def store_version(instrument: Instrument, source_file: str) -> tuple[InstrumentVersion, bool]:
    """The stored version with this content, and whether it was added just now."""
    content_hash = instrument.content_hash()
    existing = db.session.execute(
        select(InstrumentVersion).filter_by(
            instrument_key=instrument.key, content_hash=content_hash
        )
    ).scalar_one_or_none()
    if existing is not None:
        return existing, False
    last = db.session.execute(
        select(func.max(InstrumentVersion.revision)).filter_by(instrument_key=instrument.key)
    ).scalar()
    version = InstrumentVersion(
        instrument_key=instrument.key,
        revision=(last or 0) + 1,
        declared_version=instrument.version,
        content_hash=content_hash,
        content=instrument.to_dict(),
        source_file=source_file,
    )
    db.session.add(version)
    db.session.flush()
    return version, True


def latest_versions() -> list[InstrumentVersion]:
    """The newest stored version of every instrument, ordered by instrument id."""
    newest = (
        select(InstrumentVersion.instrument_key, func.max(InstrumentVersion.revision).label("r"))
        .group_by(InstrumentVersion.instrument_key)
        .subquery()
    )
    query = (
        select(InstrumentVersion)
        .join(
            newest,
            (InstrumentVersion.instrument_key == newest.c.instrument_key)
            & (InstrumentVersion.revision == newest.c.r),
        )
        .order_by(InstrumentVersion.instrument_key)
    )
    return list(db.session.execute(query).scalars())


def latest_version(key: str) -> InstrumentVersion | None:
    """The newest stored version of instrument `key`, or None when it was never loaded."""
    query = (
        select(InstrumentVersion)
        .filter_by(instrument_key=key)
        .order_by(InstrumentVersion.revision.desc())
        .limit(1)
    )
    return db.session.execute(query).scalar_one_or_none()

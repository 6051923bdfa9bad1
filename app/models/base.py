"""What every model shares."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    """The current time in UTC, naive, as stored in every timestamp column."""
    return datetime.now(UTC).replace(tzinfo=None)

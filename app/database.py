"""Connection settings that must hold on every connection, not only in migrations."""

import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """On SQLite: enforce foreign keys, let readers and a writer work at once, wait on locks."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    # A workshop burst means many phones writing at once: wait rather than fail.
    cursor.execute("PRAGMA busy_timeout = 15000")
    # FULL: a confirmed answer survives a power cut of the laptop serving the workshop.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()

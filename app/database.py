"""Connection settings that must hold on every connection, not only in migrations."""

import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """On SQLite: enforce foreign keys, let readers and a writer work at once, write durably."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a confirmed answer survives a power cut of the laptop serving the workshop.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def engine_options(config) -> dict:
    """SQLALCHEMY_ENGINE_OPTIONS for the configured database.

    On SQLite, a writer waits up to SQLITE_BUSY_TIMEOUT seconds for another writer's lock
    (a workshop burst means many phones writing at once: wait rather than fail); past
    that the request answers 503 and nothing is written.
    """
    options = dict(config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    if config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        connect_args = dict(options.get("connect_args") or {})
        connect_args["timeout"] = float(config["SQLITE_BUSY_TIMEOUT"])
        options["connect_args"] = connect_args
    return options

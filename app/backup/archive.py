"""The whole database in one file, and back: gzipped JSON Lines, streamed both ways.

Line 1 is a header: format, format version, the Alembic revision of the schema, the time
and the number of rows of every table. Then one line per row, {"table": …, "row": {…}},
table by table in dependency order (parents first), rows by primary key. Restoring needs
an empty database at the same revision, writes everything in one transaction, keeps every
id, and on PostgreSQL moves each id sequence past the largest id restored.
"""

import gzip
import json
import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from alembic.migration import MigrationContext
from sqlalchemy import Date, DateTime, Table, func, select, text
from sqlalchemy.engine import Connection

from app.extensions import db
from app.models.base import utcnow

FORMAT = "freedom-table-backup"
FORMAT_VERSION = 1
BATCH = 1000


class BackupError(RuntimeError):
    """The backup or the restore cannot be done; the message says why, and nothing changed."""


def tables() -> list[Table]:
    """Every table of the app, parents before children."""
    return list(db.metadata.sorted_tables)


def schema_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def _json_value(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in a backup")


def _line(data) -> str:
    return json.dumps(data, ensure_ascii=False, default=_json_value) + "\n"


def _snapshot(conn: Connection) -> None:
    """One consistent view of the database for the whole backup."""
    if conn.dialect.name == "postgresql":
        conn.execution_options(isolation_level="REPEATABLE READ")
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN")  # pysqlite would read each query in its own snapshot


def _rows(conn: Connection, table: Table) -> Iterator[dict]:
    query = select(table).order_by(*table.primary_key.columns)
    for row in conn.execute(query.execution_options(yield_per=BATCH)):
        yield dict(row._mapping)


def write_backup(path: Path) -> dict[str, int]:
    """Write the whole database to `path` (replaced only once complete); return the counts."""
    partial = path.with_name(path.name + ".partial")
    with db.engine.connect() as conn:
        _snapshot(conn)
        revision = schema_revision(conn)
        if revision is None:
            raise BackupError("The database has no schema yet (run `flask db upgrade`).")
        counts = {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar() for t in tables()
        }
        header = {"format": FORMAT, "format_version": FORMAT_VERSION, "alembic_revision": revision,
                  "created_at": utcnow().isoformat(), "tables": counts}  # fmt: skip
        # Owner-only from the start: the file holds personal data and password hashes.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as out:
                out.write(_line(header))
                for table in tables():
                    for row in _rows(conn, table):
                        out.write(_line({"table": table.name, "row": row}))
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        conn.rollback()
    os.replace(partial, path)
    return counts


def read_header(path: Path) -> dict:
    """The header line of a backup file; BackupError when it is not one."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            header = json.loads(lines.readline())
    except (OSError, ValueError, EOFError) as error:
        raise BackupError(f"{path} is not a backup file of this app ({error}).") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError(f"{path} is not a backup file of this app.")
    if header.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"{path} has backup format {header.get('format_version')}; "
                          f"this app reads format {FORMAT_VERSION}.")  # fmt: skip
    return header


def _check_target(conn: Connection, header: dict) -> None:
    """Refuse unless the database is at the backup's revision and has no rows at all."""
    revision, wanted = schema_revision(conn), header["alembic_revision"]
    if revision is None:
        raise BackupError(
            f"The database has no schema yet: run `flask db upgrade {wanted}` first, then restore."
        )
    if revision != wanted:
        raise BackupError(
            f"The backup is at schema revision {wanted}, the database at {revision}: "
            f"bring the database to {wanted} (`flask db upgrade {wanted}` or `flask db "
            f"downgrade {wanted}` on a new, empty database), then restore."
        )
    filled = {
        t.name: n
        for t in tables()
        if (n := conn.execute(select(func.count()).select_from(t)).scalar())
    }
    if filled:
        listed = ", ".join(f"{name} ({n})" for name, n in filled.items())
        raise BackupError(f"Restore needs an empty database; this one has rows in {listed}.")


def _decoders(table: Table) -> dict:
    """Column name -> function turning the stored JSON value back into a Python value."""
    decoders = {}
    for column in table.columns:
        if isinstance(column.type, DateTime):
            decoders[column.name] = datetime.fromisoformat
        elif isinstance(column.type, Date):
            decoders[column.name] = date.fromisoformat
    return decoders


def _decoded(row: dict, decoders: dict) -> dict:
    return {k: (decoders[k](v) if k in decoders and v is not None else v) for k, v in row.items()}


def _records(path: Path) -> Iterator[tuple[str, dict]]:
    """(table name, row) of every line after the header."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        lines.readline()
        for number, line in enumerate(lines, start=2):
            try:
                record = json.loads(line)
                yield record["table"], record["row"]
            except (ValueError, KeyError, TypeError):
                raise BackupError(f"Line {number} of the backup is damaged.") from None


def _insert_all(conn: Connection, path: Path) -> dict[str, int]:
    """Insert every row of the file in batches; return the rows per table."""
    by_name = {t.name: t for t in tables()}
    counts = dict.fromkeys(by_name, 0)
    batch, current = [], None
    for name, row in _records(path):
        if name not in by_name:
            raise BackupError(f"The backup has a table this app does not know: {name}.")
        if name != current or len(batch) >= BATCH:
            _flush(conn, current and by_name[current], batch)
            batch, current, decoders = [], name, _decoders(by_name[name])
        batch.append(_decoded(row, decoders))
        counts[name] += 1
    _flush(conn, current and by_name[current], batch)
    return counts


def _flush(conn: Connection, table: Table | None, rows: list[dict]) -> None:
    if table is not None and rows:
        conn.execute(table.insert(), rows)


def _reset_sequences(conn: Connection) -> None:
    """On PostgreSQL: each id sequence continues after the largest id restored."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables():
        column = table.autoincrement_column
        if column is None:
            continue
        name = conn.dialect.identifier_preparer.format_table(table)
        largest = f"COALESCE((SELECT MAX({column.name}) FROM {name}), 0) + 1"
        query = f"SELECT setval(pg_get_serial_sequence(:table, :column), {largest}, false)"
        conn.execute(text(query), {"table": name, "column": column.name})


def restore_backup(path: Path) -> dict[str, int]:
    """Restore `path` into the app's empty database, in one transaction; return the counts.

    BackupError (and nothing written) when the file or the database is not right.
    """
    header = read_header(path)
    try:
        with db.engine.begin() as conn:
            _check_target(conn, header)
            counts = _insert_all(conn, path)
            if counts != header["tables"]:
                raise BackupError("The backup is incomplete: its rows do not match its header.")
            _reset_sequences(conn)
    except (OSError, EOFError) as error:
        raise BackupError(f"The backup file cannot be read to the end ({error}).") from None
    return counts

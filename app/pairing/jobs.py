"""The pairing recomputed in the background, through Procrastinate (PostgreSQL only).

Procrastinate keeps its jobs in the app's own PostgreSQL database (no broker to run beside
it) and has a queueing lock: at most one job waits per round and scope however many
pages ask, which is the debounce. The web app defers through the app's SQLAlchemy engine
(no second connection pool per gunicorn worker); the worker (`flask pairing worker`)
has its own asynchronous pool.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import procrastinate
from flask import Flask
from procrastinate.exceptions import AlreadyEnqueued
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from app.exports import background as exports
from app.extensions import db
from app.models import Round

from . import store

QUEUE = "pairing"
KEY = "pairing_jobs"
TABLE_PREFIX = "procrastinate_"
_opening = threading.Lock()  # a gunicorn worker's threads may defer at once


def not_the_queue(name: str | None, type_: str, parent_names) -> bool:
    """Alembic's filter of what it compares: everything but Procrastinate's own tables,
    which its schema (applied by a migration) defines, not our models."""
    return not (type_ == "table" and (name or "").startswith(TABLE_PREFIX))


class EnginePool:
    """The app's SQLAlchemy engine lending psycopg connections, in the one shape
    Procrastinate's synchronous connector asks of a pool (`connection()`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def connection(self) -> Iterator:
        raw = self.engine.raw_connection()
        try:
            yield raw.driver_connection
            raw.commit()
        except BaseException:
            raw.rollback()
            raise
        finally:
            raw.close()

    def close(self) -> None:
        """Nothing to close: the engine's pool is the app's."""


def libpq_url(sqlalchemy_url: str) -> str:
    """The database URL as psycopg itself takes it (no "+psycopg" driver part)."""
    url = make_url(sqlalchemy_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def init_app(app: Flask) -> None:
    """Make the app's job queue and its tasks: pairing, and whole-round files."""
    url = libpq_url(app.config["SQLALCHEMY_DATABASE_URI"])
    jobs = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=url))

    @jobs.task(name="pairing.recompute", queue=QUEUE)
    def recompute(round_id: int, tambon_ids: list[int] | None) -> None:
        """Recompute the pairing of a round over a scope, unless it is already fresh."""
        with app.app_context():
            refresh(round_id, tambon_ids)

    exports.init_app(app, jobs)
    app.extensions[KEY] = jobs


def refresh(round_id: int, tambon_ids: list[int] | None) -> None:
    """Compute and keep the pairing of the scope when the kept one is older than the round."""
    round_ = db.session.get(Round, round_id)
    if round_ is None:  # deleted since the job was deferred
        return
    kept = store.stored(round_id, store.scope_key(tambon_ids))
    if kept is None or kept.revision != round_.revision:
        store.compute(round_, tambon_ids)
    db.session.commit()


def defer(app: Flask, round_id: int, tambon_ids: frozenset[int] | None) -> bool:
    """Ask the worker to recompute the scope's pairing; False when a job already waits."""
    lock = f"pairing:{round_id}:{store.scope_key(tambon_ids)}"
    ids = None if tambon_ids is None else sorted(tambon_ids)
    return defer_task(app, "pairing.recompute", lock, {"round_id": round_id, "tambon_ids": ids})


def defer_task(app: Flask, name: str, lock: str, arguments: dict) -> bool:
    """Defer task `name` once per `lock`; False when a job with that lock already waits."""
    jobs = app.extensions[KEY]
    with _opening:
        jobs.open(EnginePool(db.engine))  # once: later calls find it open
    # The lock also keeps two workers from doing the same job at once.
    task = jobs.tasks[name].configure(queueing_lock=lock, lock=lock)
    try:
        task.defer(**arguments)
    except AlreadyEnqueued:
        return False
    return True


def run_worker(app: Flask, wait: bool = True) -> None:
    """Run the background jobs (pairing, whole-round files): until stopped, or until the
    queues are empty (`wait=False`)."""
    jobs = app.extensions[KEY]
    jobs.run_worker(
        queues=[QUEUE, exports.QUEUE],
        wait=wait,
        delete_jobs="successful",
        install_signal_handlers=wait,
        listen_notify=wait,
    )

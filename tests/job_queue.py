"""Procrastinate's job tables (PostgreSQL) for the background tests: emptied around each test,
and the jobs waiting to run."""

from sqlalchemy import text

from app.extensions import db

QUEUE_TABLES = "procrastinate_jobs, procrastinate_events, procrastinate_periodic_defers"


def empty_queue(app) -> None:
    with app.app_context():
        db.session.execute(text(f"TRUNCATE {QUEUE_TABLES}, procrastinate_workers CASCADE"))
        db.session.commit()


def waiting_jobs(app) -> list[tuple[str, str]]:
    """(task name, queueing lock) of every job waiting to run."""
    with app.app_context():
        query = text(
            "SELECT task_name, queueing_lock FROM procrastinate_jobs WHERE status = 'todo'"
        )
        return [tuple(row) for row in db.session.execute(query)]

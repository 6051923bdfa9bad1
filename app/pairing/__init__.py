"""Who can learn from whom, kept per round and scope (app.models.pairing).

On PostgreSQL a worker recomputes it after answers arrive (jobs.py), and a page shows the
last result kept, saying when it was computed; on SQLite (a laptop, no worker) and for a
small scope it is computed in the request. `latest(scope)` decides.
"""

from flask import Flask
from sqlalchemy.engine import make_url

from .latest import Latest, latest

__all__ = ["Latest", "init_app", "latest"]


def init_app(app: Flask) -> None:
    """Settle PAIRING_IN_BACKGROUND, make the job queue when it is on, add the commands."""
    from . import commands, jobs

    postgresql = make_url(app.config["SQLALCHEMY_DATABASE_URI"]).get_backend_name() == "postgresql"
    wanted = app.config.get("PAIRING_IN_BACKGROUND")
    # Unset: on where a worker can run. Procrastinate's queue lives in PostgreSQL only.
    app.config["PAIRING_IN_BACKGROUND"] = postgresql and wanted in (None, True)
    if app.config["PAIRING_IN_BACKGROUND"]:
        jobs.init_app(app)
    app.cli.add_command(commands.pairing)

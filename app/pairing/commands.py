"""`flask pairing worker`: recompute who can learn from whom in the background."""

import click
from flask import current_app
from flask.cli import with_appcontext

from . import jobs


@click.group()
def pairing() -> None:
    """Who can learn from whom, computed in the background."""


@pairing.command()
@with_appcontext
def worker() -> None:
    """Run the pairing jobs as they come (PostgreSQL), until stopped (Ctrl+C, SIGTERM)."""
    if not current_app.config["PAIRING_IN_BACKGROUND"]:
        raise click.ClickException(
            "PAIRING_IN_BACKGROUND is off (SQLite, or set to 0): pages pair in the request."
        )
    jobs.run_worker(current_app._get_current_object())

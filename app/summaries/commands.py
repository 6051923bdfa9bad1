"""`flask summaries rebuild [ROUND]`: recompute the kept summaries from the ratings."""

import click
from flask.cli import with_appcontext

from app.extensions import db
from app.models import Round
from app.numbers import whole_number

from .keep import rebuild_all, rebuild_round


@click.group()
def summaries() -> None:
    """The summaries of rounds the pages read."""


@summaries.command()
@click.argument("round_id", required=False)
@with_appcontext
def rebuild(round_id: str | None) -> None:
    """Recompute the summaries of round ROUND_ID (a number), or of every round."""
    if round_id is None:
        rebuild_all(db.session)
        db.session.commit()
        click.echo("Summaries of every round rebuilt.")
        return
    number = whole_number(round_id)
    if number is None or db.session.get(Round, number) is None:
        raise click.BadParameter(f"no round has the id {round_id!r}", param_hint="ROUND_ID")
    rebuild_round(db.session, number)
    db.session.commit()
    click.echo(f"Summaries of round {number} rebuilt.")

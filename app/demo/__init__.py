"""`flask demo load`: fictional facilitators and two rounds so every page has something to show."""

import click
from flask.cli import AppGroup

from app.demo import data
from app.demo.load import DemoError, load_demo

group = AppGroup("demo", help="Fictional demo data for trying the app.")


@group.command("load")
def load_command() -> None:
    """Load the demo data; running it again adds nothing that is already there."""
    try:
        added = load_demo()
    except DemoError as error:
        raise click.ClickException(str(error)) from None
    if not any(added.values()):
        click.echo("Demo data already loaded; nothing added.")
    else:
        click.echo("Demo data added: " + ", ".join(f"{n} {k}" for k, n in added.items()))
    usernames = ", ".join(c[0] for c in data.COORDINATORS)
    click.echo(f"Demo sign-in: {usernames} / password {data.DEMO_PASSWORD}")
    codes = ", ".join(
        f"{code} ({'open' if is_open else 'closed'})" for _, _, code, is_open in data.ROUNDS
    )
    click.echo(f"Demo join codes: {codes}")


def init_app(app) -> None:
    app.cli.add_command(group)

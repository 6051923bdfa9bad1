"""`flask coordinators create|password`: accounts for the people who read the dashboards."""

import re

import click
from flask.cli import AppGroup
from sqlalchemy import or_, select

from app.demo.data import DEMO_PASSWORD
from app.extensions import db
from app.models import Coordinator, Tambon

group = AppGroup("coordinators", help="Manage coordinator and admin accounts.")
USERNAME = re.compile(r"^[A-Za-z0-9._@-]{3,80}$")
MIN_PASSWORD = 10


@group.command("create")
@click.argument("username")
@click.option("--name", "display_name", default="", help="Name shown in the app.")
@click.option("--admin", is_flag=True, help="Sees every tambon and manages rounds and accounts.")
@click.option("--tambon", "tambons", multiple=True, help="A tambon this coordinator may see "
              "(Thai or English name); repeat for several.")  # fmt: skip
@click.password_option(help="Asked for when not given; at least 10 characters.")
def create_command(username, display_name, admin, tambons, password) -> None:
    """Create a coordinator account (or an admin with --admin)."""
    _check_new_account(username, password, admin, tambons)
    account = Coordinator(username=username, display_name=display_name or username, is_admin=admin)
    account.set_password(password)
    account.tambons = [_tambon_named(name) for name in tambons]
    db.session.add(account)
    db.session.commit()
    scope = "all tambons" if admin else ", ".join(t.name_th for t in account.tambons)
    click.echo(f"Created {'admin' if admin else 'coordinator'} {username} ({scope}).")


@group.command("password")
@click.argument("username")
@click.password_option(help="Asked for when not given; at least 10 characters.")
def password_command(username, password) -> None:
    """Give USERNAME a new password; every device signed in as USERNAME is signed out."""
    account = db.session.execute(select(Coordinator).filter_by(username=username)).scalar()
    if account is None:
        raise click.BadParameter(f"no account is named {username}", param_hint="USERNAME")
    _check_password(password)
    account.set_password(password)
    db.session.commit()
    click.echo(
        f"New password for {username}; every device signed in as {username} must sign in again."
    )


def _check_new_account(username: str, password: str, admin: bool, tambons) -> None:
    if not USERNAME.match(username):
        raise click.BadParameter("use 3-80 letters, digits, or . _ @ -", param_hint="USERNAME")
    if db.session.execute(select(Coordinator.id).filter_by(username=username)).first():
        raise click.BadParameter(f"{username} already exists", param_hint="USERNAME")
    _check_password(password)
    if not admin and not tambons:
        raise click.UsageError("A coordinator needs at least one --tambon (or use --admin).")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise click.BadParameter(f"at least {MIN_PASSWORD} characters", param_hint="--password")
    if password == DEMO_PASSWORD:
        raise click.BadParameter("the demo password is public (README)", param_hint="--password")


def _tambon_named(name: str) -> Tambon:
    query = select(Tambon).where(or_(Tambon.name_th == name, Tambon.name_en == name))
    found = list(db.session.execute(query).scalars())
    if len(found) != 1:
        problem = "no tambon is" if not found else "several tambons are"
        raise click.BadParameter(f"{problem} named {name!r}", param_hint="--tambon")
    return found[0]

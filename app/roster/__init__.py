"""Roster import: facilitators from a CSV file, every line checked before anything is stored."""

from app.roster import commands, routes


def init_app(app) -> None:
    app.register_blueprint(routes.bp)
    app.cli.add_command(commands.group)

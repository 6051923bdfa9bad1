"""Facilitators managed: coordinators keep the people of their tambons true, admins all of them.

List and search, a person's page with their rounds and the history of changes, edit,
deactivate, delete, merge two records of one person, and a new personal link; the same
from the command line (`flask facilitators …`).
"""

from app.facilitators import commands, routes


def init_app(app) -> None:
    app.register_blueprint(routes.bp)
    app.cli.add_command(commands.group)

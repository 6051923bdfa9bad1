"""The round report to the provincial governor: an A4 page and its PDF, and `flask report`."""

from . import commands, routes


def init_app(app) -> None:
    app.register_blueprint(routes.bp)
    app.cli.add_command(commands.report_command)

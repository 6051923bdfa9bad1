"""Exports for training planning: ratings (long and wide) and the training plan, CSV or XLSX.

Row builders (ratings.py, plan.py) and writers (writers.py) are plain Python over a stream
of database rows; routes.py and commands.py only choose what to write and where.
"""

from app.exports import commands, routes


def init_app(app) -> None:
    app.register_blueprint(routes.bp)
    app.cli.add_command(commands.export_command)

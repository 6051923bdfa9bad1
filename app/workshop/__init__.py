"""A workshop from a laptop: a round packed on the server, unpacked on a laptop that serves it
to the phones of the room with no internet (`flask workshop serve`), and its answers
exported there and imported on the server (command line or an upload page)."""

from app.workshop import commands, routes


def init_app(app) -> None:
    app.register_blueprint(routes.bp)
    app.cli.add_command(commands.group)

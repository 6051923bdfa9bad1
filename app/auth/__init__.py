"""Coordinator sign-in, who may see which tambon, and the account commands."""

from app.auth import commands, routes, sessions
from app.extensions import login_manager


def init_app(app) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = None  # the sign-in page explains itself
    login_manager.user_loader(sessions.signed_in)
    app.register_blueprint(routes.bp)
    app.cli.add_command(commands.group)

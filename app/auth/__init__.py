"""Coordinator sign-in, who may see which tambon, and the account commands."""

from sqlalchemy import select

from app.auth import commands, routes
from app.extensions import db, login_manager
from app.models import Coordinator


def init_app(app) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = None  # the sign-in page explains itself
    login_manager.user_loader(_load_coordinator)
    app.register_blueprint(routes.bp)
    app.cli.add_command(commands.group)


def _load_coordinator(session_token: str) -> Coordinator | None:
    query = select(Coordinator).filter_by(session_token=session_token, active=True)
    return db.session.execute(query).scalar_one_or_none()

"""Rounds (รอบการประเมิน): coordinators open them, share the join code, change, close them."""

from app.rounds import manage, routes

__all__ = ["manage", "routes"]


def init_app(app) -> None:
    app.register_blueprint(routes.bp)

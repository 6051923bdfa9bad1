"""Rounds (รอบการประเมิน): coordinators open them, share the join code, close them."""

from app.rounds import routes


def init_app(app) -> None:
    app.register_blueprint(routes.bp)

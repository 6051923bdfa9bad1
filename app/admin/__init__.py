"""Admin pages: tambons, and coordinator and admin accounts (admins only)."""

from app.admin import routes


def init_app(app) -> None:
    app.register_blueprint(routes.bp)

"""The public pages: home, the instruments as freedom tables, error pages."""

from app.main import routes


def init_app(app) -> None:
    app.register_blueprint(routes.bp)
    routes.register_error_pages(app)

"""Facilitators rate themselves on their phones: join by code, pick a name, fill the form,
see their own result through a personal link."""

from app.assess import personal, routes  # noqa: F401  (personal adds its views to routes.bp)


def init_app(app) -> None:
    app.register_blueprint(routes.bp)

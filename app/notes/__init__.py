"""Knowledge assets (ขุมความรู้): the facilitators' notes of a round, read by item and level."""


def init_app(app) -> None:
    # Imported here: the exports' catalogue reads app.notes.rows, and the page's module
    # imports the dashboard, which imports the exports.
    from app.notes import routes

    app.register_blueprint(routes.bp)

"""Two databases for the workshop tests: the province's server (the `app` fixture, with the
tiny round) and a laptop (a brand-new database, migrated)."""

import flask_migrate
import pytest

from app.extensions import db
from tests.conftest import make_app
from tests.tiny_round import build_tiny_round


@pytest.fixture
def server(app, instruments):
    """The tiny round on the server; returns its ids."""
    with app.app_context():
        return build_tiny_round(instruments)


@pytest.fixture
def laptop(empty_database_url):
    """An app on a second, empty database: the workshop laptop."""
    laptop = make_app(empty_database_url)
    with laptop.app_context():
        flask_migrate.upgrade()
    yield laptop
    with laptop.app_context():
        db.engine.dispose()

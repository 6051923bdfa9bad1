"""Fixtures of the security tests: the world of tests/security/security_world.py, built once
per test module in an app of its own on the session's database."""

import pytest

from app.extensions import db
from tests.conftest import make_app
from tests.security.security_world import World, build_world


@pytest.fixture(scope="module")
def world_app(database_url):
    """An app of the module's own on the session database; its tables emptied at the end."""
    app = make_app(database_url)
    yield app
    with app.app_context():
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()
        db.engine.dispose()


@pytest.fixture(scope="module")
def world(world_app) -> World:
    with world_app.app_context():
        return build_world(world_app.secret_key)

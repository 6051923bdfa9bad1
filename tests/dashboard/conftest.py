"""Fixtures of the dashboard and admin tests: the tiny round of tests/tiny_round.py."""

import pytest

from tests.tiny_round import Round, build_tiny_round, sign_in


@pytest.fixture
def tiny(app, instruments) -> Round:
    with app.app_context():
        return build_tiny_round(instruments)


@pytest.fixture
def as_admin(client, tiny):
    sign_in(client, "admin")
    return client


@pytest.fixture
def as_bangchak(client, tiny):
    sign_in(client, "bangchak")
    return client

"""The tiny round of tests/tiny_round.py, for the report's tests."""

import pytest

from tests.tiny_round import Round, build_tiny_round


@pytest.fixture
def tiny(app, instruments) -> Round:
    with app.app_context():
        return build_tiny_round(instruments)

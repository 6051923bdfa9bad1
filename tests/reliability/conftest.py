"""Fixtures of the reliability tests."""

import pytest

from tests.reliability.workshop import Workshop, make_workshop


@pytest.fixture
def workshop(app, instruments) -> Workshop:
    """A round with four facilitators on its roster."""
    with app.app_context():
        return make_workshop(instruments, 4)

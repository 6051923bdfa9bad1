"""Fixtures of the facilitator tests: the roster of roster_world.py."""

import pytest

from tests.facilitators.roster_world import Roster, build_roster


@pytest.fixture
def roster(app, instruments) -> Roster:
    with app.app_context():
        return build_roster(instruments)

"""The round forms compare dates with today: these tests run on a fixed today."""

from datetime import date

import pytest

TODAY = date(2026, 12, 2)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("app.rounds.forms.today", lambda: TODAY)
    return TODAY

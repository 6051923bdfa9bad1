"""Guessing join codes is slowed down: after 60 codes that open no round within 15 minutes
from one source (an IPv4 address, an IPv6 /64), every code lookup from it answers 429 for
a while; other sources are not touched, and every app server sees the same count."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.assess.guessing import MAX_MISSES, WINDOW, source
from app.extensions import db
from app.models import InstrumentVersion, JoinCodeMiss
from app.models.base import utcnow
from tests import builders
from tests.conftest import make_app

WAIT_TH = "มีการลองรหัสที่ไม่ตรงกับรอบใดจากเครือข่ายนี้หลายครั้งเกินไป"
GUESSER = "203.0.113.7"


@pytest.fixture
def code(app, instruments) -> str:
    """An open round's join code."""
    with app.app_context():
        version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
        builders.round_(version, [builders.tambon()], code="RIGHT2")
        db.session.commit()
    return "RIGHT2"


def _from(address: str) -> dict:
    return {"environ_overrides": {"REMOTE_ADDR": address}}


def _misses(app, who: str, count: int, ago: timedelta = timedelta()) -> None:
    with app.app_context():
        db.session.add_all(JoinCodeMiss(source=who, at=utcnow() - ago) for _ in range(count))
        db.session.commit()


def test_wrong_codes_are_counted_and_the_sixty_first_lookup_waits(app, client, code):
    for n in range(MAX_MISSES):
        url = f"/join?code=WRONG{n}" if n % 2 else f"/j/WRONG{n}"  # typed or in a link
        assert client.get(url, **_from(GUESSER)).status_code == 404
    refused = client.get(f"/j/{code}", **_from(GUESSER))  # even the right code, for now
    assert refused.status_code == 429
    assert WAIT_TH in refused.text and "กรุณารอ 15 นาที" in refused.text
    assert 840 < int(refused.headers["Retry-After"]) <= 901
    assert client.get(f"/join?code={code}", **_from(GUESSER)).status_code == 429
    assert client.get(f"/j/{code}", **_from("198.51.100.1")).status_code == 200  # others


def test_right_and_empty_codes_are_not_misses(app, client, code):
    for _ in range(MAX_MISSES + 5):
        assert client.get(f"/join?code={code.lower()}", **_from(GUESSER)).status_code == 302
        assert client.get("/join?code=++", **_from(GUESSER)).status_code == 400
        assert client.get("/join?code=+-+", **_from(GUESSER)).status_code == 404  # no letter
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(JoinCodeMiss)).scalar() == 0


def test_misses_older_than_the_window_do_not_count(app, client, code):
    _misses(app, GUESSER, MAX_MISSES, ago=WINDOW + timedelta(seconds=5))
    _misses(app, GUESSER, MAX_MISSES - 1)
    assert client.get(f"/j/{code}", **_from(GUESSER)).status_code == 200
    assert client.get("/j/WRONG1", **_from(GUESSER)).status_code == 404
    assert app.test_client().get(f"/j/{code}", **_from(GUESSER)).status_code == 429


def test_the_wait_ends_when_the_oldest_miss_leaves_the_window(app, client, code):
    _misses(app, GUESSER, 1, ago=WINDOW - timedelta(minutes=2))
    _misses(app, GUESSER, MAX_MISSES - 1)
    refused = client.get(f"/j/{code}", **_from(GUESSER))
    assert refused.status_code == 429 and 100 < int(refused.headers["Retry-After"]) <= 121
    assert "กรุณารอ 2 นาที" in refused.text


@pytest.mark.parametrize(
    ("address", "counted_as"),
    [("203.0.113.7", "203.0.113.7"), ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
     ("::ffff:203.0.113.7", "203.0.113.7"), ("not an address", "not an address")],
)  # fmt: skip
def test_what_is_counted_as_one_source(address, counted_as):
    assert source(address) == counted_as


def test_an_ipv6_guesser_counts_by_the_64(app, client, code):
    _misses(app, "2001:db8:1:2::/64", MAX_MISSES)
    assert client.get(f"/j/{code}", **_from("2001:db8:1:2:ffff::9")).status_code == 429
    assert client.get(f"/j/{code}", **_from("2001:db8:1:3::9")).status_code == 200


def test_every_app_server_sees_the_same_count(app, client, code, database_url):
    for n in range(MAX_MISSES):
        client.get(f"/j/WRONG{n}", **_from(GUESSER))
    other_server = make_app(database_url)
    refused = other_server.test_client().get(f"/j/{code}", **_from(GUESSER))
    with other_server.app_context():
        db.engine.dispose()  # its own connection pool (PostgreSQL)
    assert refused.status_code == 429

"""The cookies: session, remember-me, language and device are HttpOnly and SameSite=Lax always, and
Secure whenever the request came over HTTPS, directly or through a trusted proxy, even
without SESSION_COOKIE_SECURE."""

import pytest

from app.extensions import db
from tests import builders
from tests.conftest import make_app
from tests.tiny_round import FAST_HASH, PASSWORD

COOKIES = ("session", "remember_token", "lang", "device")


@pytest.fixture
def account(app):
    with app.app_context():
        builders.coordinator("cookie").password_hash = FAST_HASH
        db.session.commit()


def _cookies(client, **request) -> dict[str, set[str]]:
    """Sign in (remember me), then choose a language: each cookie set -> its attributes."""
    signed_in = client.post(
        "/signin", data={"username": "cookie", "password": PASSWORD, "remember": "y"}, **request
    )
    assert signed_in.status_code == 302
    chosen = client.post("/lang", data={"lang": "en", "next": "/"}, **request)
    found = {}
    for header in signed_in.headers.getlist("Set-Cookie") + chosen.headers.getlist("Set-Cookie"):
        name, *attributes = header.split("; ")
        found[name.split("=")[0]] = {a.split("=")[0].lower() + _value(a) for a in attributes}
    assert set(found) == set(COOKIES)
    return found


def _value(attribute: str) -> str:
    return "=" + attribute.split("=", 1)[1] if attribute.lower().startswith("samesite") else ""


def test_over_plain_http_the_cookies_are_httponly_and_lax_but_not_secure(client, account):
    for name, attributes in _cookies(client).items():
        assert {"httponly", "samesite=Lax"} <= attributes, name
        assert "secure" not in attributes, name


def test_over_https_every_cookie_is_secure(client, account):
    for name, attributes in _cookies(client, base_url="https://localhost").items():
        assert {"httponly", "samesite=Lax", "secure"} <= attributes, name


@pytest.fixture
def proxied_app(database_url):
    """The app behind one trusted reverse proxy (TRUSTED_PROXIES=1)."""
    app = make_app(database_url, TRUSTED_PROXIES=1)
    yield app
    with app.app_context():
        db.engine.dispose()  # this app's pool is its own (PostgreSQL)


def test_https_through_a_trusted_proxy_makes_every_cookie_secure(app, proxied_app, account):
    https = {"headers": {"X-Forwarded-Proto": "https"}}
    for name, attributes in _cookies(proxied_app.test_client(), **https).items():
        assert {"httponly", "samesite=Lax", "secure"} <= attributes, name


def test_a_forwarded_https_header_without_a_trusted_proxy_changes_nothing(client, account):
    https = {"headers": {"X-Forwarded-Proto": "https"}}
    for name, attributes in _cookies(client, **https).items():
        assert "secure" not in attributes, name


def test_session_cookie_secure_still_forces_secure_over_http(app, client, account):
    app.config["SESSION_COOKIE_SECURE"] = True
    assert "secure" in _cookies(client)["session"]

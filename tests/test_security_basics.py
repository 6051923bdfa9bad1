"""Security headers on every response, trusted proxies, and the health endpoint."""

import pytest

from app.extensions import db
from tests.conftest import make_app


@pytest.mark.parametrize("path", ["/", "/signin", "/no-such-page", "/static/app.css"])
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    response.close()  # a static file is streamed: close it, as a server would
    headers = response.headers
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "Strict-Transport-Security" not in headers  # plain HTTP: no HSTS


def test_https_behind_a_trusted_proxy_is_seen_as_https(database_url):
    app = make_app(database_url, TRUSTED_PROXIES=1)
    response = app.test_client().get("/", headers={"X-Forwarded-Proto": "https"})
    with app.app_context():
        db.engine.dispose()  # left open, its connection fails the run on PostgreSQL
    # HSTS is only sent when the app sees the request as secure.
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_forwarded_headers_are_ignored_without_a_trusted_proxy(client):
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in response.headers


def test_health_reports_the_database_revision(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["status"] == "ok" and len(response.json["revision"]) == 12
    assert response.headers["Cache-Control"] == "no-store"


def test_health_says_when_the_database_is_unreachable(tmp_path):
    app = make_app(f"sqlite:///{tmp_path}/missing-dir/nothing.sqlite")
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "error", "database": "unavailable"}

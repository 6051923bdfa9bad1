"""Forwarded headers are believed only as TRUSTED_PROXIES says, by gunicorn as by the app:
with none, `X-Forwarded-Proto: https` from 127.0.0.1 gives no HSTS and no Secure cookie."""

import runpy
import urllib.request

import pytest

from tests.gunicorn_server import ROOT, gunicorn_server


def _settings(monkeypatch, **env) -> dict:
    for name in ("TRUSTED_PROXIES", "FORWARDED_ALLOW_IPS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


@pytest.mark.parametrize(
    ("env", "allowed"),
    [
        ({}, ""),
        ({"TRUSTED_PROXIES": "0"}, ""),
        ({"TRUSTED_PROXIES": "1"}, "127.0.0.1,::1"),
        ({"TRUSTED_PROXIES": "0", "FORWARDED_ALLOW_IPS": "10.0.0.5"}, "10.0.0.5"),
    ],
)
def test_gunicorn_believes_proxies_as_trusted_proxies_says(monkeypatch, env, allowed):
    assert _settings(monkeypatch, **env)["forwarded_allow_ips"] == allowed


def _answer_as_if_https(base: str) -> tuple[dict, list[str]]:
    """GET the sign-in page (it sets the session cookie) claiming to be behind HTTPS."""
    request = urllib.request.Request(
        base + "/signin", headers={"X-Forwarded-Proto": "https", "X-Forwarded-Ssl": "on"}
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return dict(answer.headers), answer.headers.get_all("Set-Cookie") or []


@pytest.mark.parametrize("proxies", ["0", "1"])
def test_x_forwarded_proto_counts_only_from_a_trusted_proxy(database_url, monkeypatch, proxies):
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    env = {"TRUSTED_PROXIES": proxies}
    with gunicorn_server(database_url, workers=1, threads=2, env=env) as server:
        headers, cookies = _answer_as_if_https(server.base)
    assert cookies and all("session=" in c or "lang=" in c for c in cookies)
    if proxies == "0":
        assert "Strict-Transport-Security" not in headers
        assert not any("Secure" in cookie for cookie in cookies)
    else:  # a proxy on this machine says the visitor came over HTTPS
        assert headers["Strict-Transport-Security"] == "max-age=31536000"
        assert all("Secure" in cookie for cookie in cookies)

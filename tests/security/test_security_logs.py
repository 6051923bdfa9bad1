"""No personal-link token in any log: gunicorn's access and error logs as gunicorn.conf.py
sets them up, the development server's request log, and the app's own loggers."""

import logging
import time
import urllib.request

from app.logs import REDACT_TOKENS, redact
from tests.gunicorn_server import gunicorn_server
from tests.live_server import live_server
from tests.phone import Phone
from tests.reliability.workshop import answers, make_workshop

PAGES = ("", "/edit", "/qr.svg")


def _personal_link(base: str, workshop) -> str:
    """Answer as the workshop's first person; the personal link's path."""
    phone = Phone(base)
    url = workshop.form_url(workshop.people[0])
    sent = phone.post(url, answers(2, 3, "บันทึก", **phone.open_form(url)))
    assert sent.status == 303, sent.text
    return sent.location


def _visit(base: str, link: str) -> str:
    """Open every page of the personal link (the referrer names it too); the token."""
    for page in PAGES:
        request = urllib.request.Request(base + link + page, headers={"Referer": base + link})
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert answer.status == 200
    return link.removeprefix("/r/")


def _access_log(server, lines: int) -> str:
    """The access log once it has `lines` lines: gunicorn writes one after each answer."""
    log = server.log.parent / "access.log"
    deadline = time.monotonic() + 10
    while len(log.read_text().splitlines()) < lines and time.monotonic() < deadline:
        time.sleep(0.05)
    return log.read_text()


def test_redact_keeps_the_rest_of_the_path():
    assert redact('"GET /r/AbC-d_9/edit?x=1 HTTP/1.1" 200') == '"GET /r/…/edit?x=1 HTTP/1.1" 200'
    assert redact("/r/AbC /R/xyz/qr.svg /rounds/3") == "/r/… /R/…/qr.svg /rounds/3"


def test_gunicorn_logs_carry_no_token(app, instruments, database_url):
    with app.app_context():
        workshop = make_workshop(instruments, 1)
    with gunicorn_server(database_url, workers=1, threads=2) as server:
        token = _visit(server.base, _personal_link(server.base, workshop))
        access = _access_log(server, lines=1 + 2 + len(PAGES))  # healthz, the form, pages
        errors = server.output()
    assert len(token) > 20 and token not in access + errors
    for page in PAGES:
        assert f"GET /r/…{page} HTTP/1.1" in access
    assert "POST /j/" in access  # the log still says what happened


def test_the_development_server_and_the_app_log_no_token(app, instruments, caplog):
    caplog.set_level(logging.INFO)
    with app.app_context():
        workshop = make_workshop(instruments, 1)
    with live_server(app) as base:
        token = _visit(base, _personal_link(base, workshop))
    app.logger.error("Exception on /r/%s/edit [POST]", token, exc_info=ValueError(f"/r/{token}"))
    logging.getLogger("app.unavailable").warning("lost /r/%s/qr.svg", token)
    assert token not in caplog.text
    assert "/r/…/qr.svg" in caplog.text and "ValueError: /r/…" in caplog.text
    assert "GET /r/…/edit HTTP/1.1" in caplog.text  # werkzeug's request line


def test_the_filter_is_on_the_servers_loggers(app):
    for name in ("werkzeug", "gunicorn.access", "gunicorn.error", "waitress", "app"):
        assert REDACT_TOKENS in logging.getLogger(name).filters, name

"""A connection that dies in the middle of a request: even when rolling back and closing
the session fail too, the answer is the app's 503 page, never the server's bare 500
(the real outage, against gunicorn and PostgreSQL, is in test_reliability_faults.py)."""

import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.extensions import db
from app.models import Round
from tests.gunicorn_server import gunicorn_server
from tests.phone import Phone
from tests.reliability.workshop import answers, database_outage

THAI_503 = "ยังไม่ได้บันทึกอะไร: ฐานข้อมูลไม่ตอบ"


def _gone(*_args, **_kwargs):
    raise OperationalError("ROLLBACK", {}, ConnectionError("server closed the connection"))


def _cut(patch, methods=("execute", "rollback", "close")) -> None:
    """Make these Session methods fail, as on a connection the server just closed."""
    for method in methods:
        patch.setattr(Session, method, _gone)


def _join_code(app, workshop) -> str:
    with app.app_context():
        return db.session.get(Round, workshop.round_id).join_code


def test_a_query_rollback_and_close_that_fail_give_the_503_page(app, client, workshop, monkeypatch):
    code = _join_code(app, workshop)
    _cut(monkeypatch)
    response = client.get(f"/j/{code}")
    assert response.status_code == 503
    assert THAI_503 in response.text
    assert response.headers["Retry-After"] == "30"


def test_a_close_that_fails_after_the_page_keeps_the_page(app, client, workshop, monkeypatch):
    code = _join_code(app, workshop)
    _cut(monkeypatch, ("rollback", "close"))
    response = client.get(f"/j/{code}")
    assert response.status_code == 200
    assert code in response.text and THAI_503 not in response.text


def test_after_a_dead_connection_the_next_request_works(app, client, workshop, monkeypatch):
    code = _join_code(app, workshop)
    with monkeypatch.context() as patch:
        _cut(patch)
        assert client.get(f"/j/{code}").status_code == 503
    page = client.get(f"/j/{code}")
    assert page.status_code == 200 and THAI_503 not in page.text


def _keep_asking(base: str, paths: list[str], until: threading.Event) -> list[int]:
    """GET the paths in turn until told to stop; every status (0: no answer at all)."""
    statuses = []
    while not until.is_set():
        for path in paths:
            try:
                with urllib.request.urlopen(base + path, timeout=10) as answer:
                    statuses.append(answer.status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
            except OSError:
                statuses.append(0)
    return statuses


def _cut_connections_again_and_again(url: str, seconds: float) -> None:
    """PostgreSQL: cut the app's connections every few milliseconds, mid-request (a flapping
    network); the window where a request has read and not yet rolled back is then hit."""
    if url.startswith("sqlite"):
        return
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    cut = text(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE datname = :name AND usename = current_user"  # the app's, not a server process
    )
    deadline = time.monotonic() + seconds
    with admin.connect() as conn:
        while time.monotonic() < deadline:
            conn.execute(cut, {"name": make_url(url).database})
            time.sleep(0.005)
    admin.dispose()


def _outages(url: str) -> None:
    """A refused database for 2 s, then 2 s of connections cut again and again."""
    time.sleep(0.5)
    with database_outage(url):
        time.sleep(2)
    _cut_connections_again_and_again(url, seconds=2)
    time.sleep(1)


def test_requests_in_flight_when_the_database_goes_get_200_or_503(app, workshop, database_url):
    """The outage starts and ends while phones keep asking: never the server's bare 500."""
    env = {"SQLITE_BUSY_TIMEOUT": "1"}
    with gunicorn_server(database_url, workers=1, threads=4, env=env) as server:
        phone = Phone(server.base)
        url = workshop.form_url(workshop.people[0])
        link = phone.post(url, answers(2, 3, "ก่อน", **phone.open_form(url))).location
        paths = ["/healthz", f"/j/{_join_code(app, workshop)}", link, "/signin", "/"]
        stop = threading.Event()
        with ThreadPoolExecutor(6) as pool:
            asking = [pool.submit(_keep_asking, server.base, paths, stop) for _ in range(6)]
            try:
                _outages(database_url)
            finally:
                stop.set()  # whatever happened, the phones stop asking
            statuses = [status for future in asking for status in future.result()]
        assert len(statuses) > 30, server.output()
        assert set(statuses) <= {200, 503}, (sorted(set(statuses)), server.output()[-3000:])
        assert phone.get(link).status == 200

"""A connection that dies in the middle of a request: even when rolling back and closing
the session fail too, the answer is the app's 503 page, never the server's bare 500
(the real outage, against gunicorn and PostgreSQL, is in test_reliability_faults.py)."""

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.extensions import db
from app.models import Round

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

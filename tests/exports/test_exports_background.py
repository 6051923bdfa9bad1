"""Whole-round files of a large scope written by the worker (Procrastinate, PostgreSQL): the
download says the file is being prepared and asks once, the same link then sends the file
the request would have written, and a new answer asks for a new one."""

import os

import pytest

from app.extensions import db
from app.models import Round
from app.pairing import jobs
from app.ratings import Mark, record
from tests.job_queue import empty_queue, waiting_jobs
from tests.tiny_round import Round as Tiny
from tests.tiny_round import build_tiny_round, sign_in

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL"),
    reason="the job queue lives in PostgreSQL; on SQLite every file is written in the request",
)
PREPARING = "กำลังเตรียมไฟล์"


def _get(client, url):
    """The response, read and closed (a file sent from disk is open until then)."""
    with client.get(url) as response:
        response.get_data()
    return response


@pytest.fixture
def tiny(app, instruments) -> Tiny:
    with app.app_context():
        return build_tiny_round(instruments)


@pytest.fixture
def background(app, tmp_path):
    """Files of a scope of more than 2 respondents go to the worker (the tiny round has 4)."""
    assert app.config["PAIRING_IN_BACKGROUND"]  # the default on PostgreSQL
    app.config["EXPORT_IN_REQUEST_UP_TO"] = 2
    app.config["EXPORT_DIR"] = str(tmp_path)
    empty_queue(app)
    yield app
    empty_queue(app)


@pytest.mark.parametrize("name, fmt", [("ratings", "csv"), ("training-plan", "xlsx")])
def test_a_large_scope_file_is_written_by_the_worker_then_sent(background, client, tiny, name, fmt):
    sign_in(client, "admin")
    url = f"/rounds/{tiny.later}/exports/{name}.{fmt}"
    background.config["EXPORT_IN_REQUEST_UP_TO"] = 1000  # the file as the request writes it
    in_request = _get(client, url).data
    background.config["EXPORT_IN_REQUEST_UP_TO"] = 2
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 202
    assert PREPARING in first.text and first.headers["Retry-After"]
    assert "attachment" not in first.headers.get("Content-Disposition", "")  # a page, shown
    # Asked once, however often.
    assert [task for task, _ in waiting_jobs(background)] == ["exports.write"]
    jobs.run_worker(background, wait=False)
    sent = _get(client, url)
    assert sent.status_code == 200 and "attachment" in sent.headers["Content-Disposition"]
    if fmt == "csv":
        assert sent.data == in_request
    else:
        assert sent.data[:2] == b"PK" and len(sent.data) > 1000


def _answer_again(app, tiny) -> None:
    with app.app_context():
        round_ = db.session.get(Round, tiny.later)
        codes = round_.instrument_version.instrument.item_codes
        record(round_, tiny.people["บุญมา"], [Mark(c, 5.0, 5.0) for c in codes], "later")


def test_a_file_written_moments_ago_is_sent_while_answers_keep_arriving(background, client, tiny):
    sign_in(client, "admin")
    url = f"/rounds/{tiny.later}/exports/ratings.csv"
    client.get(url)
    jobs.run_worker(background, wait=False)
    before = _get(client, url)
    _answer_again(background, tiny)
    again = _get(client, url)  # within EXPORT_FRESH_FOR (10 minutes): the same file
    assert again.status_code == 200 and again.data == before.data
    assert waiting_jobs(background) == []


def test_a_new_answer_asks_for_a_new_file(background, client, tiny):
    background.config["EXPORT_FRESH_FOR"] = 0
    sign_in(client, "admin")
    url = f"/rounds/{tiny.later}/exports/ratings.csv"
    client.get(url)
    jobs.run_worker(background, wait=False)
    before = _get(client, url)
    assert before.status_code == 200
    _answer_again(background, tiny)
    assert client.get(url).status_code == 202
    jobs.run_worker(background, wait=False)
    after = _get(client, url)
    assert after.status_code == 200 and after.data != before.data
    assert len(list(os.scandir(background.config["EXPORT_DIR"]))) == 1  # the old one removed


def test_a_coordinator_gets_a_file_of_their_own_tambons(background, client, tiny):
    sign_in(client, "admin")
    url = f"/rounds/{tiny.later}/exports/ratings.csv"
    client.get(url)
    jobs.run_worker(background, wait=False)
    everyone = _get(client, url).text
    client = background.test_client()
    sign_in(client, "bangchak")
    background.config["EXPORT_IN_REQUEST_UP_TO"] = 1  # their 2 respondents: the worker too
    assert client.get(url).status_code == 202
    jobs.run_worker(background, wait=False)
    mine = _get(client, url)
    assert mine.status_code == 200
    assert "ท่าไร่" in everyone and "ท่าไร่" not in mine.text and "บางจาก" in mine.text

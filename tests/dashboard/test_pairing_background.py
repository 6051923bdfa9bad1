"""Who can learn from whom recomputed by the worker (Procrastinate, PostgreSQL): the page
shows the kept result and when it was computed, defers one job however often it is seen,
and shows the fresh result once the worker has run."""

import os

import pytest

from app.extensions import db
from app.models import Round
from app.pairing import jobs
from app.ratings import Mark, record
from tests.html_tables import table
from tests.job_queue import empty_queue, waiting_jobs
from tests.tiny_round import sign_in

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL"),
    reason="the job queue lives in PostgreSQL; on SQLite the pairing is computed in the request",
)
STALE = "หลังจากนั้นมีคำตอบใหม่เข้ามา"
COMPUTING = 'id="computing"'


@pytest.fixture
def background(app):
    """Every scope of more than 3 respondents goes to the worker (the tiny round has 4)."""
    assert app.config["PAIRING_IN_BACKGROUND"]  # the default on PostgreSQL
    app.config["PAIRING_IN_REQUEST_UP_TO"] = 3
    empty_queue(app)
    yield app
    empty_queue(app)


def _learners(page: str) -> list[str]:
    return [row[1] for row in table(page, "pairs")[1:]]


def test_no_result_yet_the_page_says_it_is_being_computed(background, as_admin, tiny):
    url = f"/rounds/{tiny.later}/pairs"
    first, second = as_admin.get(url), as_admin.get(url)
    assert first.status_code == second.status_code == 200
    assert all(COMPUTING in r.text and 'id="pairs"' not in r.text for r in (first, second))
    # Two views, one job: the queueing lock of the round and scope.
    assert waiting_jobs(background) == [("pairing.recompute", f"pairing:{tiny.later}:all")]
    jobs.run_worker(background, wait=False)
    assert waiting_jobs(background) == []
    page = as_admin.get(url).text
    assert _learners(page) == ["สมศรี", "บุญมา", "บุญมา", "สมศรี"]
    assert "คำนวณเมื่อ" in page and STALE not in page and COMPUTING not in page


def test_a_stale_result_is_shown_with_when_it_was_computed_until_the_worker_runs(
    background, as_admin, tiny
):
    url = f"/rounds/{tiny.later}/pairs"
    as_admin.get(url)
    jobs.run_worker(background, wait=False)
    with background.app_context():
        round_ = db.session.get(Round, tiny.later)
        codes = round_.instrument_version.instrument.item_codes
        record(round_, tiny.people["บุญมา"], [Mark(c, 2.0, 2.0) for c in codes], "again")
    stale, again = as_admin.get(url).text, as_admin.get(url).text
    assert _learners(stale) == _learners(again) == ["สมศรี", "บุญมา", "บุญมา", "สมศรี"]
    assert STALE in stale and "คำนวณเมื่อ" in stale
    assert len(waiting_jobs(background)) == 1
    jobs.run_worker(background, wait=False)
    fresh = as_admin.get(url).text
    assert _learners(fresh) == ["สมศรี", "สมศรี"] and STALE not in fresh
    assert waiting_jobs(background) == []


def test_a_small_scope_is_paired_in_the_request_even_in_the_background(background, client, tiny):
    sign_in(client, "bangchak")  # Bang Chak: 2 respondents
    page = client.get(f"/rounds/{tiny.later}/pairs").text
    assert [(r[0], r[1], r[5]) for r in table(page, "pairs")[1:]] == [("K1", "สมศรี", "ประเสริฐ")]
    assert waiting_jobs(background) == []

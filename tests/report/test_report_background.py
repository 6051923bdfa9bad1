"""The report's PDF of a scope of many tambons is written by the worker (Procrastinate,
PostgreSQL): the link says it is being prepared and asks once; the same link then sends it."""

import os

import pytest

from app.pairing import jobs
from tests.job_queue import empty_queue, waiting_jobs
from tests.report.pdf_text import page_texts
from tests.tiny_round import sign_in

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL"),
    reason="the job queue lives in PostgreSQL; on SQLite no worker runs",
)


@pytest.fixture
def background(app, tmp_path):
    """A PDF of more than 1 tambon goes to the worker (the tiny round has 2)."""
    assert app.config["PAIRING_IN_BACKGROUND"]  # the default on PostgreSQL
    app.config["REPORT_PDF_IN_REQUEST_UP_TO"] = 1
    app.config["EXPORT_DIR"] = str(tmp_path)
    empty_queue(app)
    yield app
    empty_queue(app)


def test_the_worker_writes_the_report_then_the_link_sends_it(background, client, tiny):
    sign_in(client, "admin")
    client.set_cookie("lang", "en")
    url = f"/rounds/{tiny.later}/report.pdf"
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 202
    assert "The file is being prepared" in first.text
    assert f'href="/rounds/{tiny.later}/report"' in first.text  # back to the report page
    assert "attachment" not in first.headers.get("Content-Disposition", "")
    assert [task for task, _ in waiting_jobs(background)] == ["exports.write"]  # asked once
    jobs.run_worker(background, wait=False)
    with client.get(url) as sent:
        body = sent.get_data()
    assert sent.status_code == 200 and sent.mimetype == "application/pdf"
    assert "attachment" in sent.headers["Content-Disposition"]
    texts = page_texts(body)
    assert "Report to the provincial governor" in texts[0]
    assert sum(t.startswith("Tambon ") for t in texts) == 2  # the whole round, both tambons


def test_a_coordinator_s_report_from_the_worker_holds_their_tambon_only(background, client, tiny):
    sign_in(client, "bangchak")
    client.set_cookie("lang", "en")
    background.config["REPORT_PDF_IN_REQUEST_UP_TO"] = 0
    url = f"/rounds/{tiny.later}/report.pdf"
    assert client.get(url).status_code == 202
    jobs.run_worker(background, wait=False)
    with client.get(url) as sent:
        texts = page_texts(sent.get_data())
    tambon_pages = [t for t in texts if t.startswith("Tambon ")]
    assert len(tambon_pages) == 1 and tambon_pages[0].startswith("Tambon Bang Chak")
    assert "Tha Rai" not in "".join(texts)

"""An instrument without expected levels (the village-group one): no expected column, lead
text, legend entry or export column anywhere; the facilitator instrument keeps them all."""

import csv
import io

import pytest

from app.extensions import db
from app.models import Round
from app.ratings import Mark, record

EXPECTED_WORDS = ("ระดับที่คาดหวัง", "คาดหวัง")  # "expected level", "expected"


@pytest.fixture
def village(app, tiny) -> int:
    """The village-group round of the tiny round, answered by one person in each tambon."""
    with app.app_context():
        round_ = db.session.get(Round, tiny.other_instrument)
        codes = round_.instrument_version.instrument.item_codes
        for name, level in (("สมศรี", 2.0), ("น้ำฝน", 3.0)):
            marks = [Mark(code, level, level + 1) for code in codes]
            record(round_, tiny.people[name], marks, f"VILLAGE-{name}")
        db.session.commit()
    return tiny.other_instrument


def _pages(round_id: int, tiny) -> list[str]:
    return [
        f"/rounds/{round_id}/radar",
        f"/rounds/{round_id}/radar/{tiny.bang_chak}",
        f"/rounds/{round_id}/gaps",
        f"/rounds/{round_id}/charts/radar.svg",
        f"/rounds/{round_id}/charts/radar.svg?tambon={tiny.bang_chak}",
        f"/rounds/{round_id}/charts/radar-grid.svg",
        f"/rounds/{round_id}/report",
    ]


def test_no_page_or_chart_speaks_of_expected_levels(as_admin, tiny, village):
    for url in _pages(village, tiny):
        response = as_admin.get(url)
        assert response.status_code == 200, url
        assert "คาดหวัง" not in response.text, url
        assert "ผู้ตอบ" in response.text or "/charts/" not in url, url  # answers drawn


def test_the_facilitator_instrument_still_shows_them(as_admin, tiny, village):
    for url in _pages(tiny.later, tiny):
        assert "คาดหวัง" in as_admin.get(url).text, url


def _csv(client, round_id: int, name: str) -> list[list[str]]:
    response = client.get(f"/rounds/{round_id}/exports/{name}.csv")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


@pytest.mark.parametrize("name", ["ratings", "training-plan"])
def test_no_expected_columns_in_the_exports(as_admin, tiny, village, name):
    header, *rows = _csv(as_admin, village, name)
    assert rows and all(len(row) == len(header) for row in rows)
    assert not {"expected", "below_expected"} & set(header)
    later_header = _csv(as_admin, tiny.later, name)[0]
    assert "expected" in later_header
    # Every other column is kept, in its order, with its cells.
    assert header == [key for key in later_header if key not in ("expected", "below_expected")]


def test_the_exports_page_lists_no_expected_column(as_admin, tiny, village):
    assert "<code>expected</code>" not in as_admin.get(f"/rounds/{village}/exports").text
    assert "<code>expected</code>" in as_admin.get(f"/rounds/{tiny.later}/exports").text

"""Every chart of the dashboard states its round and the day it was held: B.E. in Thai,
C.E. in English; a renamed or re-dated round names new charts."""

from datetime import date

import pytest

from app.extensions import db
from app.models import Round

CHARTS = ["radar", "radar?tambon={t}", "radar-grid", "river", "river?units=people", "stairs"]


def _chart(client, tiny, chart: str):
    name, _, query = chart.partition("?")
    url = f"/rounds/{tiny.later}/charts/{name}.svg?{query.format(t=tiny.bang_chak)}"
    response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("chart", CHARTS)
def test_every_chart_states_the_round_and_its_day(as_admin, tiny, chart):
    assert "รอบที่ 2 · 14 พ.ย. 2569" in _chart(as_admin, tiny, chart).text
    as_admin.post("/lang", data={"lang": "en", "next": "/"})
    assert "รอบที่ 2 · 14 Nov 2026" in _chart(as_admin, tiny, chart).text


def test_a_renamed_or_redated_round_gets_a_new_caption(app, as_bangchak, tiny):
    before = _chart(as_bangchak, tiny, "radar-grid")
    with app.app_context():
        round_ = db.session.get(Round, tiny.later)
        round_.name, round_.held_on = "ทบทวนปลายปี", date(2026, 12, 1)
        db.session.commit()
    after = _chart(as_bangchak, tiny, "radar-grid")
    assert after.headers["ETag"] != before.headers["ETag"]
    assert "ทบทวนปลายปี · 1 ธ.ค. 2569" in after.text
    assert "14 พ.ย. 2569" not in after.text

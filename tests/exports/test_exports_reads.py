"""A coordinator's export reads their tambons only: at national size a round has 7,000
tambons and 100,000 people, and a coordinator's file must not cost a read of them all."""

import re

from sqlalchemy import event

from app.exports.catalogue import EXPORTS
from app.extensions import db
from tests.exports.conftest import sign_in

# The tables whose rows grow with the round: a read of any must name the tambons or people.
GROWING = re.compile(
    r"\b(?:FROM|JOIN) (response|rating|facilitator|facilitator_role|round_tambon)\b"
)
NARROWED = ("tambon_id IN", "tambon.id IN", "response_id IN", "coordinator_tambon", "count(")


def _statements(app, client, urls) -> list[str]:
    seen = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(" ".join(statement.split()))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        for url in urls:
            with client.get(url) as response:
                assert response.status_code == 200, url
                response.get_data()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen


def test_a_coordinator_s_files_read_only_their_tambons(app, client, world):
    sign_in(client, "local")
    urls = [f"/rounds/{world.round_id}/exports"] + [
        f"/rounds/{world.round_id}/exports/{name}.{fmt}"
        for name in EXPORTS
        for fmt in ("csv", "xlsx")
    ]
    reads = [s for s in _statements(app, client, urls) if GROWING.search(s)]
    assert reads
    wide = [s for s in reads if not any(word in s for word in NARROWED)]
    assert not wide, wide

"""A new personal link for a response in an open round: the old one stops working at once."""

import base64
import re

from sqlalchemy import select

from app.extensions import db
from app.models import FacilitatorChange, Response
from app.ratings import token_hash
from tests.facilitators.roster_world import sign_in

SUNEE = "นางสุนีย์ ทองประเสริฐ"
LINK = re.compile(r'<a class="personal-link" href="(http://localhost/r/([A-Za-z0-9_-]{43}))">')


def test_a_new_link_opens_the_answers_and_the_old_one_does_not(app, client, roster):
    sunee = roster.people[SUNEE]
    old = "old-token-of-sunee"
    with app.app_context():
        response = db.session.execute(
            select(Response).filter_by(facilitator_id=sunee, round_id=roster.open_round)
        ).scalar_one()
        response.token_hash = token_hash(old)
        db.session.commit()
    assert client.get(f"/r/{old}").status_code == 200
    sign_in(client, "local")
    page = client.post(f"/facilitators/{sunee}/rounds/{roster.open_round}/new-link")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    link, token = LINK.search(page.text).groups()
    assert link.endswith(f"/r/{token}")
    svg = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', page.text).group(1)
    assert base64.b64decode(svg).startswith(b"<svg")
    visitor = app.test_client()
    assert visitor.get(f"/r/{old}").status_code == 404
    opened = visitor.get(f"/r/{token}")
    assert opened.status_code == 200 and "นางสุนีย์" in opened.text
    with app.app_context():
        [change] = db.session.execute(select(FacilitatorChange)).scalars()
        assert (change.facilitator_id, change.action, change.by) == (sunee, "new_link", "local")
        assert token not in repr((change.before, change.after))
        assert change.after["round_id"] == roster.open_round
    history = client.get(f"/facilitators/{sunee}").text
    assert "ออกลิงก์ส่วนตัวใหม่" in history and token not in history


def test_no_new_link_in_a_closed_round_or_a_round_not_answered(app, client, roster):
    sunee, kamon = roster.people[SUNEE], roster.people["กมล สุขใจ"]
    sign_in(client, "local")
    closed = client.post(f"/facilitators/{sunee}/rounds/{roster.closed_round}/new-link")
    assert closed.status_code == 409 and "รอบการประเมินนี้ปิดแล้ว" in closed.text
    missing = client.post(f"/facilitators/{kamon}/rounds/{roster.open_round}/new-link")
    assert missing.status_code == 404 and "ยังไม่ได้ตอบ" in missing.text
    assert client.post(f"/facilitators/{sunee}/rounds/999999/new-link").status_code == 404
    with app.app_context():
        assert db.session.execute(select(FacilitatorChange)).first() is None

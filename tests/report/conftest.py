"""The tiny round of tests/tiny_round.py, with a few notes, for the report's tests."""

import pytest
from sqlalchemy import select, update

from app.extensions import db
from app.models import Rating, Response
from tests.tiny_round import Round, build_tiny_round

# (person, item) -> note written in the later round.
NOTES = {
    ("ประเสริฐ", "K1"): "จดบันทึกการประชุมทุกครั้งและส่งต่อให้ทีม",
    ("บุญมา", "S1"): "ยังไม่เคยจัดเวทีเอง อยากเรียนรู้จากพี่ ๆ",
}


@pytest.fixture
def tiny(app, instruments) -> Round:
    with app.app_context():
        built = build_tiny_round(instruments)
        for (person, item), note in NOTES.items():
            response = select(Response.id).where(
                Response.round_id == built.later, Response.facilitator_id == built.people[person]
            )
            db.session.execute(
                update(Rating)
                .where(Rating.response_id.in_(response), Rating.item_code == item)
                .values(note=note)
            )
        db.session.commit()
        return built

"""Rules the database itself enforces, whatever code writes to it (SQLite and PostgreSQL)."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import Facilitator, InstrumentVersion, Rating, Response
from tests import builders


@pytest.fixture
def response_id(app, instruments):
    with app.app_context():
        place = builders.tambon()
        version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
        round_ = builders.round_(version, [place])
        person = builders.facilitator(place)
        response = Response(round_id=round_.id, facilitator_id=person.id, token_hash="x" * 64)
        response.take_snapshot(person)
        db.session.add(response)
        db.session.commit()
        return response.id


def _insert_rating(response_id, current, target, note="", code="K1"):
    db.session.add(
        Rating(
            response_id=response_id,
            item_code=code,
            position=0,
            current_level=current,
            target_level=target,
            note=note,
        )
    )
    db.session.commit()


@pytest.mark.parametrize(
    ("current", "target"),
    [(0, 3), (6, 6), (3, 5.5), (2.3, 3), (2, 3.25), (4, 3)],
    ids=[
        "below scale",
        "above scale",
        "target above scale",
        "not a half",
        "quarter",
        "target<current",
    ],
)
def test_levels_outside_the_rules_are_refused(app, response_id, current, target):
    with app.app_context():
        with pytest.raises(IntegrityError):
            _insert_rating(response_id, current, target)
        db.session.rollback()
        assert db.session.execute(text("SELECT count(*) FROM rating")).scalar() == 0


def test_whole_and_half_levels_are_stored_as_numbers(app, response_id):
    with app.app_context():
        _insert_rating(response_id, 2.5, 4)
        rating = db.session.execute(db.select(Rating)).scalar_one()
        assert (rating.current_level, rating.target_level, rating.gap) == (2.5, 4.0, 1.5)


def test_a_note_longer_than_the_limit_is_refused(app, response_id):
    with app.app_context(), pytest.raises(IntegrityError):
        _insert_rating(response_id, 2, 3, note="ก" * 1001)


def test_one_response_per_facilitator_and_round(app, response_id):
    with app.app_context():
        first = db.session.get(Response, response_id)
        twin = Response(
            round_id=first.round_id, facilitator_id=first.facilitator_id, token_hash="y" * 64
        )
        db.session.add(twin)
        with pytest.raises(IntegrityError):
            db.session.commit()


def test_foreign_keys_are_enforced(app):
    with app.app_context():
        db.session.add(Facilitator(name="ไม่มีตำบล", tambon_id=987654))
        with pytest.raises(IntegrityError):
            db.session.commit()


def test_team_must_be_u_or_v(app):
    with app.app_context():
        place = builders.tambon()
        db.session.add(Facilitator(name="ทีมผิด", tambon=place, team="x"))
        with pytest.raises(IntegrityError):
            db.session.commit()


def test_roles_are_kept_in_role_order_and_replaced(app):
    with app.app_context():
        person = builders.facilitator(builders.tambon(), roles=("recording", "coordination"))
        db.session.commit()
        assert person.roles == ("coordination", "recording")
        person.roles = ("meeting_process",)
        db.session.commit()
        db.session.expire_all()
        assert db.session.get(Facilitator, person.id).roles == ("meeting_process",)

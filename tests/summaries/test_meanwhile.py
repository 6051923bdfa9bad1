"""A first answer added by difference reads the person and the round after taking the
round's lock: a move, a deactivation or a closing committed meanwhile by another request
(after the form's request loaded them) still leaves the summaries equal to a rebuild."""

import pytest
from sqlalchemy.orm import Session

from app.extensions import db
from app.models import Facilitator, Round
from app.ratings import Mark, record
from app.round_facts import close_round
from tests.kept_summaries import kept, rebuilt


def _answers(round_: Round) -> list[Mark]:
    return [Mark(code, 2.0, 3.0) for code in round_.instrument_version.instrument.item_codes]


def _deactivate(other: Session, person_id: int, tiny) -> None:
    other.get(Facilitator, person_id).active = False


def _move(other: Session, person_id: int, tiny) -> None:
    other.get(Facilitator, person_id).tambon_id = tiny.bang_chak


@pytest.mark.parametrize("meanwhile", [_deactivate, _move])
def test_a_change_to_the_person_committed_meanwhile(app, tiny, meanwhile):
    with app.app_context():
        round_ = db.session.get(Round, tiny.later)
        person = db.session.get(Facilitator, tiny.people["มานี"])  # the form request's read
        with Session(db.engine) as other:  # a coordinator's request, committed first
            meanwhile(other, person.id, tiny)
            other.commit()
        record(round_, person.id, _answers(round_), "meanwhile")
        assert kept() == rebuilt()


def test_a_round_closed_meanwhile(app, tiny):
    with app.app_context():
        round_ = db.session.get(Round, tiny.later)
        person = db.session.get(Facilitator, tiny.people["มานี"])
        with Session(db.engine) as other:
            close_round(other.get(Round, round_.id))
            other.commit()
        record(round_, person.id, _answers(round_), "meanwhile")
        assert kept() == rebuilt()

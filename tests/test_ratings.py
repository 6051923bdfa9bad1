"""Recording answers: a retried submission changes nothing, a new one keeps the old in history."""

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import InstrumentVersion, Rating, Response, ResponseRevision, Round
from app.ratings import AnswersRejected, Mark, record, response_for_token
from tests import builders


@pytest.fixture
def setting(app, instruments):
    """An open round of the facilitator instrument with one facilitator: (round id, person id)."""
    with app.app_context():
        place = builders.tambon()
        version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
        round_ = builders.round_(version, [place])
        person = builders.facilitator(place)
        db.session.commit()
        return round_.id, person.id


def _instrument(round_id):
    return db.session.get(Round, round_id).instrument_version.instrument


def _submit(round_id, person_id, answers, submission_id):
    return record(db.session.get(Round, round_id), person_id, answers, submission_id)


def _counts():
    return tuple(
        db.session.execute(select(func.count()).select_from(m)).scalar()
        for m in (Response, Rating, ResponseRevision)
    )


def test_first_submission_stores_every_answer_and_gives_a_personal_token(app, setting):
    with app.app_context():
        instrument = _instrument(setting[0])
        answers = builders.answers(instrument, 2, 4, note="เคยจัดเวทีที่ศาลาวัด")
        outcome = _submit(*setting, answers, "sub-1")
        assert not outcome.replayed and outcome.revision == 1
        assert len(outcome.token) >= 43  # 32 random bytes, base64url
        assert _counts() == (1, 12, 1)
        stored = response_for_token(outcome.token)
        assert stored.id == outcome.response.id
        assert [(r.item_code, r.current_level, r.target_level) for r in stored.ratings][:2] == [
            ("K1", 2.0, 4.0),
            ("K2", 2.0, 4.0),
        ]
        assert stored.token_hash != outcome.token  # only the hash is kept


def test_the_same_submission_posted_again_changes_nothing(app, setting):
    with app.app_context():
        instrument = _instrument(setting[0])
        first = _submit(*setting, builders.answers(instrument, 2, 3), "sub-1")
        retry = _submit(*setting, builders.answers(instrument, 2, 3), "sub-1")
        assert retry.replayed and retry.revision == first.revision
        assert retry.response.id == first.response.id and retry.token is None
        assert _counts() == (1, 12, 1)


def test_a_new_submission_replaces_the_ratings_and_keeps_the_old_in_history(app, setting):
    with app.app_context():
        instrument = _instrument(setting[0])
        _submit(*setting, builders.answers(instrument, 2, 3), "sub-1")
        second = _submit(*setting, builders.answers(instrument, 3, 5), "sub-2")
        assert second.revision == 2 and second.token is None
        assert _counts() == (1, 12, 2)
        history = second.response.history
        assert [h.revision for h in history] == [1, 2]
        assert history[0].ratings[0] == {"item": "K1", "current": 2, "target": 3, "note": ""}
        assert {r.current_level for r in second.response.ratings} == {3.0}


@pytest.mark.parametrize(
    "change",
    [
        lambda a: a[:-1],  # an item missing
        lambda a: [*a, Mark("K1", 2, 3)],  # an item twice
        lambda a: [Mark(a[0].item_code, 2.5, 3), *a[1:]],  # half step where not allowed
        lambda a: [Mark(a[0].item_code, 4, 3), *a[1:]],  # target below current
        lambda a: [Mark(a[0].item_code, 2, 6), *a[1:]],  # outside the scale
        lambda a: [Mark(a[0].item_code, 2, 3, "ก" * 1001), *a[1:]],  # note too long
        lambda a: [Mark("ZZ9", 2, 3), *a[1:]],  # not an item of the instrument
    ],
    ids=["missing", "twice", "half", "target<current", "outside", "long note", "unknown item"],
)
def test_answers_that_do_not_fit_are_rejected_and_nothing_is_stored(app, setting, change):
    with app.app_context():
        instrument = _instrument(setting[0])
        with pytest.raises(AnswersRejected):
            _submit(*setting, change(builders.answers(instrument, 2, 3)), "sub-x")
        assert _counts() == (0, 0, 0)

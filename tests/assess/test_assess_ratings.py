"""What record() gained for the phone form: a derived personal token, and first answers only."""

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import ResponseRevision, Round
from app.ratings import (
    AlreadyAnswered,
    derived_token,
    record,
    response_for_token,
    token_hash,
)
from tests import builders
from tests.assess_helpers import FACILITATOR


def test_a_derived_token_depends_on_the_secret_and_the_submission():
    token = derived_token("secret", "sub-1")
    assert token == derived_token("secret", "sub-1")
    assert token != derived_token("secret", "sub-2")
    assert token != derived_token("another secret", "sub-1")
    assert len(token) == 43  # 256 bits, base64url without padding


def test_the_given_token_opens_the_created_response_only(app, setting):
    with app.app_context():
        round_ = db.session.get(Round, setting.round_id)
        token = derived_token("secret", "sub-1")
        outcome = record(round_, setting.people["สุนีย์"], builders.answers(FACILITATOR),
                         "sub-1", token=token)  # fmt: skip
        assert outcome.token == token
        assert response_for_token(token).id == outcome.response.id
        change = record(round_, setting.people["สุนีย์"], builders.answers(FACILITATOR, 3, 3),
                        "sub-2", token=derived_token("secret", "sub-2"))  # fmt: skip
        assert change.token is None and change.revision == 2
        assert change.response.token_hash == token_hash(token)  # the link did not change


def test_only_new_refuses_a_second_response_but_answers_a_retry(app, setting):
    with app.app_context():
        round_ = db.session.get(Round, setting.round_id)
        person = setting.people["สุนีย์"]
        record(round_, person, builders.answers(FACILITATOR), "sub-1", only_new=True)
        with pytest.raises(AlreadyAnswered):
            record(round_, person, builders.answers(FACILITATOR, 1, 1), "sub-2", only_new=True)
        retry = record(round_, person, builders.answers(FACILITATOR), "sub-1", only_new=True)
        assert retry.replayed
        count = select(func.count()).select_from(ResponseRevision)
        assert db.session.execute(count).scalar() == 1

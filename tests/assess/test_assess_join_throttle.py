"""A workshop behind one public address is not locked out by one phone that mistypes:
only codes that open no round are counted, a round a phone has opened stays open to it,
and a retry of stored answers is recognised before any throttle."""

from sqlalchemy import func, select

from app.assess.guessing import MAX_MISSES
from app.extensions import db
from app.models import JoinCodeMiss, Response, ResponseRevision
from tests.assess_helpers import FACILITATOR, filled, hidden

HALL = {"environ_overrides": {"REMOTE_ADDR": "203.0.113.50"}}  # the temple hall's one address


def _count(app, model) -> int:
    with app.app_context():
        return db.session.execute(select(func.count()).select_from(model)).scalar()


def _mistype(app, times: int) -> list[int]:
    """Another phone in the hall types `times` codes that open no round."""
    phone = app.test_client()
    return [phone.get(f"/join?code=WRONG{n:02d}", **HALL).status_code for n in range(times)]


def test_61_wrong_codes_do_not_stop_a_submission_to_the_open_round(csrf_app, setting):
    phone = csrf_app.test_client()
    assert phone.get(f"/j/{setting.code}", **HALL).status_code == 200
    form = phone.get(setting.form_url("สุนีย์"), **HALL).text
    statuses = _mistype(csrf_app, MAX_MISSES + 1)
    assert statuses == [404] * MAX_MISSES + [429]  # the hall's address is over the limit
    assert _count(csrf_app, JoinCodeMiss) == MAX_MISSES

    assert phone.get(f"/j/{setting.code}", **HALL).status_code == 200  # its roster
    assert phone.get(setting.form_url("สุนีย์"), **HALL).status_code == 200  # its form
    answers = filled(FACILITATOR, "2", "4") | {
        "submission_id": hidden(form, "submission_id"),
        "csrf_token": hidden(form, "csrf_token"),
    }
    sent = phone.post(setting.form_url("สุนีย์"), data=answers, **HALL)
    assert sent.status_code == 303 and sent.headers["Location"].startswith("/r/")
    assert _count(csrf_app, Response) == 1

    # The answer never reached the phone; it retries from a fresh tab (no session at all).
    retried = csrf_app.test_client().post(setting.form_url("สุนีย์"), data=answers, **HALL)
    assert retried.status_code == 303 and retried.headers["Location"] == sent.headers["Location"]
    assert _count(csrf_app, Response) == 1 and _count(csrf_app, ResponseRevision) == 1
    assert _count(csrf_app, JoinCodeMiss) == MAX_MISSES  # nothing of this was a miss


def test_a_right_code_is_never_counted_as_a_miss(app, setting):
    phone = app.test_client()
    for _ in range(MAX_MISSES + 5):
        assert phone.get(f"/j/{setting.code}", **HALL).status_code == 200
        assert phone.get(setting.form_url("สมชาย"), **HALL).status_code == 200
    assert _count(app, JoinCodeMiss) == 0


def test_over_the_limit_a_phone_that_never_opened_the_round_still_waits(app, setting):
    # Otherwise the refusal would tell a guesser which codes are right.
    _mistype(app, MAX_MISSES)
    newcomer = app.test_client()
    assert newcomer.get(f"/j/{setting.code}", **HALL).status_code == 429
    assert newcomer.get(setting.form_url("สมชาย"), **HALL).status_code == 429
    posted = newcomer.post(setting.form_url("สมชาย"), data=filled(FACILITATOR), **HALL)
    assert posted.status_code == 429 and _count(app, Response) == 0
    assert app.test_client().get(f"/j/{setting.code}").status_code == 200  # other addresses


def test_a_stolen_submission_id_opens_no_other_persons_form(app, setting):
    phone = app.test_client()
    form = phone.get(setting.form_url("สุนีย์"), **HALL).text
    answers = filled(FACILITATOR) | {"submission_id": hidden(form, "submission_id")}
    assert phone.post(setting.form_url("สุนีย์"), data=answers, **HALL).status_code == 303
    _mistype(app, MAX_MISSES)
    # The stored id vouches for สุนีย์'s form only, not for another name of the round.
    other = app.test_client().post(setting.form_url("สมชาย"), data=answers, **HALL)
    assert other.status_code == 429

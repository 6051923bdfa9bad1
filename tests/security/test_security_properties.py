"""Property: whatever is posted to the facilitator form, the server never fails, and the
database holds either nothing new for that person or exactly what was sent (every item,
levels and notes as sent, one more revision), never a part of it; a replay changes nothing.

Two tests, repeatable (derandomize: the same examples on every run and in CI):
- first answers: a new facilitator per example posts one generated submission to the roster
  form, then the very same request again (a retry);
- changes: facilitators with a personal link post generated changes, replay earlier
  submissions, and try submission ids of someone else's response (a state machine).
Each post is checked against security_submissions.expected_ratings.
"""

from collections import Counter
from dataclasses import dataclass
from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule, run_state_machine_as_test
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from app.extensions import db
from app.instruments import load_directory
from app.instruments.store import store_version
from app.models import InstrumentVersion, Response, Round, Tambon
from app.ratings import Mark, derived_token, record
from tests import builders
from tests.conftest import INSTRUMENTS_DIR
from tests.security.security_submissions import CODES, Submission, expected_ratings, submissions

FIRST_ANSWERS = 1000  # examples, two posts each
CHANGE_RUNS, CHANGE_STEPS = 50, 12  # state machine runs, at most this many posts each
_serial = count(1)  # names of the people the tests add, unique in the tambon
SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large]
REPEATABLE = settings(deadline=None, derandomize=True, database=None, print_blob=True,
                      suppress_health_check=SLOW_IS_FINE)  # fmt: skip


@dataclass(frozen=True)
class Place:
    round_id: int
    code: str
    tambon_id: int


@pytest.fixture(scope="module")
def place(world_app) -> Place:
    """An open round of the facilitator instrument in one tambon, no one on its roster yet."""
    with world_app.app_context():
        for path, instrument in load_directory(INSTRUMENTS_DIR):
            store_version(instrument, path.name)
        query = select(InstrumentVersion).filter_by(instrument_key="facilitator-competency")
        tambon = builders.tambon("ปากพูน", "Pak Phun")
        round_ = builders.round_(db.session.execute(query).scalar_one(), [tambon], code="PROP26")
        db.session.commit()
        return Place(round_.id, round_.join_code, tambon.id)


def _counts(app) -> dict[str, int]:
    with app.app_context():
        return {
            t.name: db.session.execute(select(func.count()).select_from(t)).scalar()
            for t in db.metadata.sorted_tables
        }


@dataclass(frozen=True)
class Stored:
    """A person's response as the database holds it."""

    ratings: dict[str, tuple[float, float, str]]
    revisions: int
    last_snapshot: dict[str, tuple[float, float, str]]  # the newest history entry


def _stored(app, person_id: int) -> Stored | None:
    with app.app_context():
        query = select(Response).filter_by(facilitator_id=person_id)
        response = db.session.execute(query).scalar_one_or_none()
        if response is None:
            return None
        ratings = {r.item_code: (r.current_level, r.target_level, r.note) for r in response.ratings}
        last = {
            e["item"]: (e["current"], e["target"], e["note"]) for e in response.history[-1].ratings
        }
        return Stored(ratings, len(response.history), last)


def _post(client, url: str, sub: Submission):
    headers = {"Accept": "application/json"} if sub.as_json else {}
    return client.post(url, data=MultiDict(list(sub.fields)), headers=headers)


def _saved_link(response, sub: Submission) -> str:
    """Where a stored submission leads: the personal link."""
    if sub.as_json:
        assert response.status_code == 200 and response.json["saved"] is True
        return response.json["url"]
    assert response.status_code == 303
    return response.headers["Location"]


def _refused(response, sub: Submission) -> None:
    if sub.has_nul:
        assert response.status_code == 400
    else:
        assert response.status_code == (422 if sub.as_json else 200)
        # The form again, its messages under a notice (a bad id has no field to show it by).
        assert response.json["errors"] if sub.as_json else 'class="flash error"' in response.text


def _new_person(app, place: Place) -> int:
    with app.app_context():
        tambon = db.session.get(Tambon, place.tambon_id)
        person = builders.facilitator(tambon, f"ผู้ตอบ {next(_serial)}")
        db.session.commit()
        return person.id


def test_first_answers_are_stored_whole_or_not_at_all(world_app, place):
    tally = Counter()

    @settings(REPEATABLE, max_examples=FIRST_ANSWERS)
    @given(sub=submissions())
    def post_first_answers(sub: Submission):
        person = _new_person(world_app, place)
        client = world_app.test_client()
        url = f"/j/{place.code}/f/{person}"
        before = _counts(world_app)
        first, again = _post(client, url, sub), _post(client, url, sub)
        expected = expected_ratings(sub)
        stored = _stored(world_app, person)
        if expected is None:
            _refused(first, sub)
            assert (again.status_code, stored, _counts(world_app)) == (
                first.status_code,
                None,
                before,
            )
            tally["refused"] += 1
            return
        assert _saved_link(first, sub) == _saved_link(again, sub)  # the retry: same answer
        assert stored == Stored(expected, 1, expected)
        # One response summary too; the tambon's item summaries: one per item once answered.
        grown = {"response": 1, "rating": len(CODES), "response_revision": 1,
                 "response_summary": 1,
                 "item_summary": len(CODES) - before["item_summary"]}  # fmt: skip
        assert _counts(world_app) == {t: n + grown.get(t, 0) for t, n in before.items()}
        tally["stored"] += 1

    post_first_answers()
    print(f"\nfirst answers: {2 * sum(tally.values())} posts, {dict(tally)}")
    assert tally["stored"] >= FIRST_ANSWERS // 5 and tally["refused"] >= FIRST_ANSWERS // 5


class Changes(RuleBasedStateMachine):
    """Three facilitators of the round, each with a response and its personal link."""

    def __init__(self, app, place: Place, tally: Counter) -> None:
        super().__init__()
        self.app, self.tally, self.client = app, tally, app.test_client()
        self.people: list[tuple[int, str]] = []  # (facilitator id, personal-link token)
        self.accepted: list[tuple[int, Submission, str]] = []  # person, submission, link
        with app.app_context():
            round_ = db.session.get(Round, place.round_id)
            tambon = db.session.get(Tambon, place.tambon_id)
            for _ in range(3):
                person = builders.facilitator(tambon, f"ผู้เปลี่ยน {next(_serial)}")
                submission = f"00000000-0000-4000-8000-{person.id:012d}"
                answers = [Mark(code, 1.0, 1.0) for code in CODES]
                token = derived_token(app.secret_key, submission)
                record(round_, person.id, answers, submission, token=token)
                self.people.append((person.id, token))

    def _post_change(self, who: int, sub: Submission):
        person, token = self.people[who]
        before, counts = _stored(self.app, person), _counts(self.app)
        response = _post(self.client, f"/r/{token}/edit", sub)
        self.tally["posts"] += 1
        return person, before, counts, response

    @rule(who=st.integers(0, 2), sub=submissions())
    def change(self, who: int, sub: Submission) -> None:
        person, before, counts, response = self._post_change(who, sub)
        expected = expected_ratings(sub)
        after = _stored(self.app, person)
        if expected is None:
            _refused(response, sub)
            assert (after, _counts(self.app)) == (before, counts)
            self.tally["refused"] += 1
            return
        link = _saved_link(response, sub)
        assert link == f"/r/{self.people[who][1]}"
        assert after == Stored(expected, before.revisions + 1, expected)
        assert _counts(self.app) == counts | {"response_revision": counts["response_revision"] + 1}
        self.accepted.append((who, sub, link))
        self.tally["stored"] += 1

    @precondition(lambda self: self.accepted)
    @rule(pick=st.integers(min_value=0), as_json=st.booleans())
    def replay(self, pick: int, as_json: bool) -> None:
        """A stored submission sent again (a retry): the same answer, nothing changes."""
        who, sub, link = self.accepted[pick % len(self.accepted)]
        replayed = Submission(sub.fields, as_json)
        person, before, counts, response = self._post_change(who, replayed)
        assert _saved_link(response, replayed) == link
        assert (_stored(self.app, person), _counts(self.app)) == (before, counts)
        self.tally["replayed"] += 1

    @precondition(lambda self: self.accepted)
    @rule(pick=st.integers(min_value=0), to=st.integers(1, 2))
    def someone_else_s_id(self, pick: int, to: int) -> None:
        """A stored submission of one person sent to another's link: refused, untouched."""
        who, sub, _link = self.accepted[pick % len(self.accepted)]
        person, before, counts, response = self._post_change((who + to) % 3, sub)
        assert response.status_code == 400
        assert (_stored(self.app, person), _counts(self.app)) == (before, counts)
        self.tally["foreign"] += 1


def test_changes_are_stored_whole_or_not_at_all(world_app, place):
    tally = Counter()
    run_state_machine_as_test(
        lambda: Changes(world_app, place, tally),
        settings=settings(REPEATABLE, max_examples=CHANGE_RUNS, stateful_step_count=CHANGE_STEPS),
    )
    print(f"\nchanges: {tally['posts']} posts, {dict(tally)}")
    assert tally["stored"] >= 50 and tally["replayed"] >= 20 and tally["foreign"] >= 20

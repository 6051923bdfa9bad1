"""Answers are kept in the summaries by difference: a first answer reads none of the tambon's
other answers, a changed one is taken away and added (the work done while SQLite's write
lock is held), and the result is the rebuild's."""

from sqlalchemy import event, select

from app.extensions import db
from app.models import Facilitator, ItemSummary, Round, TambonSummary
from app.ratings import Mark, record
from tests.kept_summaries import kept, rebuilt


def _answers(round_: Round, level: float) -> list[Mark]:
    codes = round_.instrument_version.instrument.item_codes
    return [Mark(code, level, min(5.0, level + 1)) for code in codes]


def _statements_during(action) -> list[str]:
    seen: list[str] = []

    def note(_conn, _cursor, statement, *_args):
        seen.append(" ".join(statement.split()))

    engine = db.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return seen


def test_a_first_answer_reads_no_other_answers_and_equals_a_rebuild(app, tiny):
    with app.app_context():
        round_ = db.session.get(Round, tiny.later)
        person = db.session.get(Facilitator, tiny.people["มานี"])  # has answered nothing yet
        tally = db.session.get(TambonSummary, (round_.id, person.tambon_id))
        answered, on_roster = tally.answered, tally.on_roster
        seen = _statements_during(
            lambda: record(round_, person.id, _answers(round_, 2.0), "first-answer")
        )
        summaries = [s for s in seen if "summary" in s]
        assert summaries, seen
        # Recomputing would read the tambon's ratings and its waiting people.
        reads = [s for s in seen if s.startswith("SELECT")]
        assert not [s for s in reads if "JOIN rating" in s and "response.tambon_id IN" in s]
        assert not [s for s in reads if "count(facilitator.id)" in s]
        assert not [s for s in seen if s.startswith("DELETE") and "item_summary" in s]
        db.session.expire_all()
        tally = db.session.get(TambonSummary, (round_.id, person.tambon_id))
        assert (tally.answered, tally.on_roster) == (answered + 1, on_roster)
        assert kept() == rebuilt()


def test_a_changed_answer_is_kept_by_difference_and_equals_a_rebuild(app, tiny):
    with app.app_context():
        round_ = db.session.get(Round, tiny.later)
        person = db.session.get(Facilitator, tiny.people["มานี"])  # has answered nothing yet
        record(round_, person.id, _answers(round_, 1.0), "low")
        seen = _statements_during(lambda: record(round_, person.id, _answers(round_, 4.0), "high"))
        # Taken away and added: the tambon's summaries are not recomputed.
        assert not [s for s in seen if s.startswith("DELETE") and "item_summary" in s]
        assert [s for s in seen if s.startswith("UPDATE item_summary")]
        item = (
            db.session.execute(
                select(ItemSummary).filter_by(round_id=round_.id, tambon_id=person.tambon_id)
            )
            .scalars()
            .first()
        )
        assert item.current_max >= 4.0
        assert kept() == rebuilt()


def test_answers_changed_twice_in_one_transaction_equal_a_rebuild(app, tiny):
    """As a workshop import carrying two revisions of one person: the ratings of the first
    were never kept, so nothing of them may be taken away."""
    with app.app_context():
        round_ = db.session.get(Round, tiny.later)
        person = db.session.get(Facilitator, tiny.people["มานี"])
        record(round_, person.id, _answers(round_, 1.0), "first")
        record(round_, person.id, _answers(round_, 3.0), "second", commit=False)
        record(round_, person.id, _answers(round_, 5.0), "third", commit=False)
        db.session.commit()
        assert kept() == rebuilt()

"""The one access rule of a round (app/rounds/access.py), on the tiny round.

An admin sees and manages everything; a coordinator sees a round that includes one of
their tambons, only those tambons, and manages it only when all its tambons are theirs.
"""

import pytest
from sqlalchemy import event, inspect

from app.extensions import db
from app.models import Coordinator, Round
from app.rounds.access import scope_for


def _scope(tiny, username: str, round_id: int):
    return scope_for(db.session.get(Coordinator, tiny.accounts[username]), round_id)


def test_an_admin_sees_and_manages_every_tambon(app, tiny):
    with app.app_context():
        scope = _scope(tiny, "admin", tiny.later)
        assert scope.tambon_ids is None and scope.manages
        assert scope.sees(tiny.bang_chak) and scope.sees(tiny.tha_rai)
        assert not scope.sees(tiny.pak_phun)  # not in the round


def test_a_coordinator_sees_only_their_tambons_and_manages_nothing_shared(app, tiny):
    with app.app_context():
        scope = _scope(tiny, "bangchak", tiny.later)
        assert scope.tambon_ids == {tiny.bang_chak} and not scope.manages
        assert scope.sees(tiny.bang_chak) and not scope.sees(tiny.tha_rai)
        assert [t.id for t in scope.tambons()] == [tiny.bang_chak]


def test_a_coordinator_of_every_tambon_of_a_round_manages_it(app, tiny):
    with app.app_context():
        account = db.session.get(Coordinator, tiny.accounts["bangchak"])
        account.tambons.append(db.session.get(Round, tiny.later).tambons[1])
        db.session.commit()
        assert _scope(tiny, "bangchak", tiny.later).manages


@pytest.mark.parametrize("round_id", ["later", 0, -1, 2**31, 10**20])
def test_a_round_they_may_not_see_is_nothing(app, tiny, round_id):
    with app.app_context():
        number = getattr(tiny, round_id) if isinstance(round_id, str) else round_id
        assert _scope(tiny, "outsider", number) is None


def test_the_check_reads_only_the_users_tambons_of_the_round(app, tiny):
    """A national round has 7,000 tambons: none of the checks may read them all."""
    statements = []
    record = _record(statements)
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", record)
        scope = _scope(tiny, "bangchak", tiny.later)
        assert scope.sees(tiny.bang_chak) and not scope.manages
        assert _scope(tiny, "admin", tiny.later).sees(tiny.tha_rai)
        event.remove(db.engine, "before_cursor_execute", record)
        assert "tambons" in inspect(scope.round).unloaded
    reading = [s for s in statements if "round_tambon" in s]
    assert reading and all(_restricted(s) for s in reading), reading


def _record(statements: list):
    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append(" ".join(statement.split()))

    return record


def _restricted(statement: str) -> bool:
    """A query on round_tambon joined to the user's tambons, or a count, or an EXISTS."""
    return any(word in statement for word in ("coordinator_tambon", "count(", "EXISTS"))

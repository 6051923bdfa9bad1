"""A workshop for the reliability tests: an open round of the facilitator instrument with its
roster, the answers phones send, what the database holds afterwards, and a database outage."""

import sqlite3
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from app.extensions import db
from app.models import InstrumentVersion, Response
from tests import builders
from tests.assess_helpers import FACILITATOR, filled


@dataclass(frozen=True)
class Workshop:
    code: str
    round_id: int
    people: tuple[int, ...]

    def form_url(self, person: int) -> str:
        return f"/j/{self.code}/f/{person}"


def make_workshop(instruments, people: int) -> Workshop:
    """An open round in two tambons with `people` facilitators on its roster; committed."""
    places = [builders.tambon("บางจาก", "Bang Chak"), builders.tambon("ท่าไร่", "Tha Rai")]
    version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
    round_ = builders.round_(version, places, code="WSP234")
    ids = tuple(
        builders.facilitator(places[n % 2], f"คุณอำนวย {n + 1:03d}").id for n in range(people)
    )
    db.session.commit()
    return Workshop(round_.join_code, round_.id, ids)


def answers(current: int, target: int, note: str, **fields) -> dict:
    """A complete form with the same levels on every item, a fresh submission id, `fields`."""
    fresh = str(uuid.uuid4())
    return filled(FACILITATOR, str(current), str(target), note, submission_id=fresh) | fields


@dataclass(frozen=True)
class Stored:
    """One response as the database holds it: the ratings and the history's submission ids."""

    revision: int
    ratings: frozenset[tuple[str, float, float, str]]
    submissions: tuple[str, ...]

    def levels(self) -> set[tuple[float, float, str]]:
        return {(current, target, note) for _, current, target, note in self.ratings}


def _stored(response: Response) -> Stored:
    ratings = frozenset(
        (r.item_code, r.current_level, r.target_level, r.note) for r in response.ratings
    )
    return Stored(response.revision, ratings, tuple(h.submission_id for h in response.history))


def stored(app, round_id: int) -> dict[int, Stored]:
    """Every response of the round, by facilitator id."""
    with app.app_context():
        query = select(Response).filter_by(round_id=round_id)
        found = {r.facilitator_id: _stored(r) for r in db.session.execute(query).scalars()}
        db.session.remove()
        return found


@contextmanager
def database_outage(url: str):
    """The database unavailable to the app for the length of the block.

    SQLite: another process holds the write lock (as a long backup or a stuck tool would).
    PostgreSQL: the database refuses new connections and the app's are cut.
    """
    if url.startswith("sqlite"):
        holder = sqlite3.connect(make_url(url).database, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        return
    name = make_url(url).database
    # From another database of the server: a database cannot refuse its own connections.
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
        conn.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
            {"name": name},
        )
        try:
            yield
        finally:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
    admin.dispose()

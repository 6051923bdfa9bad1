"""A new response added to the summaries by difference: its answers are added to the sums of
its tambon's items and the tambon's tally moves one person from waiting to answered, without
reading the tambon's other answers.

This is the path of a workshop: a hall of phones sending first answers within seconds. On
SQLite every write waits for one lock, so the work done while holding it decides how many
submissions a laptop takes per second (bench/workshop_burst.py). Anything else (a changed
answer, a move, a merge, a closed roster) is recomputed from the ratings (keep.py).
"""

from dataclasses import dataclass
from functools import cache

from sqlalchemy import Insert, Select, Update, bindparam, case, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.models import (
    Facilitator,
    InstrumentVersion,
    ItemSummary,
    Rating,
    Response,
    ResponseSummary,
    Round,
    TambonSummary,
)
from app.models.people import roles_from_text
from app.scoring.facts import Answer, Person

from .compute import doubled, item_sums
from .keep import response_row

ADDED = ("respondents", "current_sum2", "target_sum2", "learners", "below_target",
         "below_expected", "expected_sum", "expected_count")  # fmt: skip
EXTREMES = ("current_min", "current_max", "target_min", "target_max")


def can_add(session: Session, response: Response) -> bool:
    """Whether adding `response` keeps the summaries equal to a rebuild: a response with
    answers, from a person on the live roster of the tambon they answered in (so they move
    from waiting to answered there, and nowhere else)."""
    round_ = session.get(Round, response.round_id)
    person = session.get(Facilitator, response.facilitator_id)
    return (
        bool(response.ratings)
        and round_ is not None
        and round_.roster_at_close is None
        and person is not None
        and person.active
        and person.tambon_id == response.tambon_id
    )


def add(session: Session, responses: list[Response]) -> list[Response]:
    """Add these new responses (each passed `can_add`) to their tambons' summaries; returns
    those whose tambon has no summary in the round (not one of its tambons), for the caller
    to recompute."""
    left = []
    for response in responses:
        if _count_answered(session, response):
            _add_items(session, response)
        else:
            left.append(response)
    return left


def _count_answered(session: Session, response: Response) -> bool:
    values = {"round": response.round_id, "tambon": response.tambon_id,
              "when": response.updated_at}  # fmt: skip
    return session.connection().execute(_statements(session).answered, values).rowcount == 1


def _add_items(session: Session, response: Response) -> None:
    round_ = session.get(Round, response.round_id)
    expected = round_.instrument_version.instrument.expected_levels
    roles = frozenset(roles_from_text(response.roles_text))
    person = Person(response.facilitator_id, "", "", roles)
    answers = [
        Answer(person.id, "", r.item_code, float(r.current_level), float(r.target_level))
        for r in response.ratings
    ]
    rows = [
        {"round_id": response.round_id, "tambon_id": response.tambon_id, "item_code": s.item}
        | {name: getattr(s, name) for name in (*ADDED, *EXTREMES)}
        for s in item_sums(answers, {person.id: person}, expected)
    ]
    session.connection().execute(_statements(session).items, rows)


def summarise(session: Session, responses: list[Response]) -> list[Response]:
    """Write the response summary of these new responses; returns those of people who have
    a later response of the instrument (whose previous one is now this: recompute them)."""
    left = []
    for response in responses:
        row = _summary(session, response)
        if row is None:
            left.append(response)
        else:
            session.connection().execute(_statements(session).summary, row)
    return left


def _summary(session: Session, response: Response) -> dict | None:
    """The response's summary against the person's latest earlier response of the same
    instrument; None when they have a later one."""
    round_ = session.get(Round, response.round_id)
    key, when = round_.instrument_version.instrument_key, (round_.held_on, round_.id)
    found = session.connection().execute(
        _statements(session).series, {"person": response.facilitator_id}
    )
    earlier = [
        (held_on, round_id, rid)
        for rid, held_on, round_id, k in found
        if k == key and rid != response.id
    ]
    if any((held_on, round_id) > when for held_on, round_id, _ in earlier):
        return None
    now = {r.item_code: float(r.current_level) for r in response.ratings}
    previous = None
    if earlier:
        previous_id = max(earlier)[2]
        levels = session.connection().execute(
            _statements(session).levels, {"response": previous_id}
        )
        previous = {"id": previous_id, "levels": {item: float(level) for item, level in levels}}
    gaps = [
        doubled(float(r.target_level)) - doubled(float(r.current_level)) for r in response.ratings
    ]
    return response_row(
        {
            "id": response.id,
            "round_id": response.round_id,
            "tambon_id": response.tambon_id,
            "levels": now,
            "gaps": gaps,
            "previous": previous,
        }
    )


@dataclass(frozen=True)
class Statements:
    answered: Update  # one more person answered in a tambon
    items: Insert  # a response's sums added to its tambon's items
    series: Select  # a person's responses: id, held on, round, instrument
    levels: Select  # a response's current levels
    summary: Insert  # a response's summary


@cache
def _statements_for(dialect: str) -> Statements:
    """Built once: a submission holds SQLite's write lock while they run."""
    tally = TambonSummary.__table__.c
    last, when = tally.last_answer, bindparam("when", type_=tally.last_answer.type)
    answered = (
        update(TambonSummary.__table__)
        .where(tally.round_id == bindparam("round"), tally.tambon_id == bindparam("tambon"))
        .values(answered=tally.answered + 1,
                last_answer=case((last.is_(None) | (last < when), when), else_=last))
    )  # fmt: skip
    statement = (postgresql if dialect == "postgresql" else sqlite).insert(ItemSummary.__table__)
    new, old = statement.excluded, ItemSummary.__table__.c
    sums = {name: old[name] + new[name] for name in ADDED}
    lowest = {n: case((new[n] < old[n], new[n]), else_=old[n]) for n in EXTREMES if "min" in n}
    highest = {n: case((new[n] > old[n], new[n]), else_=old[n]) for n in EXTREMES if "max" in n}
    items = statement.on_conflict_do_update(
        index_elements=["round_id", "tambon_id", "item_code"], set_=sums | lowest | highest
    )
    series = (
        select(Response.id, Round.held_on, Round.id, InstrumentVersion.instrument_key)
        .join(Round, Round.id == Response.round_id)
        .join(InstrumentVersion, InstrumentVersion.id == Round.instrument_version_id)
        .where(Response.facilitator_id == bindparam("person"))
    )
    levels = select(Rating.item_code, Rating.current_level).where(
        Rating.response_id == bindparam("response")
    )
    return Statements(answered, items, series, levels, insert(ResponseSummary.__table__))


def _statements(session: Session) -> Statements:
    return _statements_for(session.get_bind().dialect.name)

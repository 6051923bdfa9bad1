"""Answers kept in the summaries by difference. A new response's answers are added to the
sums of its tambon's items and the tambon's tally moves one person from waiting to answered;
a changed response's old ratings are taken away and its new ones added. Neither reads the
tambon's other answers (but for an item's lowest or highest level that only the old answer
may have held).

This is the path of a workshop: a hall of phones sending answers within seconds. On SQLite
every write waits for one lock, so the work done while holding it decides how many
submissions a laptop takes per second (bench/submission_cost.py, bench/workshop_burst.py).
Anything else (a move, a merge, a closed roster) is recomputed from the ratings (keep.py).
"""

from dataclasses import dataclass
from functools import cache

from sqlalchemy import Insert, Select, Update, bindparam, case, func, insert, select, update
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

from .compute import ItemSums, doubled, item_sums
from .keep import response_row

ADDED = ("respondents", "current_sum2", "target_sum2", "learners", "below_target",
         "below_expected", "expected_sum", "expected_count")  # fmt: skip
EXTREMES = ("current_min", "current_max", "target_min", "target_max")


def can_add(session: Session, response: Response) -> bool:
    """Whether adding `response` keeps the summaries equal to a rebuild: a response with
    answers, from a person on the live roster of the tambon they answered in (so they move
    from waiting to answered there, and nowhere else). Called holding the round's lock."""
    round_ = session.get(Round, response.round_id)
    person = session.get(Facilitator, response.facilitator_id)
    # Read again (the caller holds the round's lock): the request may have loaded them
    # before another request moved or deactivated the person, or closed the round.
    for obj, fields in ((round_, ["roster_at_close"]), (person, ["active", "tambon_id"])):
        if obj is not None:
            session.refresh(obj, fields)
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


def can_replace(response: Response, removed: list[Rating]) -> bool:
    """Whether a response whose ratings were replaced by others can be kept by difference:
    it had answers and still has (so its tambon's tally of who answered stays)."""
    return bool(removed) and bool(response.ratings)


def replace(session: Session, response: Response, removed: list[Rating]) -> bool:
    """Take the removed ratings' sums away from the tambon's items and add the new ones'.
    A lowest or highest level that the removed ratings may have held alone is read again
    from the tambon's ratings of that item. False (nothing written) when the items of the
    removed and new ratings and of the summaries do not match."""
    before = {s.item: s for s in _sums(session, response, removed)}
    after = {s.item: s for s in _sums(session, response, response.ratings)}
    statements = _statements(session)
    values = {"round": response.round_id, "tambon": response.tambon_id, "items": list(after)}
    kept = {row.item_code: row for row in session.connection().execute(statements.kept, values)}
    if not (before.keys() == after.keys() == kept.keys()):
        return False
    lost = [item for item in after if _loses_extreme(kept[item], before[item], after[item])]
    extremes = _extremes(session, values | {"items": lost}) if lost else {}
    rows = [_replaced(kept[item], before[item], after[item], extremes.get(item)) for item in after]
    session.connection().execute(statements.replace, rows)
    _count_answered(session, response, more=0)
    return True


def _loses_extreme(kept, old: ItemSums, new: ItemSums) -> bool:
    """Whether the old levels held a lowest or highest level that the new ones leave."""
    return (old.current_min == kept.current_min < new.current_min
            or old.target_min == kept.target_min < new.target_min
            or old.current_max == kept.current_max > new.current_max
            or old.target_max == kept.target_max > new.target_max)  # fmt: skip


def _extremes(session: Session, values: dict) -> dict[str, dict[str, float]]:
    """Item -> its lowest and highest levels over the tambon's ratings as they are now."""
    rows = session.connection().execute(_statements(session).extremes, values)
    return {item: dict(zip(EXTREMES, map(float, levels))) for item, *levels in rows}


def _replaced(kept, old: ItemSums, new: ItemSums, extremes: dict | None) -> dict:
    """The statement's values for an item summary with `old` taken away and `new` added;
    `extremes` read again when an old extreme went."""
    sums = {name: getattr(kept, name) + getattr(new, name) - getattr(old, name) for name in ADDED}
    if extremes is None:
        extremes = {
            "current_min": min(kept.current_min, new.current_min),
            "current_max": max(kept.current_max, new.current_max),
            "target_min": min(kept.target_min, new.target_min),
            "target_max": max(kept.target_max, new.target_max),
        }
    key = {"round": kept.round_id, "tambon": kept.tambon_id, "item": kept.item_code}
    return key | {f"new_{name}": value for name, value in (sums | extremes).items()}


def _count_answered(session: Session, response: Response, more: int = 1) -> bool:
    """`more` people answered in the response's tambon, the last at its time; False when
    the tambon has no summary in the round."""
    values = {"round": response.round_id, "tambon": response.tambon_id,
              "when": response.updated_at, "more": more}  # fmt: skip
    return session.connection().execute(_statements(session).answered, values).rowcount == 1


def _sums(session: Session, response: Response, ratings) -> tuple[ItemSums, ...]:
    """The item sums of these ratings of the response, as its person answered."""
    round_ = session.get(Round, response.round_id)
    expected = round_.instrument_version.instrument.expected_levels
    roles = frozenset(roles_from_text(response.roles_text))
    person = Person(response.facilitator_id, "", "", roles)
    answers = [
        Answer(person.id, "", r.item_code, float(r.current_level), float(r.target_level))
        for r in ratings
    ]
    return item_sums(answers, {person.id: person}, expected)


def _add_items(session: Session, response: Response) -> None:
    rows = [
        {"round_id": response.round_id, "tambon_id": response.tambon_id, "item_code": s.item}
        | {name: getattr(s, name) for name in (*ADDED, *EXTREMES)}
        for s in _sums(session, response, response.ratings)
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
    answered: Update  # more people answered in a tambon
    items: Insert  # a response's sums added to its tambon's items
    kept: Select  # some items' summaries in a tambon
    replace: Update  # an item summary by its key
    extremes: Select  # some items' lowest and highest levels in a tambon, from the ratings
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
        .values(answered=tally.answered + bindparam("more"),
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
    item = ItemSummary.__table__.c
    kept = select(ItemSummary.__table__).where(
        item.round_id == bindparam("round"),
        item.tambon_id == bindparam("tambon"),
        item.item_code.in_(bindparam("items", expanding=True)),
    )
    replace = (
        update(ItemSummary.__table__)
        .where(item.round_id == bindparam("round"), item.tambon_id == bindparam("tambon"),
               item.item_code == bindparam("item"))
        .values({name: bindparam(f"new_{name}") for name in (*ADDED, *EXTREMES)})
    )  # fmt: skip
    extremes = (
        select(Rating.item_code, func.min(Rating.current_level), func.max(Rating.current_level),
               func.min(Rating.target_level), func.max(Rating.target_level))
        .join(Response, Response.id == Rating.response_id)
        .where(Response.round_id == bindparam("round"), Response.tambon_id == bindparam("tambon"),
               Rating.item_code.in_(bindparam("items", expanding=True)))
        .group_by(Rating.item_code)
    )  # fmt: skip
    summary = insert(ResponseSummary.__table__)
    return Statements(answered, items, kept, replace, extremes, series, levels, summary)


def _statements(session: Session) -> Statements:
    return _statements_for(session.get_bind().dialect.name)

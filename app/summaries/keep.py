"""Keeping the summaries of rounds: recomputed from the ratings for the units and people a
change touched, in the transaction of that change (see watch.py), or rebuilt whole.

Every function takes the session to work in, so the migration that created the summaries
can fill them too. Units are tambons today. Statements go to the session's connection, not
through the ORM: a submission holds SQLite's write lock while they run, and the ORM's
bookkeeping per statement costs more than the statement (bench/workshop_burst.py).
"""

from collections import defaultdict
from collections.abc import Collection, Iterable

from sqlalchemy import bindparam, delete, func, insert, select, update
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
    round_tambon,
)
from app.models.people import roles_from_text
from app.scoring.facts import Answer, Person

from .compute import change, doubled, item_sums

# Rebuilding a national round reads its ratings this many tambons or people at a time.
CHUNK = 500


def refresh_units(session: Session, round_id: int, tambon_ids: Collection[int]) -> None:
    """Recompute the tambon and item summaries of these tambons of round `round_id`; a tambon
    no longer in the round loses its summaries."""
    round_ = session.get(Round, round_id)
    if round_ is None or not tambon_ids:
        return
    tambon_ids = set(tambon_ids)
    in_round = _round_tambon_ids(session, round_id, tambon_ids)
    _delete_units(session, round_id, tambon_ids)
    for chunk in _chunks(sorted(in_round)):
        _write_items(session, round_, chunk)
        _write_tallies(session, round_, chunk)


def refresh_rosters(session: Session, round_id: int) -> None:
    """Recompute the tambon summaries (roster, answered) of every tambon of the round: its
    roster changed as a whole (closed, reopened)."""
    round_ = session.get(Round, round_id)
    tambon_ids = sorted(_round_tambon_ids(session, round_id))
    session.connection().execute(delete(TambonSummary).filter_by(round_id=round_id))
    for chunk in _chunks(tambon_ids):
        _write_tallies(session, round_, chunk)


def refresh_people(session: Session, facilitator_ids: Collection[int]) -> None:
    """Recompute the response summaries of every response of these people (a response's
    change reads the same person's previous one, so all of theirs are kept together)."""
    for chunk in _chunks(sorted(set(facilitator_ids))):
        responses = select(Response.id).where(Response.facilitator_id.in_(chunk))
        session.connection().execute(
            delete(ResponseSummary).where(ResponseSummary.response_id.in_(responses))
        )
        rows = [response_row(r) for r in _people_responses(session, chunk)]
        if rows:
            session.connection().execute(insert(ResponseSummary), rows)


def rebuild_round(session: Session, round_id: int) -> None:
    """Recompute every summary of round `round_id` from its ratings and roster (holding the
    round's lock, as a submission keeping them by difference does)."""
    bump_revisions(session, [round_id])
    session.connection().execute(delete(ItemSummary).filter_by(round_id=round_id))
    session.connection().execute(delete(TambonSummary).filter_by(round_id=round_id))
    refresh_units(session, round_id, _round_tambon_ids(session, round_id))
    people = select(Response.facilitator_id).where(Response.round_id == round_id)
    refresh_people(session, list(session.connection().execute(people).scalars()))


def rebuild_all(session: Session) -> None:
    """Recompute the summaries of every round."""
    session.connection().execute(delete(ResponseSummary))
    for round_id in session.connection().execute(select(Round.id).order_by(Round.id)).scalars():
        rebuild_round(session, round_id)


def bump_revisions(session: Session, round_ids: Iterable[int]) -> None:
    """Mark these rounds changed. Rounds in id order: two transactions touching the same
    rounds lock them in the same order, and the lock on a round's row makes the summaries of
    one round be kept by one transaction at a time (read after the lock, they see the
    other's committed answers)."""
    for round_id in sorted(set(round_ids)):
        session.connection().execute(_BUMP, {"round": round_id})


_BUMP = (
    update(Round.__table__)
    .where(Round.__table__.c.id == bindparam("round"))
    .values(revision=Round.__table__.c.revision + 1)
)


def _round_tambon_ids(
    session: Session, round_id: int, among: Collection[int] | None = None
) -> set[int]:
    """The round's tambon ids (only those `among` when given: a submission reads one)."""
    query = select(round_tambon.c.tambon_id).where(round_tambon.c.round_id == round_id)
    if among is None:
        return set(session.connection().execute(query).scalars())
    found: set[int] = set()
    for chunk in _chunks(sorted(among)):
        found |= set(
            session.connection().execute(query.where(round_tambon.c.tambon_id.in_(chunk))).scalars()
        )
    return found


def _delete_units(session: Session, round_id: int, tambon_ids: set[int]) -> None:
    for table in (ItemSummary, TambonSummary):
        for chunk in _chunks(sorted(tambon_ids)):
            session.connection().execute(
                delete(table).where(table.round_id == round_id, table.tambon_id.in_(chunk))
            )


def _write_items(session: Session, round_: Round, tambon_ids: list[int]) -> None:
    """The item summaries of these tambons, from their ratings (as the people answered)."""
    instrument = (
        round_.instrument_version.instrument
    )  # first: a round it cannot read writes nothing
    expected = instrument.expected_levels
    query = (
        select(Response.tambon_id, Response.facilitator_id, Response.roles_text,
               Rating.item_code, Rating.current_level, Rating.target_level)
        .join(Rating, Rating.response_id == Response.id)
        .where(Response.round_id == round_.id, Response.tambon_id.in_(tambon_ids))
    )  # fmt: skip
    answers: dict[int, list[Answer]] = defaultdict(list)
    people: dict[int, Person] = {}
    for tid, fid, roles, item, current, target in session.connection().execute(query):
        answers[tid].append(Answer(fid, str(tid), item, float(current), float(target)))
        people.setdefault(fid, Person(fid, "", str(tid), frozenset(roles_from_text(roles))))
    rows = [
        {"round_id": round_.id, "tambon_id": tid, "item_code": s.item, "respondents": s.respondents,
         "current_sum2": s.current_sum2, "target_sum2": s.target_sum2,
         "current_min": s.current_min, "current_max": s.current_max,
         "target_min": s.target_min, "target_max": s.target_max, "learners": s.learners,
         "below_target": s.below_target, "below_expected": s.below_expected,
         "expected_sum": s.expected_sum, "expected_count": s.expected_count}
        for tid, found in answers.items()
        for s in item_sums(found, people, expected)
    ]  # fmt: skip
    if rows:
        session.connection().execute(insert(ItemSummary), rows)


def _write_tallies(session: Session, round_: Round, tambon_ids: list[int]) -> None:
    """Per tambon: who answered (a response with a rating), when last, and the roster: they
    and the tambon's people who have not answered (kept at closing, or today's roster)."""
    answered = (
        select(Response.tambon_id, func.count(Response.id), func.max(Response.updated_at))
        .where(Response.round_id == round_.id, Response.tambon_id.in_(tambon_ids))
        .where(select(Rating.response_id).where(Rating.response_id == Response.id).exists())
        .group_by(Response.tambon_id)
    )
    done = {tid: (n, last) for tid, n, last in session.connection().execute(answered)}
    waiting = _waiting(session, round_, tambon_ids)
    rows = []
    for tid in tambon_ids:
        count, last = done.get(tid, (0, None))
        rows.append({"round_id": round_.id, "tambon_id": tid, "answered": count,
                     "on_roster": count + waiting.get(tid, 0), "last_answer": last})  # fmt: skip
    session.connection().execute(insert(TambonSummary), rows)


def _waiting(session: Session, round_: Round, tambon_ids: list[int]) -> dict[int, int]:
    """Tambon id -> people of its roster who have not answered the round."""
    if round_.roster_at_close is not None:
        counts: dict[int, int] = defaultdict(int)
        wanted = set(tambon_ids)
        for person in round_.roster_at_close:
            if person["tambon_id"] in wanted:
                counts[person["tambon_id"]] += 1
        return counts
    # NOT EXISTS by person, not NOT IN the round's responses: a submission reads its own
    # tambon's people, not the 50,000 responses of a national round.
    responded = (
        select(Response.id)
        .where(Response.round_id == round_.id, Response.facilitator_id == Facilitator.id)
        .exists()
    )
    query = (
        select(Facilitator.tambon_id, func.count(Facilitator.id))
        .where(Facilitator.tambon_id.in_(tambon_ids), Facilitator.active, ~responded)
        .group_by(Facilitator.tambon_id)
    )
    return dict(session.connection().execute(query).all())


def _people_responses(session: Session, facilitator_ids: list[int]) -> list[dict]:
    """Every response of these people, each with its ratings and its previous response of
    the same instrument (the latest held before it), oldest first per person."""
    query = (
        select(Response.id, Response.facilitator_id, Response.round_id, Response.tambon_id,
               Round.held_on, InstrumentVersion.instrument_key,
               Rating.item_code, Rating.current_level, Rating.target_level)
        .join(Round, Round.id == Response.round_id)
        .join(InstrumentVersion, InstrumentVersion.id == Round.instrument_version_id)
        .outerjoin(Rating, Rating.response_id == Response.id)
        .where(Response.facilitator_id.in_(facilitator_ids))
    )  # fmt: skip
    found: dict[int, dict] = {}
    for (
        rid,
        fid,
        round_id,
        tid,
        held_on,
        key,
        item,
        current,
        target,
    ) in session.connection().execute(query):
        response = found.setdefault(rid, {"id": rid, "person": fid, "round_id": round_id,
                                          "tambon_id": tid, "when": (held_on, round_id),
                                          "key": key, "levels": {}, "gaps": []})  # fmt: skip
        if item is not None:
            response["levels"][item] = float(current)
            response["gaps"].append(doubled(float(target)) - doubled(float(current)))
    series: dict[tuple[int, str], list[dict]] = defaultdict(list)
    for response in sorted(found.values(), key=lambda r: r["when"]):
        chain = series[response["person"], response["key"]]
        response["previous"] = chain[-1] if chain else None
        chain.append(response)
    return list(found.values())


def response_row(response: dict) -> dict:
    """The response summary of a response read by _people_responses."""
    previous = response["previous"]
    moved = change(response["levels"], previous["levels"]) if previous else None
    return {
        "response_id": response["id"],
        "round_id": response["round_id"],
        "tambon_id": response["tambon_id"],
        "items": len(response["levels"]),
        "gap_sum2": sum(response["gaps"]),
        "previous_id": previous["id"] if previous else None,
        "change_items": moved.items if moved else 0,
        "change_sum2": moved.sum2 if moved else None,
    }


def _chunks(values: list) -> Iterable[list]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]

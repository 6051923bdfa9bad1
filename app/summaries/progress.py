"""Two rounds of one instrument compared in SQL: the same facilitators' current levels
joined by person and item and summed per tambon and item and per person, so the progress
page reads sums and one page of people, never both rounds whole.

The figures are those `app.scoring.progress` computes from the answers (tests/summaries):
levels are halves, so the sums are exact and a mean made from them has the scoring's bits.
"""

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from app.extensions import db
from app.models import Rating, Response, ResponseSummary

from .read import in_tambons

CHUNK = 1000  # people named in one query


@dataclass(frozen=True)
class Rounds:
    """The earlier and later round, the tambons visible in each (None: all), the items."""

    earlier: int
    later: int
    earlier_tambons: Collection[int] | None
    later_tambons: Collection[int] | None
    items: tuple[str, ...]


@dataclass(frozen=True)
class _Join:
    ra: type
    rb: type
    a: type
    b: type


def _join(rounds: Rounds, columns) -> tuple:
    """(query, aliases): each (person, item) answered in both rounds; the later response
    `rb` and rating `b`, the earlier `ra` and `a`. A person counts in their later tambon."""
    j = _Join(aliased(Response), aliased(Response), aliased(Rating), aliased(Rating))
    query = (
        select(*columns(j))
        .select_from(j.rb)
        .join(j.b, j.b.response_id == j.rb.id)
        .join(
            j.ra, and_(j.ra.facilitator_id == j.rb.facilitator_id, j.ra.round_id == rounds.earlier)
        )
        .join(j.a, and_(j.a.response_id == j.ra.id, j.a.item_code == j.b.item_code))
        .where(j.rb.round_id == rounds.later, j.b.item_code.in_(rounds.items))
    )
    return _visible(query, j.ra, j.rb, rounds), j


def _visible(query, ra, rb, rounds: Rounds):
    query = query.where(in_tambons(rb.tambon_id, rounds.later, rounds.later_tambons))
    return query.where(in_tambons(ra.tambon_id, rounds.earlier, rounds.earlier_tambons))


def team_sums(rounds: Rounds, tambons: Collection[int]) -> list[tuple[int, str, int, float, float]]:
    """(later tambon id, item, answers in both, Σ current before, Σ current after) of these
    tambons (a page of them)."""
    query, j = _join(
        rounds,
        lambda j: (j.rb.tambon_id, j.b.item_code, func.count(),
                   func.sum(j.a.current_level), func.sum(j.b.current_level)),
    )  # fmt: skip
    query = query.where(j.rb.tambon_id.in_(list(tambons)))
    rows = db.session.execute(query.group_by(j.rb.tambon_id, j.b.item_code))
    return [(tid, item, n, float(before), float(after)) for tid, item, n, before, after in rows]


def level_sums(rounds: Rounds) -> list[tuple[int, str, int, float, float, float, float]]:
    """(later tambon id, item, answers in both, Σ current before, Σ target before, Σ current
    after, Σ target after) of every visible tambon: the progress picture's figures."""
    query, j = _join(
        rounds,
        lambda j: (j.rb.tambon_id, j.b.item_code, func.count(),
                   func.sum(j.a.current_level), func.sum(j.a.target_level),
                   func.sum(j.b.current_level), func.sum(j.b.target_level)),
    )  # fmt: skip
    rows = db.session.execute(query.group_by(j.rb.tambon_id, j.b.item_code))
    return [(tid, item, n, *(float(v) for v in sums)) for tid, item, n, *sums in rows]


def person_sums(rounds: Rounds, both: Collection[int]) -> dict[int, tuple[int, float]]:
    """Person id -> (items answered in both, Σ change of current level), for the people
    `both` who answered both rounds: from their responses' kept change when the earlier
    round is, for every one of them, their previous response (looking back one round, the
    usual case), else from the two rounds' ratings joined."""
    kept = _kept_changes(rounds)
    if kept.keys() == set(both):
        return kept
    return _joined_changes(rounds)


def _kept_changes(rounds: Rounds) -> dict[int, tuple[int, float]]:
    ra, rb = aliased(Response), aliased(Response)
    query = (
        select(rb.facilitator_id, ResponseSummary.change_items, ResponseSummary.change_sum2)
        .select_from(ResponseSummary)
        .join(rb, rb.id == ResponseSummary.response_id)
        .join(ra, ra.id == ResponseSummary.previous_id)
        .where(ResponseSummary.round_id == rounds.later, ra.round_id == rounds.earlier)
    )
    rows = db.session.execute(_visible(query, ra, rb, rounds))
    return {pid: (n, (sum2 or 0) / 2) for pid, n, sum2 in rows}


def _joined_changes(rounds: Rounds) -> dict[int, tuple[int, float]]:
    query, j = _join(
        rounds,
        lambda j: (j.rb.facilitator_id, func.count(),
                   func.sum(j.b.current_level - j.a.current_level)),
    )  # fmt: skip
    rows = db.session.execute(query.group_by(j.rb.facilitator_id))
    return {pid: (n, float(change)) for pid, n, change in rows}


def changes_of(rounds: Rounds, people: Collection[int]) -> dict[int, dict[str, float]]:
    """Person id -> item -> change of current level, for a page of people."""
    query, j = _join(
        rounds, lambda j: (j.rb.facilitator_id, j.b.item_code, j.a.current_level, j.b.current_level)
    )
    found: dict[int, dict[str, float]] = {pid: {} for pid in people}
    for pid, item, before, after in db.session.execute(
        query.where(j.rb.facilitator_id.in_(list(people)))
    ):
        found[pid][item] = float(after) - float(before)
    return found


def people_of(round_id: int, tambons: Collection[int] | None) -> dict[int, int]:
    """Person id -> tambon id as they answered, of everyone who answered the round in its
    visible tambons (names are read for a page only: see names_of)."""
    query = (
        select(Response.facilitator_id, Response.tambon_id)
        .join(ResponseSummary, ResponseSummary.response_id == Response.id)
        .where(Response.round_id == round_id, ResponseSummary.items > 0)
    )
    query = query.where(in_tambons(Response.tambon_id, round_id, tambons))
    return {pid: tid for pid, tid in db.session.execute(query)}


def names_of(round_id: int, people: Collection[int]) -> dict[int, str]:
    """Person id -> name as they answered round `round_id`, for these people."""
    found: dict[int, str] = {}
    ordered = sorted(people)
    for start in range(0, len(ordered), CHUNK):
        query = select(Response.facilitator_id, Response.name).where(
            Response.round_id == round_id,
            Response.facilitator_id.in_(ordered[start : start + CHUNK]),
        )
        found.update(db.session.execute(query).all())
    return found

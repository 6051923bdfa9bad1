"""The read side of the summaries: team profiles and levels of units, made from the kept
sums without reading a single rating. Each returns what `app.scoring` would compute from
the ratings of the same units (tests/summaries show it), a page of units at a time.
"""

from collections.abc import Collection, Sequence

from sqlalchemy import func, select

from app.extensions import db
from app.models import ItemSummary, Rating, Response, ResponseSummary, TambonSummary, round_tambon
from app.scoring import ItemProfile, Level, TeamProfile

# A sum of doubled levels becomes a sum of levels exactly (halves), then a mean: the bits
# of `math.fsum(levels) / n`, which `app.scoring.averages.mean` computes.
Row = tuple


def in_tambons(column, round_id: int, tambon_ids: Collection[int] | None):
    """`column` (a tambon id) is one of `tambon_ids`, or (None) one of the round's tambons:
    an answer given for a tambon the round no longer holds counts nowhere, as in the facts."""
    if tambon_ids is not None:
        return column.in_(list(tambon_ids))
    return column.in_(select(round_tambon.c.tambon_id).where(round_tambon.c.round_id == round_id))


def _mean(sum2: int, n: int) -> float | None:
    return (sum2 / 2) / n if n else None


def item_profile(code: str, row: Row | None) -> ItemProfile:
    """The profile of one item from its summed row (None: nobody answered it)."""
    if row is None:
        return ItemProfile(code, 0, None, None, None, None, None, None, 0, 0, 0)
    n, cur2, tgt2, cmin, cmax, learners, below_t, below_e, exp_sum, exp_n = row
    return ItemProfile(
        item=code,
        n=n,
        mean_current=_mean(cur2, n),
        mean_target=_mean(tgt2, n),
        mean_gap=_mean(tgt2 - cur2, n),
        min_current=float(cmin),
        max_current=float(cmax),
        expected=exp_sum / exp_n if exp_n else None,
        below_target=below_t,
        below_expected=below_e,
        learners=learners,
    )


_SUMMED = (
    ItemSummary.respondents, ItemSummary.current_sum2, ItemSummary.target_sum2,
    ItemSummary.current_min, ItemSummary.current_max, ItemSummary.learners,
    ItemSummary.below_target, ItemSummary.below_expected, ItemSummary.expected_sum,
    ItemSummary.expected_count,
)  # fmt: skip
_TOTALS = (
    func.sum(ItemSummary.respondents), func.sum(ItemSummary.current_sum2),
    func.sum(ItemSummary.target_sum2), func.min(ItemSummary.current_min),
    func.max(ItemSummary.current_max), func.sum(ItemSummary.learners),
    func.sum(ItemSummary.below_target), func.sum(ItemSummary.below_expected),
    func.sum(ItemSummary.expected_sum), func.sum(ItemSummary.expected_count),
)  # fmt: skip


def unit_profiles(
    round_id: int, tambon_ids: Collection[int], item_order: Sequence[str]
) -> dict[str, TeamProfile]:
    """The profile of each of these tambons (a page of them), keyed as the scoring keys units."""
    ids = list(tambon_ids)
    query = select(ItemSummary.tambon_id, ItemSummary.item_code, *_SUMMED).where(
        ItemSummary.round_id == round_id, ItemSummary.tambon_id.in_(ids)
    )
    rows: dict[int, dict[str, Row]] = {tid: {} for tid in ids}
    for tid, code, *sums in db.session.execute(query):
        rows[tid][code] = tuple(sums)
    answered = _answered(round_id, ids)
    return {
        str(tid): TeamProfile(
            str(tid), answered.get(tid, 0),
            tuple(item_profile(c, rows[tid].get(c)) for c in item_order),
        )
        for tid in ids
    }  # fmt: skip


def whole_profile(
    round_id: int, tambon_ids: Collection[int] | None, item_order: Sequence[str]
) -> TeamProfile:
    """The profile of these tambons (None: every tambon of the round) taken as one team."""
    query = select(ItemSummary.item_code, *_TOTALS).where(ItemSummary.round_id == round_id)
    count = select(func.coalesce(func.sum(TambonSummary.answered), 0)).where(
        TambonSummary.round_id == round_id
    )
    if tambon_ids is not None:
        query = query.where(ItemSummary.tambon_id.in_(list(tambon_ids)))
        count = count.where(TambonSummary.tambon_id.in_(list(tambon_ids)))
    rows = {
        code: tuple(sums)
        for code, *sums in db.session.execute(query.group_by(ItemSummary.item_code))
    }
    respondents = db.session.execute(count).scalar_one()
    return TeamProfile(
        None, int(respondents), tuple(item_profile(c, rows.get(c)) for c in item_order)
    )


def unit_levels(round_id: int, tambon_ids: Collection[int] | None) -> dict[str, dict[str, Level]]:
    """Team mean current and target per tambon and item (as `scoring.team_levels`)."""
    query = select(
        ItemSummary.tambon_id, ItemSummary.item_code, ItemSummary.respondents,
        ItemSummary.current_sum2, ItemSummary.target_sum2,
    ).where(ItemSummary.round_id == round_id)  # fmt: skip
    if tambon_ids is not None:
        query = query.where(ItemSummary.tambon_id.in_(list(tambon_ids)))
    table: dict[str, dict[str, Level]] = {}
    for tid, code, n, cur2, tgt2 in db.session.execute(query):
        if n:
            table.setdefault(str(tid), {})[code] = Level(_mean(cur2, n), _mean(tgt2, n))
    return table


def _whole(sums: Sequence) -> Row:
    n, cur2, tgt2, cmin, cmax, *counts = sums
    return (int(n), int(cur2), int(tgt2), cmin, cmax, *(int(c) for c in counts))


def _answered(round_id: int, tambon_ids: list[int]) -> dict[int, int]:
    query = select(TambonSummary.tambon_id, TambonSummary.answered).where(
        TambonSummary.round_id == round_id, TambonSummary.tambon_id.in_(tambon_ids)
    )
    return dict(db.session.execute(query).all())


def respondents(round_id: int, tambon_ids: Collection[int] | None) -> list[tuple]:
    """(response id, person id, name, tambon id, total gap) of everyone who answered, as
    they answered, with their total gap kept on the response's summary."""
    query = (
        select(Response.id, Response.facilitator_id, Response.name, Response.tambon_id,
               ResponseSummary.gap_sum2)
        .join(ResponseSummary, ResponseSummary.response_id == Response.id)
        .where(Response.round_id == round_id, ResponseSummary.items > 0)
    )  # fmt: skip
    query = query.where(in_tambons(Response.tambon_id, round_id, tambon_ids))
    return [
        (rid, fid, name, tid, gap2 / 2) for rid, fid, name, tid, gap2 in db.session.execute(query)
    ]


def item_gaps(round_id: int, tambon_ids: Collection[int] | None, item: str) -> dict[int, float]:
    """Response id -> target − current on `item`, for everyone who answered it."""
    query = (
        select(Rating.response_id, Rating.target_level - Rating.current_level)
        .join(Response, Response.id == Rating.response_id)
        .where(Response.round_id == round_id, Rating.item_code == item)
    )
    query = query.where(in_tambons(Response.tambon_id, round_id, tambon_ids))
    return {rid: float(gap) for rid, gap in db.session.execute(query)}


def gaps_of(response_ids: Collection[int]) -> dict[int, dict[str, float]]:
    """Response id -> item -> target − current, for a page of responses."""
    query = select(
        Rating.response_id, Rating.item_code, Rating.current_level, Rating.target_level
    ).where(Rating.response_id.in_(list(response_ids)))
    found: dict[int, dict[str, float]] = {rid: {} for rid in response_ids}
    for rid, item, current, target in db.session.execute(query):
        found[rid][item] = float(target) - float(current)
    return found

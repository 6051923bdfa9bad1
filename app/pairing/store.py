"""Compute the pairing of a round over a scope of tambons and keep it, a line a row.

The pairing itself is app.scoring.pair_learners, unchanged: one greedy pass over every
facilitator of the scope; the rest of the round is only counted, by item and level, so
that a learner whom only another tambon's people can teach is told how many, not who.
What is kept here is its result in the page's order (by item, then the learner's tambon
and name in Thai dictionary order), so the page reads a page.
"""

from collections.abc import Iterable, Iterator
from hashlib import sha256
from itertools import islice

from sqlalchemy import delete, func, insert, select

from app.collation import names_key
from app.extensions import db
from app.models import PairingLine, PairingResult, Round, TambonSummary
from app.models.base import utcnow
from app.round_facts import RoundFacts, load_round_facts, scope_pairing
from app.scoring import Pairing

ALL = "all"
BATCH = 5000  # rows a statement: a province's 100,000 pairs never sit in memory as dicts


def scope_key(tambon_ids: Iterable[int] | None) -> str:
    """ "all" (an admin's scope), else the sha256 of the sorted tambon ids: one result each."""
    if tambon_ids is None:
        return ALL
    return sha256(",".join(map(str, sorted(tambon_ids))).encode()).hexdigest()


def respondents(round_id: int, tambon_ids: Iterable[int] | None) -> int:
    """How many people of the scope answered the round, from the kept summaries."""
    query = select(func.coalesce(func.sum(TambonSummary.answered), 0))
    query = query.where(TambonSummary.round_id == round_id)
    if tambon_ids is not None:
        query = query.where(TambonSummary.tambon_id.in_(list(tambon_ids)))
    return db.session.execute(query).scalar_one()


def stored(round_id: int, key: str) -> PairingResult | None:
    return db.session.get(PairingResult, (round_id, key))


def compute(round_: Round, tambon_ids: Iterable[int] | None) -> PairingResult:
    """Pair the scope's facilitators now and keep the result in place of the one kept
    (flushed, not committed)."""
    # Read before the facts: an answer arriving meanwhile leaves the result stale, not wrong.
    revision = round_.revision
    tambon_ids = None if tambon_ids is None else set(tambon_ids)
    facts = load_round_facts(round_, tambon_ids)
    pairing = scope_pairing(facts, tambon_ids)  # the rest of the round counted, never named
    return keep(round_.id, scope_key(tambon_ids), revision, pairing, ordered_rows(facts, pairing))


def keep(
    round_id: int, key: str, revision: int, pairing: Pairing, rows: Iterable[dict]
) -> PairingResult:
    """Replace the kept result of (`round_id`, `key`) with `rows`."""
    # The row lock (PostgreSQL) makes a second writer of the same scope wait for the first.
    result = db.session.get(PairingResult, (round_id, key), with_for_update=True)
    if result is None:
        result = PairingResult(round_id=round_id, scope_key=key)
        db.session.add(result)
    result.revision, result.computed_at, result.cap = revision, utcnow(), pairing.cap
    result.pairs, result.needs = len(pairing.pairs), len(pairing.needs)
    result.waiting = len(pairing.waiting)
    db.session.flush()
    where = (PairingLine.round_id == round_id) & (PairingLine.scope_key == key)
    db.session.execute(delete(PairingLine).where(where))
    for batch in _batches(rows, round_id, key):
        db.session.execute(insert(PairingLine), batch)
    return result


def _batches(rows: Iterable[dict], round_id: int, key: str) -> Iterator[list[dict]]:
    rows = iter(rows)
    while batch := list(islice(rows, BATCH)):
        yield [{"round_id": round_id, "scope_key": key, **row} for row in batch]


def ordered_rows(facts: RoundFacts, pairing: Pairing) -> Iterator[dict]:
    """The pairing's lines as rows of PairingLine (without round and scope), pairs, then
    needs, waiting and taught elsewhere ("other": `capable` counts the people of other
    tambons of the round who reach the target), each in the page's order with its position."""
    names = {p.id: p.name for p in facts.persons}
    places = {key: tambon.name_th for key, tambon in facts.tambons.items()}
    rank = {item: i for i, item in enumerate(facts.item_order)}

    def order(lines, unit, person):
        key = lambda x: (rank[x.item], *names_key(places[unit(x)], names[person(x)]))  # noqa: E731
        return enumerate(sorted(lines, key=key))

    for position, p in order(pairing.pairs, lambda p: p.learner_unit, lambda p: p.learner):
        yield {**_learner("pair", position, p.item, p.learner, p.learner_unit, names),
               "current": p.learner_current, "target": p.learner_target,
               "teacher_id": p.teacher, "teacher_name": names[p.teacher],
               "teacher_tambon_id": int(p.teacher_unit), "teacher_current": p.teacher_current,
               "capable": 0}  # fmt: skip
    found_by_kind = (("need", pairing.needs), ("waiting", pairing.waiting),
                     ("other", pairing.elsewhere))  # fmt: skip
    for kind, found in found_by_kind:
        for position, x in order(found, lambda x: x.unit, lambda x: x.person):
            yield {**_learner(kind, position, x.item, x.person, x.unit, names),
                   "current": x.current, "target": x.target, "teacher_id": None,
                   "teacher_name": None, "teacher_tambon_id": None, "teacher_current": None,
                   "capable": getattr(x, "capable", 0)}  # fmt: skip


def _learner(kind: str, position: int, item: str, person: int, unit: str, names) -> dict:
    return {"kind": kind, "position": position, "item": item, "learner_id": person,
            "learner_name": names[person], "learner_tambon_id": int(unit)}  # fmt: skip

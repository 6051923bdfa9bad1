"""Summaries kept in the transaction of every change: the session notes what a flush
changed (answers, people, rounds) and, before the commit, the touched units and people are
recomputed and the touched rounds' revisions bumped.

Listening to the session rather than calling a function from each feature keeps every path
that changes answers or the roster (the form, the roster import, merges, workshop imports,
the facilitators pages and commands, closing a round) in step without each having to know.
Bulk statements bypass the session's objects: who writes rows that way (the benchmarks'
generator, the demo data) rebuilds afterwards.
"""

from dataclasses import dataclass, field

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from app.models import Facilitator, Rating, Response, Round, Tambon, round_tambon

from . import add, keep

KEY = "summaries.touched"
# A facilitator's change to these touches the roster of the open rounds of their tambons.
ROSTER_FIELDS = ("tambon_id", "active", "deactivated_at", "created_at")
ROUND_ROSTER_FIELDS = ("is_open", "closed_at", "roster_at_close")
ROUND_WHOLE_FIELDS = ("held_on", "instrument_version_id")
# A response whose ratings were replaced is kept by difference unless one of these changed.
SNAPSHOT_FIELDS = ("round_id", "tambon_id", "facilitator_id", "roles_text")


@dataclass
class Touched:
    """What the transaction's flushes changed, to be recomputed before it commits."""

    units: set[tuple[int, int]] = field(default_factory=set)  # (round id, tambon id)
    rounds: set[int] = field(default_factory=set)  # every unit of these rounds
    roster_rounds: set[int] = field(default_factory=set)  # every unit's roster of these
    roster_tambons: set[int] = field(default_factory=set)  # open rounds with these tambons
    people: set[int] = field(default_factory=set)  # facilitator ids: their responses
    # (round id, facilitator id): whether they are still waited for in their tambon changed
    answerers: set[tuple[int, int]] = field(default_factory=set)
    changed_rounds: set[int] = field(default_factory=set)  # revision bumped
    renamed_tambons: set[int] = field(default_factory=set)  # revisions of their rounds bumped
    # Kept by difference when these are all that changed (add.py): new responses, and
    # responses whose ratings were replaced, with the ratings they had.
    arrivals: dict[int, Response] = field(default_factory=dict)
    replaced: dict[int, Response] = field(default_factory=dict)
    removed: dict[int, list[Rating]] = field(default_factory=dict)
    by_difference: bool = True

    def __bool__(self) -> bool:
        return bool(
            self.units
            or self.rounds
            or self.roster_rounds
            or self.roster_tambons
            or self.people
            or self.changed_rounds
            or self.renamed_tambons
        )


def touched(session: Session) -> Touched:
    return session.info.setdefault(KEY, Touched())


def _values(obj, name: str) -> set:
    """The attribute's value now and before this flush (None left out)."""
    history = inspect(obj).attrs[name].history
    return {v for v in (*history.added, *history.deleted, *history.unchanged) if v is not None}


def _changed(obj, names) -> bool:
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in names)


def _note_response(found: Touched, response: Response) -> None:
    for round_id in _values(response, "round_id"):
        for tambon_id in _values(response, "tambon_id"):
            found.units.add((round_id, tambon_id))
        found.changed_rounds.add(round_id)
        found.answerers |= {(round_id, fid) for fid in _values(response, "facilitator_id")}
    found.people |= _values(response, "facilitator_id")


def _rating_response(session: Session, rating: Rating, flushed: dict):
    """The response of a changed rating (None when it is gone)."""
    # A response of this flush is not yet in the identity map: session.get would query.
    response = flushed.get(rating.response_id)
    if response is None and rating.response_id:
        response = session.get(Response, rating.response_id)
    return response


def _note_difference(session: Session, found: Touched, obj, deleted: set[int]) -> None:
    """Whether what changed can still be kept by difference (see Touched)."""
    if isinstance(obj, Response):
        if id(obj) in deleted or (obj.id not in found.arrivals and _changed(obj, SNAPSHOT_FIELDS)):
            found.by_difference = False
        elif obj.id not in found.arrivals:
            found.replaced[obj.id] = obj
            # Ratings dropped from the list are deleted by the flush as orphans, never in
            # session.deleted: the list's history still holds them until the flush ends.
            dropped = inspect(obj).attrs["ratings"].history.deleted
            if dropped and found.removed.get(obj.id):
                found.by_difference = False  # replaced twice: the first new ones never kept
            found.removed.setdefault(obj.id, []).extend(dropped)
    elif not (
        isinstance(obj, Rating)
        and obj in session.new
        and obj.response_id in found.arrivals.keys() | found.replaced.keys()
    ):
        found.by_difference = False


def _note_facilitator(found: Touched, person: Facilitator, new_or_gone: bool) -> None:
    if new_or_gone or _changed(person, ROSTER_FIELDS):
        found.roster_tambons |= _values(person, "tambon_id")


def _note_round(found: Touched, round_: Round, new: bool) -> None:
    found.changed_rounds.add(round_.id)  # its name and date are on its charts
    state = inspect(round_)
    if new or state.attrs["tambons"].history.has_changes():
        found.rounds.add(round_.id)
    elif _changed(round_, ROUND_WHOLE_FIELDS):
        found.rounds.add(round_.id)
        found.people.add(-round_.id)  # everyone of the round: see _people
    elif _changed(round_, ROUND_ROSTER_FIELDS):
        found.roster_rounds.add(round_.id)


def after_flush(session: Session, _context) -> None:
    found = touched(session)
    deleted = set(map(id, session.deleted))
    changed = [
        obj
        for obj in (*session.new, *session.dirty, *session.deleted)
        if obj not in session.dirty or session.is_modified(obj)
    ]
    flushed = {obj.id: obj for obj in changed if isinstance(obj, Response)}
    found.arrivals |= {obj.id: obj for obj in session.new if isinstance(obj, Response)}
    # Responses first: a rating's response must be known as new or replaced.
    changed.sort(key=lambda obj: not isinstance(obj, Response))
    responses = {}  # each noted once, however many of its ratings changed
    for obj in changed:
        if isinstance(obj, (Response, Rating, Facilitator, Round, Tambon)):
            _note_difference(session, found, obj, deleted)
        if isinstance(obj, Response):
            responses[id(obj)] = obj
        elif isinstance(obj, Rating):
            response = _rating_response(session, obj, flushed)
            if response is not None:
                responses[id(response)] = response
        elif isinstance(obj, Facilitator):
            _note_facilitator(found, obj, obj in session.new or id(obj) in deleted)
        elif isinstance(obj, Round) and id(obj) not in deleted:
            _note_round(found, obj, obj in session.new)
        elif isinstance(obj, Tambon) and obj in session.dirty:
            found.renamed_tambons.add(obj.id)
    for response in responses.values():
        _note_response(found, response)


def before_commit(session: Session) -> None:
    """Recompute what the transaction touched; repeated until a flush touches nothing new."""
    for _ in range(5):
        session.flush()
        found = session.info.pop(KEY, None)
        if not found:
            return
        _keep(session, found)


def _keep(session: Session, found: Touched) -> None:
    if _by_difference(session, found):
        return
    units = set(found.units)
    for round_id, facilitator_id in found.answerers:
        person = session.get(Facilitator, facilitator_id)
        if person is not None:  # one removed was noted with the roster
            units.add((round_id, person.tambon_id))
    for tambon_id in found.roster_tambons:
        units |= {(r, tambon_id) for r in _rounds_with(session, tambon_id, only_open=True)}
    renamed = {r for t in found.renamed_tambons for r in _rounds_with(session, t)}
    rounds = {r for r, _ in units} | found.rounds | found.roster_rounds | found.changed_rounds
    rounds |= renamed
    rounds = {r for r in rounds if session.get(Round, r) is not None}
    keep.bump_revisions(session, rounds)  # first: the round's lock, see bump_revisions
    for round_id in sorted(found.rounds & rounds):
        keep.rebuild_round(session, round_id)
    for round_id in sorted((found.roster_rounds - found.rounds) & rounds):
        keep.refresh_rosters(session, round_id)
    by_round: dict[int, set[int]] = {}
    for round_id, tambon_id in units:
        if round_id in rounds and round_id not in found.rounds:
            by_round.setdefault(round_id, set()).add(tambon_id)
    for round_id, tambon_ids in sorted(by_round.items()):
        keep.refresh_units(session, round_id, tambon_ids)
    keep.refresh_people(session, _people(session, found.people))


def _by_difference(session: Session, found: Touched) -> bool:
    """Keep the summaries by difference when new and replaced answers are all the
    transaction changed and each can be (add.py); False to recompute instead."""
    arrivals = list(found.arrivals.values())
    replaced = [r for rid, r in found.replaced.items() if rid not in found.arrivals]
    if not found.by_difference or not (arrivals or replaced):
        return False
    if not all(add.can_replace(r, found.removed.get(r.id, [])) for r in replaced):
        return False
    # The lock first: whether a person still waits in their tambon is read after it, so a
    # move or deactivation committed meanwhile by another request is seen (add.can_add).
    keep.bump_revisions(session, {r.round_id for r in (*arrivals, *replaced)})
    if not all(add.can_add(session, r) for r in arrivals):
        return False  # recomputed instead (a second bump of the revision is harmless)
    recompute = add.add(session, arrivals)
    recompute += [r for r in replaced if not add.replace(session, r, found.removed[r.id])]
    for response in recompute:
        keep.refresh_units(session, response.round_id, {response.tambon_id})
    later = add.summarise(session, arrivals)
    keep.refresh_people(session, {r.facilitator_id for r in (*later, *replaced)})
    return True


def _people(session: Session, marked: set[int]) -> set[int]:
    """Facilitator ids; a negative mark -r stands for everyone who answered round r."""
    people = {p for p in marked if p > 0}
    for round_id in (-p for p in marked if p < 0):
        query = select(Response.facilitator_id).where(Response.round_id == round_id)
        people |= set(session.execute(query).scalars())
    return people


def _rounds_with(session: Session, tambon_id: int, only_open: bool = False) -> list[int]:
    query = (
        select(Round.id)
        .join(round_tambon, round_tambon.c.round_id == Round.id)
        .where(round_tambon.c.tambon_id == tambon_id)
    )
    if only_open:
        query = query.where(Round.is_open)
    return list(session.execute(query).scalars())


def forget(session: Session, *_args) -> None:
    session.info.pop(KEY, None)


def listen() -> None:
    """Keep the summaries in every session of the process (once)."""
    if not event.contains(Session, "after_flush", after_flush):
        event.listen(Session, "after_flush", after_flush)
        event.listen(Session, "before_commit", before_commit)
        event.listen(Session, "after_soft_rollback", forget)

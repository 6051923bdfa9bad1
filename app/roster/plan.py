"""What each line of a roster would do — add, update, unchanged, or "likely the same person
as …" — decided by the one identity rule (app.names) before anything is written.

Within a tambon, a person on the roster whose name key equals the line's is the same person
when the cleaned names are equal; when only the keys are equal (a title, another spelling),
the line is likely the same person and is never added silently: the id column says which is
meant (a facilitator id, or `new`).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.instruments.model import ROLES
from app.models import Facilitator
from app.names import clean_name, identity_key
from app.roster.parse import NEW, Problem, RosterRow

ADD, UPDATE, UNCHANGED, LIKELY = "add", "update", "unchanged", "likely"
_CHUNK = 500  # ids per query: SQLite allows a limited number of parameters


@dataclass(slots=True)
class LineAction:
    """What one line does. `person`: the facilitator it updates or looks like; `changes`:
    field -> (before, after), tambons by name, roles as codes."""

    row: RosterRow
    action: str
    tambon_id: int | None  # None: a tambon the import creates
    tambon_name: str
    person: Facilitator | None = None
    changes: dict = field(default_factory=dict)


class People:
    """The facilitators a roster may touch: those of its tambons and those its ids name."""

    def __init__(self, tambon_ids: set[int], ids: set[int]) -> None:
        self.by_id: dict[int, Facilitator] = {}
        self.by_tambon: dict[int, list[Facilitator]] = defaultdict(list)
        for person in _load(tambon_ids, ids):
            self.by_id[person.id] = person
            self.by_tambon[person.tambon_id].append(person)

    def in_tambon(self, tambon_id: int | None) -> list[Facilitator]:
        return self.by_tambon.get(tambon_id, []) if tambon_id is not None else []


def _load(tambon_ids: set[int], ids: set[int]) -> list[Facilitator]:
    found: dict[int, Facilitator] = {}
    tambons, wanted = sorted(tambon_ids), sorted(ids)
    for start in range(0, max(len(tambons), len(wanted), 1), _CHUNK):
        chunk_t, chunk_i = tambons[start : start + _CHUNK], wanted[start : start + _CHUNK]
        query = (
            select(Facilitator)
            .options(selectinload(Facilitator.role_links), selectinload(Facilitator.tambon))
            .where(or_(Facilitator.tambon_id.in_(chunk_t), Facilitator.id.in_(chunk_i)))
        )
        found.update((p.id, p) for p in db.session.execute(query).scalars())
    return list(found.values())


@dataclass(slots=True)
class Planner:
    """Decides each line's action; remembers what earlier lines of the file claimed."""

    people: People
    may_edit: set[int] | None  # tambon ids whose people the user may change; None: all
    keys: dict = field(default_factory=dict)  # (tambon slot, name key) -> first line
    claimed: dict = field(default_factory=dict)  # person id -> first line

    def plan(self, row: RosterRow, slot, tambon_id: int | None, tambon_name: str):
        """The line's action, or a problem. `slot`: the tambon as compared (its id, or the
        keys of a tambon to be created)."""
        key = (slot, identity_key(row.name))
        if key in self.keys:
            return Problem(row.line, "duplicate_name", {"name": row.name, "first": self.keys[key]})
        self.keys[key] = row.line
        here = self.people.in_tambon(tambon_id)
        if row.person == NEW:
            return _new(row, here, (tambon_id, tambon_name))
        if row.person is not None:
            return self._named(row, here, (tambon_id, tambon_name))
        same = [p for p in here if p.name_key == key[1]]
        exact = [p for p in same if clean_name(p.name) == row.name]
        if exact:
            return self._claim(row, exact[0], (tambon_id, tambon_name))
        if same:
            return LineAction(row, LIKELY, tambon_id, tambon_name, min(same, key=lambda p: p.id))
        return LineAction(row, ADD, tambon_id, tambon_name)

    def _named(self, row: RosterRow, here: list[Facilitator], tambon: tuple):
        person = self.people.by_id.get(row.person)
        if person is None or (self.may_edit is not None and person.tambon_id not in self.may_edit):
            return Problem(row.line, "unknown_id", {"id": row.person})
        # Renamed or moved onto someone else's name (or a look-alike of it): never silently.
        key = identity_key(row.name)
        taken = [p for p in here if p.id != person.id and p.name_key == key]
        if taken:
            return Problem(row.line, "name_taken", {"name": taken[0].name, "id": taken[0].id})
        return self._claim(row, person, tambon)

    def _claim(self, row: RosterRow, person: Facilitator, tambon: tuple):
        if person.id in self.claimed:
            params = {"name": person.name, "first": self.claimed[person.id]}
            return Problem(row.line, "person_twice", params)
        self.claimed[person.id] = row.line
        changes = changed_fields(person, row, tambon)
        return LineAction(row, UPDATE if changes else UNCHANGED, *tambon, person, changes)


def _new(row: RosterRow, here: list[Facilitator], tambon: tuple):
    """`new`: added even though a look-alike exists — never as a second identical name."""
    same = [p for p in here if clean_name(p.name) == row.name]
    if same:
        return Problem(row.line, "new_but_same_name", {"name": row.name, "id": same[0].id})
    return LineAction(row, ADD, *tambon)


def changed_fields(person: Facilitator, row: RosterRow, tambon: tuple) -> dict:
    """field -> (before, after) for what the line changes of `person`; `tambon`: the line's
    (tambon id or None when it is new, name)."""
    tambon_id, tambon_name = tambon
    before = {
        "name": person.name,
        "tambon": person.tambon.name_th,
        "roles": person.roles,
        "agency": person.agency or "",
        "team": person.team,
    }
    after = {
        "name": row.name,
        "tambon": tambon_name,
        "roles": tuple(r for r in ROLES if r in set(row.roles)),
        "agency": row.agency,
        "team": row.team,
    }
    if row.person is None:
        del before["name"], after["name"]  # matched by name: the spelling is theirs
    changes = {f: (before[f], after[f]) for f in before if before[f] != after[f]}
    if person.tambon_id != tambon_id:  # another tambon of the same name is a move too
        changes["tambon"] = (before["tambon"], tambon_name)
    return changes

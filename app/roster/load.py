"""Bringing a checked roster into the database: match places, add or update facilitators.

Every line is checked and every problem reported before anything is written; nothing is
written unless every line is good. Each person added or updated gets a FacilitatorChange
row (action "import"), so the change shows in their history.
"""

from collections import Counter
from dataclasses import dataclass, field

from app.extensions import db
from app.models import Facilitator, FacilitatorChange
from app.names import place_name
from app.roster.parse import Problem, RosterFileError, RosterRow, read_roster
from app.roster.places import Places, unknown_place
from app.roster.plan import ADD, LIKELY, UPDATE, LineAction, People, Planner

COMMAND_LINE = "command line"


@dataclass(frozen=True, slots=True)
class Scope:
    """What the importing user may do (`tambon_ids` None = any tambon: admin), and who
    they are, for the history of each person changed."""

    tambon_ids: set[int] | None
    create_places: bool = False
    by: str = COMMAND_LINE
    coordinator_id: int | None = None


@dataclass
class Report:
    """The outcome of an import (or of a dry run: what it would do), line by line."""

    problems: list[Problem] = field(default_factory=list)
    lines: list[LineAction] = field(default_factory=list)
    places_created: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def counts(self) -> Counter:
        return Counter(line.action for line in self.lines)

    @property
    def added(self) -> int:
        return self.counts["add"]

    @property
    def updated(self) -> int:
        return self.counts["update"]

    @property
    def unchanged(self) -> int:
        return self.counts["unchanged"]

    @property
    def likely(self) -> int:
        return self.counts["likely"]


def import_roster(data: bytes, scope: Scope, dry_run: bool = False) -> Report:
    """Check the whole file and say what each line does; then, unless any line is wrong or
    `dry_run`, add and update facilitators and commit."""
    try:
        rows, problems = read_roster(data)
    except RosterFileError as error:
        return Report(problems=[error.problem])
    report = plan_roster(rows, problems, scope)
    if not dry_run:
        report.problems += [_refused(line) for line in report.lines if line.action == LIKELY]
    report.problems.sort(key=lambda p: p.line)
    if report.ok and not dry_run:
        _write(report, scope)
        db.session.commit()
    return report


def plan_roster(rows: list[RosterRow], problems: list[Problem], scope: Scope) -> Report:
    """Every line's action and every line's problems; nothing is written."""
    places = Places()
    located = [(row, _locate(row, places, scope)) for row in rows]
    problems += [where for _, where in located if isinstance(where, Problem)]
    tambon_ids = {where[1] for _, where in located if isinstance(where, tuple) and where[1]}
    ids = {row.person for row in rows if isinstance(row.person, int)}
    planner = Planner(People(tambon_ids, ids), scope.tambon_ids)
    report = Report(problems=problems)
    new_places: set = set()
    for row, where in located:
        if not row.valid or not isinstance(where, tuple):
            continue
        slot, tambon_id, tambon_name = where
        outcome = planner.plan(row, slot, tambon_id, tambon_name)
        (report.problems if isinstance(outcome, Problem) else report.lines).append(outcome)
        if tambon_id is None:
            new_places.update(_new_places(row, places))
    report.places_created = len(new_places)
    return report


def _new_places(row: RosterRow, places: Places) -> list:
    """The keys of the places a row would create: its tambon, and its district and province
    when they are new too."""
    province, district, _ = places.find(row)
    keys = places.new_keys(row)
    return [key for key, found in zip(keys, (province, district, None)) if found is None]


def _locate(row: RosterRow, places: Places, scope: Scope):
    """(slot, tambon id or None, tambon name) of the row's tambon, a problem, or None when
    the row has no place to look for."""
    if not (row.province and row.district and row.tambon):
        return None
    province, district, tambon = places.find(row)
    if tambon is None and not scope.create_places:
        return unknown_place(row, province, district)
    if scope.tambon_ids is not None and (tambon is None or tambon.id not in scope.tambon_ids):
        return Problem(row.line, "not_your_tambon", {"tambon": row.tambon})
    if tambon is None:
        return places.new_keys(row)[2], None, place_name(row.tambon)
    return tambon.id, tambon.id, tambon.name_th


def _refused(line: LineAction) -> Problem:
    params = {"name": line.person.name, "id": line.person.id}
    return Problem(line.row.line, "likely_same", params)


def _write(report: Report, scope: Scope) -> None:
    """Add and update the people of a good report, each with a FacilitatorChange row."""
    places = Places() if report.places_created else None
    logged = []
    for line in report.lines:
        if line.action not in (ADD, UPDATE):
            continue
        tambon_id = line.tambon_id or places.tambon_for(line.row).id
        person, before, after = _apply(line, tambon_id)
        logged.append((person, before, after))
    db.session.flush()
    for person, before, after in logged:
        db.session.add(
            FacilitatorChange(
                facilitator_id=person.id,
                coordinator_id=scope.coordinator_id,
                by=scope.by,
                action="import",
                before=before,
                after=after,
            )
        )


def _apply(line: LineAction, tambon_id: int):
    """Add or update the line's person; returns them and the changed fields before/after."""
    row = line.row
    if line.action == ADD:
        person = Facilitator(name=row.name, agency=row.agency, team=row.team)
        person.tambon_id = tambon_id
        person.roles = row.roles
        db.session.add(person)
        return person, None, _fields(person)
    person = line.person
    before = {f: v for f, v in _fields(person).items() if _changed(f, line)}
    if "name" in line.changes:
        person.name = row.name
    if "tambon" in line.changes:
        person.tambon_id = tambon_id
    person.roles, person.agency, person.team = row.roles, row.agency, row.team
    after = {f: v for f, v in _fields(person).items() if _changed(f, line)}
    return person, before, after


def _changed(field_name: str, line: LineAction) -> bool:
    return ("tambon" if field_name == "tambon_id" else field_name) in line.changes


def _fields(person: Facilitator) -> dict:
    return {
        "name": person.name,
        "tambon_id": person.tambon_id,
        "roles": list(person.roles),
        "agency": person.agency,
        "team": person.team,
    }

"""Bringing a checked roster into the database: match places, add or update facilitators.

Nothing is written unless every line is good. A facilitator already on the roster (same
tambon and name) is updated (roles, agency, team), not added again.
"""

from dataclasses import dataclass, field

from sqlalchemy import select

from app.extensions import db
from app.models import District, Facilitator, Province, Tambon
from app.names import district_key, district_name, place_key, place_name
from app.roster.parse import Problem, RosterFileError, RosterRow, read_roster


@dataclass(frozen=True, slots=True)
class Scope:
    """What the importing user may do: `tambon_ids` None = any tambon (admin)."""

    tambon_ids: set[int] | None
    create_places: bool = False


@dataclass
class Report:
    """The outcome of an import (or of a dry run: what it would do)."""

    problems: list[Problem] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    places_created: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


class Places:
    """The places in the database, found by name as the roster writes them."""

    def __init__(self) -> None:
        self.provinces: dict[str, Province] = {}
        self.districts: dict[tuple[int, str], District] = {}
        self.tambons: dict[tuple[int, str], Tambon] = {}
        for tambon in db.session.execute(select(Tambon)).scalars():
            self._index(tambon)
        for province in db.session.execute(select(Province)).scalars():
            for name in (province.name_th, province.name_en):
                if name:
                    self.provinces.setdefault(place_key(name), province)
        for district in db.session.execute(select(District)).scalars():
            for name in (district.name_th, district.name_en):
                if name:
                    self.districts.setdefault((district.province_id, place_key(name)), district)

    def _index(self, tambon: Tambon) -> None:
        for name in (tambon.name_th, tambon.name_en):
            if name:
                self.tambons.setdefault((tambon.district_id, place_key(name)), tambon)

    def district(self, province: Province, name: str) -> District | None:
        """The district of `province` that `name` names ("เมือง": its เมือง… district)."""
        for province_name in (province.name_th, province.name_en):
            found = self.districts.get((province.id, district_key(name, province_name or "")))
            if found:
                return found
        return None

    def find(self, row: RosterRow) -> tuple[Province | None, District | None, Tambon | None]:
        """The province, district and tambon of `row`, None from the first one missing."""
        province = self.provinces.get(place_key(row.province))
        district = province and self.district(province, row.district)
        tambon = district and self.tambons.get((district.id, place_key(row.tambon)))
        return province, district, tambon


def check_places(rows: list[RosterRow], places: Places, scope: Scope) -> list[Problem]:
    """A problem for each row whose tambon is unknown (unless it may be created) or not
    one the user may edit."""
    problems = []
    for row in rows:
        province, district, tambon = places.find(row)
        if tambon is None and not scope.create_places:
            problems.append(_unknown_place(row, province, district))
        elif scope.tambon_ids is not None and (tambon is None or tambon.id not in scope.tambon_ids):
            problems.append(Problem(row.line, "not_your_tambon", {"tambon": row.tambon}))
    return problems


def _unknown_place(row: RosterRow, province, district) -> Problem:
    if province is None:
        return Problem(row.line, "unknown_province", {"province": row.province})
    if district is None:
        params = {"district": row.district, "province": row.province}
        return Problem(row.line, "unknown_district", params)
    return Problem(row.line, "unknown_tambon", {"tambon": row.tambon, "district": row.district})


def import_roster(data: bytes, scope: Scope, dry_run: bool = False) -> Report:
    """Check the whole file, then add and update facilitators and commit (unless any line is
    wrong, or `dry_run`: then nothing stays in the database)."""
    try:
        rows, problems = read_roster(data)
    except RosterFileError as error:
        return Report(problems=[error.problem])
    places = Places()
    problems += check_places(rows, places, scope)
    if problems:
        return Report(problems=sorted(problems, key=lambda p: p.line))
    report = Report()
    for row in rows:
        _store(row, _tambon_for(row, places, report), report)
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    return report


def _tambon_for(row: RosterRow, places: Places, report: Report) -> Tambon:
    """The row's tambon, with its province and district, created when missing (admin)."""
    province, district, tambon = places.find(row)
    if province is None:
        province = Province(name_th=place_name(row.province))
        db.session.add(province)
        places.provinces[place_key(row.province)] = province
        report.places_created += 1
    if district is None:
        district = District(
            province=province, name_th=district_name(row.district, province.name_th)
        )
        db.session.add(district)
        db.session.flush()
        places.districts[(province.id, place_key(district.name_th))] = district
        report.places_created += 1
    if tambon is None:
        tambon = Tambon(district=district, name_th=place_name(row.tambon))
        db.session.add(tambon)
        db.session.flush()
        places.tambons[(district.id, place_key(row.tambon))] = tambon
        report.places_created += 1
    return tambon


def _store(row: RosterRow, tambon: Tambon, report: Report) -> None:
    """Add the facilitator, or update the one with the same name in the same tambon."""
    query = select(Facilitator).filter_by(tambon_id=tambon.id, name=row.name)
    person = db.session.execute(query).scalar_one_or_none()
    if person is None:
        person = Facilitator(tambon=tambon, name=row.name, agency=row.agency, team=row.team)
        person.roles = row.roles
        db.session.add(person)
        db.session.flush()
        report.added += 1
    elif (set(person.roles), person.agency, person.team) == (set(row.roles), row.agency, row.team):
        report.unchanged += 1
    else:
        person.roles, person.agency, person.team = row.roles, row.agency, row.team
        report.updated += 1

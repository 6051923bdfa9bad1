"""Provinces, districts and tambons as the admin adds, renames and lists them.

Names are matched as `app.names` reads them: "จ.นครศรีธรรมราช", "จังหวัดนครศรีธรรมราช"
and "นครศรีธรรมราช" are one province; "เมือง" in a province is its เมือง… district.
"""

from dataclasses import dataclass
from itertools import groupby

from sqlalchemy import func, select

from app.collation import sort_key
from app.extensions import db
from app.models import District, Facilitator, Province, Tambon
from app.names import district_key, district_name, place_key, place_name


@dataclass(frozen=True, slots=True)
class PlaceRow:
    province: Province
    district: District
    tambon: Tambon
    facilitators: int


@dataclass(frozen=True, slots=True)
class DistrictGroup:
    """The tambons of one district, for a page that lists them grouped."""

    province: Province
    district: District
    rows: list[PlaceRow]


def place_rows() -> list[PlaceRow]:
    """Every tambon with its district, province and roster size, in Thai dictionary order."""
    query = (
        select(Province, District, Tambon, func.count(Facilitator.id))
        .join(District, District.province_id == Province.id)
        .join(Tambon, Tambon.district_id == District.id)
        .outerjoin(Facilitator, Facilitator.tambon_id == Tambon.id)
        .group_by(Province.id, District.id, Tambon.id)
    )
    rows = [PlaceRow(*row) for row in db.session.execute(query)]
    return sorted(rows, key=_thai_order)


def _thai_order(row: PlaceRow) -> tuple:
    names = (row.province.name_th, row.district.name_th, row.tambon.name_th)
    return (*(sort_key(name) for name in names), row.tambon.id)


def district_groups(rows: list[PlaceRow]) -> list[DistrictGroup]:
    """`rows` (in order) grouped by district."""
    return [
        DistrictGroup(group[0].province, group[0].district, group)
        for _, grouped in groupby(rows, key=lambda row: row.district.id)
        for group in [list(grouped)]
    ]


def tambon_choices() -> list[tuple[int, str]]:
    """(id, "tambon · district, province") of every tambon, by Thai names."""
    return [
        (row.tambon.id, f"{row.tambon.name_th} · {row.district.name_th}, {row.province.name_th}")
        for row in place_rows()
    ]


def find_province(name: str) -> Province | None:
    """The province `name` names (with or without จ./จังหวัด), by Thai or English name."""
    key = place_key(name)
    for province in db.session.execute(select(Province)).scalars():
        if key in {place_key(province.name_th), place_key(province.name_en or "")}:
            return province
    return None


def find_district(province: Province | None, name: str) -> District | None:
    """The district of `province` that `name` names (with or without อ./อำเภอ; "เมือง")."""
    if province is None:
        return None
    keys = {district_key(name, province.name_th), district_key(name, province.name_en or "")}
    query = select(District).filter_by(province_id=province.id)
    for district in db.session.execute(query).scalars():
        if keys & {place_key(district.name_th), place_key(district.name_en or "")}:
            return district
    return None


def find_tambon(district: District | None, name: str, leave_out: int | None = None):
    """The tambon of `district` whose Thai name reads as `name` (with or without ต./ตำบล),
    other than the tambon `leave_out`."""
    if district is None:
        return None
    key = place_key(name)
    for tambon in db.session.execute(select(Tambon).filter_by(district_id=district.id)).scalars():
        if tambon.id != leave_out and place_key(tambon.name_th) == key:
            return tambon
    return None


def tambon_exists(province: str, district: str, tambon: str) -> bool:
    """Whether that district of that province already has a tambon of that name."""
    found = find_district(find_province(province or ""), district or "")
    return find_tambon(found, tambon or "") is not None


def add_tambon(names: dict[str, str]) -> Tambon:
    """Add a tambon, and its province and district when they are new.

    English names fill in only where none is stored yet: an existing name is not changed.
    """
    province = find_province(names["province_th"])
    if province is None:
        province = Province(name_th=place_name(names["province_th"]), name_en="")
        db.session.add(province)
    province.name_en = province.name_en or place_name(names["province_en"])
    district = find_district(province, names["district_th"])
    if district is None:
        name_th = district_name(names["district_th"], province.name_th)
        district = District(province=province, name_th=name_th, name_en="")
        db.session.add(district)
    district.name_en = district.name_en or district_name(names["district_en"], province.name_en)
    tambon = Tambon(
        district=district,
        name_th=place_name(names["tambon_th"]),
        name_en=place_name(names["tambon_en"]),
    )
    db.session.add(tambon)
    return tambon


def rename_tambon(tambon: Tambon, name_th: str, name_en: str) -> None:
    """Give `tambon` new names; its id, and so everything that points at it, stays."""
    tambon.name_th, tambon.name_en = place_name(name_th), place_name(name_en)

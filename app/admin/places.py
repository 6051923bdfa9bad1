"""Provinces, districts and tambons as the admin adds and lists them."""

from dataclasses import dataclass

from sqlalchemy import func, select

from app.extensions import db
from app.models import District, Facilitator, Province, Tambon


@dataclass(frozen=True, slots=True)
class PlaceRow:
    province: Province
    district: District
    tambon: Tambon
    facilitators: int


def place_rows() -> list[PlaceRow]:
    """Every tambon with its district, province and roster size, by Thai names."""
    query = (
        select(Province, District, Tambon, func.count(Facilitator.id))
        .join(District, District.province_id == Province.id)
        .join(Tambon, Tambon.district_id == District.id)
        .outerjoin(Facilitator, Facilitator.tambon_id == Tambon.id)
        .group_by(Province.id, District.id, Tambon.id)
        .order_by(Province.name_th, District.name_th, Tambon.name_th)
    )
    return [PlaceRow(*row) for row in db.session.execute(query)]


def tambon_choices() -> list[tuple[int, str]]:
    """(id, "tambon · district, province") of every tambon, by Thai names."""
    return [
        (row.tambon.id, f"{row.tambon.name_th} · {row.district.name_th}, {row.province.name_th}")
        for row in place_rows()
    ]


def _district(province_th: str, district_th: str) -> District | None:
    query = (
        select(District)
        .join(Province)
        .where(Province.name_th == province_th, District.name_th == district_th)
    )
    return db.session.execute(query).scalar_one_or_none()


def tambon_exists(province_th: str, district_th: str, tambon_th: str) -> bool:
    """Whether that district of that province already has a tambon of that Thai name."""
    district = _district(province_th or "", district_th or "")
    if district is None:
        return False
    query = select(Tambon.id).filter_by(district_id=district.id, name_th=tambon_th)
    return db.session.execute(query).first() is not None


def add_tambon(names: dict[str, str]) -> Tambon:
    """Add a tambon, and its province and district when they are new (matched by Thai name).

    English names fill in only where none is stored yet: an existing name is not changed.
    """
    query = select(Province).filter_by(name_th=names["province_th"])
    province = db.session.execute(query).scalar_one_or_none()
    if province is None:
        province = Province(name_th=names["province_th"], name_en="")
        db.session.add(province)
    province.name_en = province.name_en or names["province_en"]
    district = _district(names["province_th"], names["district_th"])
    if district is None:
        district = District(province=province, name_th=names["district_th"], name_en="")
        db.session.add(district)
    district.name_en = district.name_en or names["district_en"]
    tambon = Tambon(district=district, name_th=names["tambon_th"], name_en=names["tambon_en"])
    db.session.add(tambon)
    return tambon

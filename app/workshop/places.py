"""Places in a workshop file: named (province, district, tambon), found again by name on the
other machine (`app.names.place_key`), since ids differ from one database to another."""

from sqlalchemy import select

from app.extensions import db
from app.models import District, Province, Tambon
from app.names import place_key


def place_of(tambon: Tambon) -> dict:
    """A tambon as a workshop file names it."""
    district, province = tambon.district, tambon.district.province
    return {
        "province": province.name_th,
        "province_en": province.name_en,
        "district": district.name_th,
        "district_en": district.name_en,
        "tambon": tambon.name_th,
        "tambon_en": tambon.name_en,
    }


def _named(rows, name: str):
    key = place_key(name)
    return next((row for row in rows if place_key(row.name_th) == key), None)


def find_place(place: dict, *, add: bool = False) -> Tambon | None:
    """The tambon a file names, matched by name; added (with its district and province) when
    `add` and missing, else None."""
    province = _named(db.session.execute(select(Province)).scalars(), place["province"])
    if province is None and add:
        province = Province(name_th=place["province"], name_en=place.get("province_en", ""))
        db.session.add(province)
    district = province and _named(province.districts, place["district"])
    if district is None and add:
        district = District(
            province=province, name_th=place["district"], name_en=place.get("district_en", "")
        )
        db.session.add(district)
    tambon = district and _named(district.tambons, place["tambon"])
    if tambon is None and add:
        tambon = Tambon(
            district=district, name_th=place["tambon"], name_en=place.get("tambon_en", "")
        )
        db.session.add(tambon)
        db.session.flush()
    return tambon


def label(place: dict) -> str:
    return f"{place['tambon']}, {place['district']}, {place['province']}"

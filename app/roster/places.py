"""The places of a roster: found by name as the file writes them (app.names: with or without
จ./อ./ต., "เมือง" for the province's เมือง… district), created when an admin asks."""

from functools import lru_cache

from sqlalchemy import select

from app.extensions import db
from app.models import District, Province, Tambon
from app.names import district_key as _district_key
from app.names import district_name, place_name
from app.names import place_key as _place_key
from app.roster.parse import Problem, RosterRow

# A roster names the same few places on every line: read each spelling once.
place_key = lru_cache(maxsize=4096)(_place_key)
district_key = lru_cache(maxsize=4096)(_district_key)


class Places:
    """The places in the database, indexed by the keys of their Thai and English names."""

    def __init__(self) -> None:
        self.provinces: dict[str, Province] = {}
        self.districts: dict[tuple[int, str], District] = {}
        self.tambons: dict[tuple[int, str], Tambon] = {}
        for province in db.session.execute(select(Province)).scalars():
            for name in (province.name_th, province.name_en):
                if name:
                    self.provinces.setdefault(place_key(name), province)
        for district in db.session.execute(select(District)).scalars():
            self._index_district(district)
        for tambon in db.session.execute(select(Tambon)).scalars():
            self._index_tambon(tambon)

    def _index_district(self, district: District) -> None:
        for name in (district.name_th, district.name_en):
            if name:
                self.districts.setdefault((district.province_id, place_key(name)), district)

    def _index_tambon(self, tambon: Tambon) -> None:
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

    def new_keys(self, row: RosterRow) -> tuple[str, tuple[str, str], tuple[str, str, str]]:
        """The keys of the province, district and tambon a row would create (admin)."""
        province = self.provinces.get(place_key(row.province))
        province_name = province.name_th if province else place_name(row.province)
        p_key = place_key(province_name)
        d_key = (p_key, district_key(row.district, province_name))
        return p_key, d_key, (*d_key, place_key(row.tambon))

    def tambon_for(self, row: RosterRow) -> Tambon:
        """The row's tambon, with its province and district, created when missing (admin)."""
        province, district, tambon = self.find(row)
        if province is None:
            province = Province(name_th=place_name(row.province), name_en="")
            db.session.add(province)
            self.provinces[place_key(province.name_th)] = province
        if district is None:
            name = district_name(row.district, province.name_th)
            district = District(province=province, name_th=name, name_en="")
            db.session.add(district)
            db.session.flush()
            self._index_district(district)
        if tambon is None:
            tambon = Tambon(district=district, name_th=place_name(row.tambon), name_en="")
            db.session.add(tambon)
            db.session.flush()
            self._index_tambon(tambon)
        return tambon


def unknown_place(row: RosterRow, province, district) -> Problem:
    """The problem of a row whose province, district or tambon is not known."""
    if province is None:
        return Problem(row.line, "unknown_province", {"province": row.province})
    if district is None:
        params = {"district": row.district, "province": row.province}
        return Problem(row.line, "unknown_district", params)
    return Problem(row.line, "unknown_tambon", {"tambon": row.tambon, "district": row.district})

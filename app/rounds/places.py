"""The tambons a round form offers, grouped by province and district in dictionary order."""

from collections import Counter
from dataclasses import dataclass

from app.collation import sorted_by_name
from app.models import Tambon


@dataclass(frozen=True, slots=True)
class TambonChoice:
    id: int
    label: str  # the tambon's name, with its district when another tambon has the same name


@dataclass(frozen=True, slots=True)
class DistrictGroup:
    id: int
    name: str
    tambons: list[TambonChoice]


@dataclass(frozen=True, slots=True)
class ProvinceGroup:
    name: str
    districts: list[DistrictGroup]


def tambon_labels(tambons: list[Tambon], lang: str) -> dict[int, str]:
    """Each tambon's name; a name found twice gets its district (and province if still twice),
    so two ท่าไร่ of different provinces never look identical."""
    names = Counter(t.name_in(lang) for t in tambons)
    in_district = Counter((t.name_in(lang), t.district.name_in(lang)) for t in tambons)
    labels = {}
    for t in tambons:
        name, district = t.name_in(lang), t.district.name_in(lang)
        if in_district[name, district] > 1:
            labels[t.id] = f"{name} ({district}, {t.district.province.name_in(lang)})"
        elif names[name] > 1:
            labels[t.id] = f"{name} ({district})"
        else:
            labels[t.id] = name
    return labels


def tambon_groups(tambons: list[Tambon], lang: str) -> list[ProvinceGroup]:
    """The tambons under their province and district, each level in dictionary order."""
    labels = tambon_labels(tambons, lang)
    by_district: dict[int, list[Tambon]] = {}
    for t in tambons:
        by_district.setdefault(t.district_id, []).append(t)
    by_province: dict[int, tuple] = {}
    for members in by_district.values():
        district = members[0].district
        choices = [TambonChoice(t.id, labels[t.id]) for t in members]
        group = DistrictGroup(
            district.id, district.name_in(lang), sorted_by_name(choices, _label, lang)
        )
        province = district.province
        by_province.setdefault(province.id, (province.name_in(lang), []))[1].append(group)
    provinces = [
        ProvinceGroup(name, sorted_by_name(groups, _name, lang))
        for name, groups in by_province.values()
    ]
    return sorted_by_name(provinces, _name, lang)


def _label(choice: TambonChoice) -> str:
    return choice.label


def _name(group: DistrictGroup | ProvinceGroup) -> str:
    return group.name

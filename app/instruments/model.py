"""The parsed instrument: frozen objects with no knowledge of files, Flask or the database."""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

LEVELS = (1, 2, 3, 4, 5)
# The three facilitator roles of seed 001: ประสานงาน, นำกระบวนการประชุม, บันทึก.
ROLES = ("coordination", "meeting_process", "recording")
LANGUAGES = ("th", "en")


@dataclass(frozen=True, slots=True)
class Text:
    """The same words in Thai and English."""

    th: str
    en: str

    def get(self, lang: str) -> str:
        """The text in `lang`, Thai for any language we do not have."""
        return self.en if lang == "en" else self.th


@dataclass(frozen=True, slots=True)
class ScaleLevel:
    """One level of the scale (1–5) and its name."""

    value: int
    name: Text


@dataclass(frozen=True, slots=True)
class Scale:
    levels: tuple[ScaleLevel, ...]
    half_steps: bool

    def choices(self) -> tuple[float, ...]:
        """Every level a rating may take: 1..5, with the halves when allowed."""
        step = 0.5 if self.half_steps else 1.0
        count = int((LEVELS[-1] - LEVELS[0]) / step) + 1
        return tuple(LEVELS[0] + i * step for i in range(count))

    def allows(self, value: float) -> bool:
        return value in self.choices()

    def name(self, value: int) -> Text:
        return self.levels[value - LEVELS[0]].name


@dataclass(frozen=True, slots=True)
class Domain:
    """A domain (ด้าน) of the instrument, such as knowledge or skills."""

    code: str
    name: Text


@dataclass(frozen=True, slots=True)
class Item:
    """One row of the freedom table: an item and its indicator for each level."""

    code: str
    domain: str
    text: Text
    indicators: tuple[Text, ...]  # indicators[0] is level 1
    expected: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    def indicator(self, level: int) -> Text:
        return self.indicators[level - LEVELS[0]]

    def expected_for(self, roles) -> int | None:
        """The expected level for someone holding `roles` (see `expected_level`)."""
        return expected_level(self.expected, roles)


def expected_level(expected: Mapping[str, int], roles) -> int | None:
    """The one rule: the expected level of someone holding `roles` is the highest their roles
    set (role -> level in `expected`); None when none of their roles has one."""
    levels = [expected[r] for r in roles if r in expected]
    return max(levels) if levels else None


@dataclass(frozen=True, slots=True)
class Instrument:
    key: str
    version: str
    title: Text
    description: Text
    scale: Scale
    domains: tuple[Domain, ...]
    items: tuple[Item, ...]

    def item(self, code: str) -> Item:
        return next(i for i in self.items if i.code == code)

    def domain(self, code: str) -> Domain:
        return next(d for d in self.domains if d.code == code)

    def items_in(self, domain: str) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.domain == domain)

    @property
    def item_codes(self) -> tuple[str, ...]:
        return tuple(i.code for i in self.items)

    @property
    def has_expected_levels(self) -> bool:
        """Whether any item sets an expected level (the village-group instrument sets none)."""
        return any(item.expected for item in self.items)

    @property
    def expected_levels(self) -> dict[str, dict[str, int]]:
        """Item code -> role -> expected level: what the scoring takes as `expected`."""
        return {item.code: dict(item.expected) for item in self.items}

    def to_dict(self) -> dict:
        """A JSON-ready dict that `from_dict` turns back into an equal instrument."""
        return {
            "key": self.key,
            "version": self.version,
            "title": _text(self.title),
            "description": _text(self.description),
            "scale": {
                "half_steps": self.scale.half_steps,
                "levels": [_text(level.name) for level in self.scale.levels],
            },
            "domains": [{"code": d.code, "name": _text(d.name)} for d in self.domains],
            "items": [_item_dict(i) for i in self.items],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Instrument":
        levels = tuple(ScaleLevel(v, Text(**t)) for v, t in zip(LEVELS, data["scale"]["levels"]))
        return cls(
            key=data["key"],
            version=data["version"],
            title=Text(**data["title"]),
            description=Text(**data["description"]),
            scale=Scale(levels, data["scale"]["half_steps"]),
            domains=tuple(Domain(d["code"], Text(**d["name"])) for d in data["domains"]),
            items=tuple(_item_from_dict(i) for i in data["items"]),
        )

    def content_hash(self) -> str:
        """sha256 of the canonical content: equal content, equal hash, whatever the layout."""
        canonical = json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _text(text: Text) -> dict:
    return {"th": text.th, "en": text.en}


def _item_dict(item: Item) -> dict:
    return {
        "code": item.code,
        "domain": item.domain,
        "text": _text(item.text),
        "indicators": [_text(t) for t in item.indicators],
        "expected": dict(item.expected),
    }


def _item_from_dict(data: dict) -> Item:
    return Item(
        code=data["code"],
        domain=data["domain"],
        text=Text(**data["text"]),
        indicators=tuple(Text(**t) for t in data["indicators"]),
        expected=MappingProxyType(dict(data["expected"])),
    )

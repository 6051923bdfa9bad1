"""The units a river or stairs compares: tambon teams, or individual facilitators.

Plain data in, plain data out: a level table in display order (tambons by name in the
reader's language, people by name), with the labels and tambon of every unit.
"""

from dataclasses import dataclass

from app.collation import sort_key
from app.round_facts import RoundFacts, RoundUnits
from app.scoring import Level, UnitKey, person_levels, team_levels, team_profiles
from app.summaries import read

UNIT_KINDS = ("tambons", "people")


@dataclass(frozen=True, slots=True)
class UnitChoice:
    """Tambon teams, or the facilitators of every visible tambon or of one of them."""

    kind: str = "tambons"
    tambon_id: int | None = None

    @property
    def token(self) -> str:
        """Names this choice in the river's form, so ticks made for another are not reused."""
        return self.kind if self.tambon_id is None else f"{self.kind}-{self.tambon_id}"

    def params(self) -> dict[str, object]:
        """The query parameters that select this choice."""
        params: dict[str, object] = {"units": self.kind}
        if self.kind == "people" and self.tambon_id is not None:
            params["tambon"] = self.tambon_id
        return params


@dataclass(frozen=True, slots=True)
class UnitTable:
    """Levels per unit and item in display order, each unit's label and tambon name."""

    levels: dict[UnitKey, dict[str, Level]]
    labels: dict[UnitKey, str]
    tambon_names: dict[UnitKey, str]

    def by_tambon(self) -> list[tuple[str, list[UnitKey]]]:
        """The units grouped by tambon name (for the people's tick boxes), by name."""
        groups: dict[str, list[UnitKey]] = {}
        for key in self.levels:
            groups.setdefault(self.tambon_names[key], []).append(key)
        return sorted(groups.items(), key=lambda group: sort_key(group[0]))


def tambon_order(facts: RoundFacts | RoundUnits, lang: str) -> list[str]:
    """The facts' tambon keys ordered by tambon name in `lang` (then id)."""
    return sorted(
        facts.tambons, key=lambda key: (sort_key(facts.tambons[key].name_in(lang), lang), int(key))
    )


def tambon_names(facts: RoundFacts | RoundUnits, lang: str) -> dict[str, str]:
    """Tambon key -> name in `lang`, in display order."""
    return {key: facts.tambons[key].name_in(lang) for key in tambon_order(facts, lang)}


def unit_table(facts: RoundFacts | RoundUnits, choice: UnitChoice, lang: str) -> UnitTable:
    """The level table of `choice`: tambons from the kept summaries (given the units), or
    from the answers (given the facts); people from the answers."""
    names = tambon_names(facts, lang)
    if choice.kind == "tambons":
        levels = _team_levels(facts)
        ordered = {key: levels[key] for key in names if key in levels}
        return UnitTable(ordered, {key: names[key] for key in ordered}, dict(names))
    assert isinstance(facts, RoundFacts), "people's levels are read from their answers"
    people = [
        p for p in facts.persons if choice.tambon_id is None or p.unit == str(choice.tambon_id)
    ]
    levels = person_levels(facts.answers, people, {p.id for p in people})
    by_id = {p.id: p for p in people}
    return UnitTable(
        levels,
        {pid: by_id[pid].name for pid in levels},
        {pid: names[by_id[pid].unit] for pid in levels},
    )


def _team_levels(facts: RoundFacts | RoundUnits) -> dict[UnitKey, dict[str, Level]]:
    if isinstance(facts, RoundUnits):
        return read.unit_levels(facts.round_id, facts.tambon_ids)
    return team_levels(team_profiles(facts.answers, facts.persons, facts.item_order))

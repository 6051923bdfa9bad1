"""Facilitators of one agency, role or team: a filter on a round's facts.

Each respondent is filtered as they were when they answered (the response keeps their
agency, roles and team); a person who has not answered yet, as the roster has them. The
filter narrows the plain facts before any computation, so every figure of a filtered page
is the scoring's own, on the filtered people only.
"""

from collections.abc import Collection
from dataclasses import dataclass, replace

from sqlalchemy import select

from app.extensions import db
from app.models import Facilitator, Response
from app.models.people import ROLES, TEAMS, roles_from_text
from app.round_facts import RoundFacts
from app.summaries.read import in_tambons

FILTER_PARAMS = ("agency", "role", "team")


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a filter looks at: a person's agency, roles and team."""

    agency: str
    roles: frozenset[str]
    team: str | None


@dataclass(frozen=True, slots=True)
class PeopleFilter:
    """Keep the people of this agency, holding this role, in this team (None: any)."""

    agency: str | None = None
    role: str | None = None
    team: str | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.agency, self.role, self.team))

    def params(self) -> dict[str, str]:
        """The query parameters that select this filter."""
        values = {"agency": self.agency, "role": self.role, "team": self.team}
        return {name: value for name, value in values.items() if value is not None}

    def keeps(self, person: Snapshot) -> bool:
        return (
            (self.agency is None or person.agency == self.agency)
            and (self.role is None or self.role in person.roles)
            and (self.team is None or person.team == self.team)
        )


NO_FILTER = PeopleFilter()


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """The agencies, roles and teams of the respondents of a scope, for the filter menus."""

    agencies: tuple[str, ...]
    roles: tuple[str, ...]
    teams: tuple[str, ...]


def filter_choices(round_id: int, tambon_ids: Collection[int] | None) -> FilterChoices:
    """The values present among the round's respondents in these tambons (None: all)."""
    where = (Response.round_id == round_id, in_tambons(Response.tambon_id, round_id, tambon_ids))

    def values(column):
        return set(db.session.execute(select(column).where(*where).distinct()).scalars())

    agencies, teams = values(Response.agency), values(Response.team)
    held: set[str] = set()
    for text in values(Response.roles_text):
        held.update(roles_from_text(text))
    return FilterChoices(
        tuple(sorted(a for a in agencies if a)),
        tuple(r for r in ROLES if r in held),
        tuple(t for t in TEAMS if t in teams),
    )


def snapshots(round_id: int, tambon_ids: Collection[int] | None) -> dict[int, Snapshot]:
    """Person id -> agency, roles and team as they answered the round, in these tambons."""
    query = select(
        Response.facilitator_id, Response.agency, Response.roles_text, Response.team
    ).where(Response.round_id == round_id, in_tambons(Response.tambon_id, round_id, tambon_ids))
    return {
        fid: Snapshot(agency or "", frozenset(roles_from_text(roles)), team)
        for fid, agency, roles, team in db.session.execute(query)
    }


def roster_snapshots(person_ids: Collection[int]) -> dict[int, Snapshot]:
    """Agency and team of people who have not answered, as the roster has them now (their
    roles come with the facts)."""
    query = select(Facilitator.id, Facilitator.agency, Facilitator.team).where(
        Facilitator.id.in_(list(person_ids))
    )
    return {
        fid: Snapshot(agency or "", frozenset(), team)
        for fid, agency, team in db.session.execute(query)
    }


def filtered(facts: RoundFacts, people: PeopleFilter) -> RoundFacts:
    """`facts` with only the people `people` keeps (the same facts when no filter is on)."""
    return only(facts, kept_people(facts, people)) if people.active else facts


def only(facts: RoundFacts, kept: Collection[int]) -> RoundFacts:
    """`facts` with only the people of ids `kept`: their answers, notes and roster lines."""
    return replace(
        facts,
        persons=tuple(p for p in facts.persons if p.id in kept),
        answers=tuple(a for a in facts.answers if a.person in kept),
        notes={key: note for key, note in facts.notes.items() if key[0] in kept},
        submitted_at={pid: at for pid, at in facts.submitted_at.items() if pid in kept},
    )


def kept_people(facts: RoundFacts, people: PeopleFilter) -> set[int]:
    """The ids of the facts' people `people` keeps."""
    tambon_ids = [int(key) for key in facts.tambons]
    answered = snapshots(facts.round_id, tambon_ids)
    waiting = [p for p in facts.persons if p.id not in answered]
    on_roster = roster_snapshots([p.id for p in waiting])
    for p in waiting:
        found = on_roster.get(p.id, Snapshot("", frozenset(), None))
        answered[p.id] = replace(found, roles=p.roles)
    return {pid for pid, snap in answered.items() if people.keeps(snap)}


def response_snapshots(response_ids: Collection[int]) -> dict[int, Snapshot]:
    """Response id -> agency, roles and team as the person answered (a page of responses)."""
    query = select(Response.id, Response.agency, Response.roles_text, Response.team).where(
        Response.id.in_(list(response_ids))
    )
    return {
        rid: Snapshot(agency or "", frozenset(roles_from_text(roles)), team)
        for rid, agency, roles, team in db.session.execute(query)
    }

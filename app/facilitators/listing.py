"""The list of facilitators a user may see: filtered, searched, in Thai dictionary order, paged."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from app.collation import sort_key
from app.extensions import db
from app.models import Facilitator, Response
from app.names import search_key

PAGE_SIZE = 100


@dataclass(frozen=True, slots=True)
class Filters:
    """What the list shows: a tambon (None: all visible), a search, deactivated people too."""

    scope: frozenset[int] | None
    tambon_id: int | None = None
    search: str = ""
    everyone: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    person: Facilitator
    answered: int


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[Row]
    number: int
    pages: int
    total: int


def like_pattern(text: str) -> str:
    """`text` as a LIKE pattern matching it anywhere, % and _ taken literally (escape "\\")."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matching(filters: Filters) -> list[Facilitator]:
    """Every person the filters let through, in Thai dictionary order of their names."""
    query = select(Facilitator).options(
        joinedload(Facilitator.tambon), selectinload(Facilitator.role_links)
    )
    if filters.scope is not None:
        query = query.where(Facilitator.tambon_id.in_(filters.scope))
    if filters.tambon_id is not None:
        query = query.where(Facilitator.tambon_id == filters.tambon_id)
    key = search_key(filters.search)
    if key:
        query = query.where(Facilitator.name_key.like(like_pattern(key), escape="\\"))
    if not filters.everyone:
        query = query.where(Facilitator.active.is_(True))
    people = db.session.execute(query).unique().scalars()
    # The key without titles first: "นาง" before every name would sort them all under น.
    return sorted(people, key=lambda p: (sort_key(p.name_key), sort_key(p.name), p.id))


def answered_counts(person_ids: list[int]) -> dict[int, int]:
    """How many rounds each of these people answered."""
    query = (
        select(Response.facilitator_id, func.count(Response.id))
        .where(Response.facilitator_id.in_(person_ids))
        .group_by(Response.facilitator_id)
    )
    return dict(db.session.execute(query).all())


def page_of(filters: Filters, number: int) -> Page:
    """Page `number` (from 1; out of range: the nearest page) of the matching people."""
    people = matching(filters)
    pages = max(1, -(-len(people) // PAGE_SIZE))
    number = min(max(1, number), pages)
    shown = people[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    counts = answered_counts([p.id for p in shown])
    return Page([Row(p, counts.get(p.id, 0)) for p in shown], number, pages, len(people))

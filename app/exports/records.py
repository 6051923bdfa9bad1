"""The ratings of a round read from the database as a stream, one record per rating.

One query, ordered by province, district, tambon, facilitator and item, read in batches
(a server-side cursor on PostgreSQL), so memory stays the same whatever the row count.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.extensions import db
from app.models import (
    District,
    Facilitator,
    FacilitatorRole,
    Province,
    Rating,
    Response,
    Round,
    Tambon,
    round_tambon,
)

BATCH = 1000
UTC, BANGKOK = ZoneInfo("UTC"), ZoneInfo("Asia/Bangkok")


@dataclass(frozen=True, slots=True)
class Place:
    """Province, district and tambon names, each as (Thai, English)."""

    province: tuple[str, str]
    district: tuple[str, str]
    tambon: tuple[str, str]

    def names(self, lang: str) -> tuple[str, str, str]:
        """The three names in `lang`, Thai where there is no English."""
        pick = 1 if lang == "en" else 0
        return tuple(n[pick] or n[0] for n in (self.province, self.district, self.tambon))


@dataclass(frozen=True, slots=True)
class RatingRecord:
    """One stored rating with the person and place it belongs to."""

    response_id: int
    submitted_at: datetime  # the latest submission, Thailand time, no tzinfo
    place: Place
    facilitator: str
    roles: frozenset[str]
    agency: str
    team: str | None
    item_code: str
    current: float
    target: float
    note: str


def bangkok_time(moment: datetime) -> datetime:
    """A stored UTC timestamp as Thailand's wall-clock time, to the second, without tzinfo."""
    local = moment.replace(tzinfo=UTC).astimezone(BANGKOK)
    return local.replace(tzinfo=None, microsecond=0)


def _roles_by_facilitator():
    """Each facilitator's role codes joined by commas (one row per facilitator)."""
    return (
        select(
            FacilitatorRole.facilitator_id,
            func.aggregate_strings(FacilitatorRole.role, ",").label("roles"),
        )
        .group_by(FacilitatorRole.facilitator_id)
        .subquery()
    )


def _query(round_id: int, tambon_ids: set[int] | None):
    roles = _roles_by_facilitator()
    query = (
        select(
            Response.id,
            Response.updated_at,
            Province.name_th,
            Province.name_en,
            District.name_th,
            District.name_en,
            Tambon.name_th,
            Tambon.name_en,
            Facilitator.name,
            roles.c.roles,
            Facilitator.agency,
            Facilitator.team,
            Rating.item_code,
            Rating.current_level,
            Rating.target_level,
            Rating.note,
        )
        .join(Facilitator, Facilitator.id == Response.facilitator_id)
        .join(Rating, Rating.response_id == Response.id)
        .join(Tambon, Tambon.id == Facilitator.tambon_id)
        .join(District, District.id == Tambon.district_id)
        .join(Province, Province.id == District.province_id)
        # Only the round's own tambons, as the dashboard counts them (round_facts).
        .join(
            round_tambon,
            (round_tambon.c.round_id == Response.round_id)
            & (round_tambon.c.tambon_id == Facilitator.tambon_id),
        )
        .outerjoin(roles, roles.c.facilitator_id == Facilitator.id)
        .where(Response.round_id == round_id)
    )
    if tambon_ids is not None:
        query = query.where(Facilitator.tambon_id.in_(tambon_ids))
    return query.order_by(
        Province.name_th, Province.id, District.name_th, District.id, Tambon.name_th, Tambon.id,
        Facilitator.name, Facilitator.id, Rating.position,
    )  # fmt: skip


def rating_records(round_: Round, tambon_ids: set[int] | None = None) -> Iterator[RatingRecord]:
    """The round's ratings in the tambons `tambon_ids` (None: all), streamed in file order."""
    query = _query(round_.id, tambon_ids).execution_options(yield_per=BATCH)
    names, place = None, None
    for row in db.session.execute(query):
        # Rows come tambon by tambon: one Place per run of rows, none kept after it.
        if tuple(row[2:8]) != names:
            names = tuple(row[2:8])
            place = Place(names[0:2], names[2:4], names[4:6])
        yield RatingRecord(
            response_id=row[0],
            submitted_at=bangkok_time(row[1]),
            place=place,
            facilitator=row[8],
            roles=frozenset((row[9] or "").split(",")) - {""},
            agency=row[10],
            team=row[11],
            item_code=row[12],
            current=float(row[13]),
            target=float(row[14]),
            note=row[15],
        )

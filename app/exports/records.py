"""The ratings of a round read from the database as a stream, one record per rating.

Each record carries the person as they were when they answered (kept on the response), so
a file of a closed round stays the same whatever happens to its people later. Records come
by province, district, tambon and person in Thai dictionary order (ICU), then by item.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.collation import names_key
from app.extensions import db
from app.models import District, Province, Rating, Response, Round, Tambon, round_tambon
from app.models.people import roles_from_text
from app.place_names import Place

BATCH = 500  # people whose ratings are read at once
UTC, BANGKOK = ZoneInfo("UTC"), ZoneInfo("Asia/Bangkok")


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


def _people(round_id: int, tambon_ids: set[int] | None):
    """One row per response: who answered, as they were then, and where."""
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
            Response.name,
            Response.roles_text,
            Response.agency,
            Response.team,
        )
        .join(Tambon, Tambon.id == Response.tambon_id)
        .join(District, District.id == Tambon.district_id)
        .join(Province, Province.id == District.province_id)
        # Only the round's own tambons, as the dashboard counts them (round_facts).
        .join(
            round_tambon,
            (round_tambon.c.round_id == Response.round_id)
            & (round_tambon.c.tambon_id == Response.tambon_id),
        )
        .where(Response.round_id == round_id)
    )
    if tambon_ids is not None:
        query = query.where(Response.tambon_id.in_(tambon_ids))
    return db.session.execute(query).all()


def _file_order(lang: str):
    """Province, district, tambon, then person, by name in dictionary order, then response."""
    pick = 1 if lang == "en" else 0

    def key(row) -> tuple:
        places = (row[2 + pick] or row[2], row[4 + pick] or row[4], row[6 + pick] or row[6])
        return (*names_key(*places, row[8], lang=lang), row[0])

    return key


def _ratings(response_ids: list[int]):
    query = (
        select(Rating.response_id, Rating.item_code, Rating.current_level, Rating.target_level,
               Rating.note)
        .where(Rating.response_id.in_(response_ids))
        .order_by(Rating.response_id, Rating.position)
    )  # fmt: skip
    found: dict[int, list] = {}
    for response_id, *rest in db.session.execute(query):
        found.setdefault(response_id, []).append(rest)
    return found


def rating_records(
    round_: Round, tambon_ids: set[int] | None = None, lang: str = "th"
) -> Iterator[RatingRecord]:
    """The round's ratings in the tambons `tambon_ids` (None: all), in file order.

    The people are read and ordered first (one row each); their ratings are then read
    BATCH people at a time, so memory follows the batch, not the file.
    """
    people = sorted(_people(round_.id, tambon_ids), key=_file_order(lang))
    places: dict[tuple, Place] = {}
    for start in range(0, len(people), BATCH):
        batch = people[start : start + BATCH]
        ratings = _ratings([row[0] for row in batch])
        for row in batch:
            names = tuple(row[2:8])
            place = places.setdefault(names, Place(names[0:2], names[2:4], names[4:6]))
            # Once per person, not per rating: a dozen ratings share them.
            submitted_at, roles = bangkok_time(row[1]), frozenset(roles_from_text(row[9]))
            for item_code, current, target, note in ratings.get(row[0], ()):
                yield RatingRecord(
                    response_id=row[0],
                    submitted_at=submitted_at,
                    place=place,
                    facilitator=row[8],
                    roles=roles,
                    agency=row[10],
                    team=row[11],
                    item_code=item_code,
                    current=float(current),
                    target=float(target),
                    note=note,
                )

"""`workshop pack` and `workshop unpack`: a round with what a laptop needs to run it.

The file holds the round, its instrument version's content, its tambons (with district and
province names) and its roster (the active facilitators of those tambons). Unpacking finds
places by name, the instrument version by content hash, the round by join code and people
by the identity rule, and adds only what is missing: unpacking twice changes nothing.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError

from app.extensions import db
from app.instruments.model import Instrument
from app.instruments.store import store_version
from app.models import Facilitator, InstrumentVersion, Round
from app.models.base import utcnow
from app.names import clean_name
from app.workshop.files import WorkshopFileError, damaged
from app.workshop.people import person_of, unpacked
from app.workshop.places import find_place, place_of

JOIN_CODE = re.compile(r"[0-9A-Z]{4,12}")  # as rounds are given them, and the column holds
ROUND_NAME_MAX = 200


def pack_round(round_: Round) -> dict:
    """The content of a round file."""
    tambons = sorted(round_.tambons, key=lambda t: t.id)
    index = {t.id: i for i, t in enumerate(tambons)}
    query = (
        select(Facilitator)
        .where(Facilitator.tambon_id.in_(index), Facilitator.active.is_(True))
        .order_by(Facilitator.id)
    )
    roster = [person_of(p, index[p.tambon_id]) for p in db.session.execute(query).scalars()]
    version = round_.instrument_version
    return {
        "round": {
            "name": round_.name,
            "held_on": round_.held_on,
            "join_code": round_.join_code,
            "is_open": round_.is_open,
        },
        "instrument": {
            "key": version.instrument_key,
            "declared_version": version.declared_version,
            "content_hash": version.content_hash,
            "content": version.content,
            "source_file": version.source_file,
        },
        "places": [place_of(t) for t in tambons],
        "roster": roster,
    }


@dataclass
class Unpacked:
    """What unpacking did."""

    round: Round
    round_added: bool
    places_added: int = 0
    people_added: list[str] = field(default_factory=list)
    people_matched: int = 0


def unpack_round(content: dict) -> Unpacked:
    """Load a round file's content into this database, in one transaction.

    WorkshopFileError (and nothing written) when the file does not fit this database."""
    try:
        result = _unpack(content)
    except WorkshopFileError:
        db.session.rollback()
        raise
    except (DataError, IntegrityError, KeyError, TypeError, ValueError, AttributeError,
            IndexError) as error:  # fmt: skip
        db.session.rollback()
        raise damaged(error) from None
    db.session.commit()
    return result


def _unpack(content: dict) -> Unpacked:
    version = _instrument_version(content["instrument"])
    tambons, added = [], 0
    for place in content["places"]:
        known = find_place(place)
        tambons.append(known or find_place(place, add=True))
        added += known is None
    round_, round_added = _round(content["round"], version, tambons)
    result = Unpacked(round_, round_added, places_added=added)
    for record in content["roster"]:
        person, new = unpacked(record, tambons[record["place"]].id)
        if new:
            result.people_added.append(person.name)
        else:
            result.people_matched += 1
    # Set last: people added on the laptop after this moment were added at the workshop.
    if round_added:
        round_.created_at = utcnow()
    return result


def _instrument_version(stored: dict) -> InstrumentVersion:
    instrument = Instrument.from_dict(stored["content"])
    if instrument.content_hash() != stored["content_hash"]:
        raise WorkshopFileError(_l("the instrument in the file does not match its content hash"))
    version, _added = store_version(instrument, stored["source_file"])
    return version


def _round(stored: dict, version: InstrumentVersion, tambons: list) -> tuple[Round, bool]:
    code, name = stored["join_code"], clean_name(str(stored["name"]))
    if not isinstance(code, str) or not JOIN_CODE.fullmatch(code) or not name:
        raise damaged()
    round_ = db.session.execute(select(Round).filter_by(join_code=code)).scalar_one_or_none()
    if round_ is None:
        round_ = Round(
            name=name[:ROUND_NAME_MAX],
            held_on=date.fromisoformat(stored["held_on"]),
            instrument_version=version,
            join_code=code,
            is_open=True,
            tambons=tambons,
        )
        db.session.add(round_)
        db.session.flush()
        return round_, True
    if round_.instrument_version.content_hash != version.content_hash:
        raise WorkshopFileError(
            _l(
                "join code %(code)s is already used here by another round (%(name)s)",
                code=code,
                name=round_.name,
            )
        )
    round_.tambons.extend(t for t in tambons if t not in round_.tambons)
    return round_, False

"""A province-sized round in a real database, for the benchmarks (not for tests).

`populate(...)` adds one district per 15 tambons, facilitators spread over the tambons,
and one or more rounds of the facilitator instrument in which everyone answered every
item, with seeded random levels. Rows go in with bulk inserts, so 2,000 facilitators
take a second or two.
"""

import hashlib
import random
from datetime import date, timedelta

from sqlalchemy import insert, select

from app.extensions import db
from app.instruments import load_file
from app.instruments.store import store_version
from app.models import (
    District,
    Facilitator,
    FacilitatorRole,
    Province,
    Rating,
    Response,
    ResponseRevision,
    Round,
    Tambon,
    round_tambon,
)
from app.models.base import utcnow
from app.models.people import roles_text
from app.names import identity_key
from config import Config

ROLES = ("coordination", "meeting_process", "recording")


def populate(facilitators: int, tambons: int, rounds: int = 1, seed: int = 2548) -> list[int]:
    """Add the places, people and answered rounds; return the new rounds' ids, oldest first."""
    rng = random.Random(seed)
    version = _instrument_version()
    tambon_ids = _places(tambons, seed)
    people = _people(facilitators, tambon_ids, seed)
    round_ids = []
    for number in range(rounds):
        round_id = _round(version, tambon_ids, number, seed)
        _answers(round_id, version.instrument, people, rng, number)
        round_ids.append(round_id)
    db.session.commit()
    return round_ids


def open_round_with_roster(
    facilitators: int, tambons: int, seed: int = 2548
) -> tuple[str, list[int]]:
    """Places, people and one open round that nobody has answered yet: (join code, people)."""
    version = _instrument_version()
    tambon_ids = _places(tambons, seed)
    people = _people(facilitators, tambon_ids, seed)
    round_id = _round(version, tambon_ids, 0, seed)
    db.session.commit()
    return db.session.get(Round, round_id).join_code, [fid for fid, _ in people]


def _instrument_version():
    instrument = load_file(Config.INSTRUMENTS_DIR / "facilitator-competency.toml")
    version, _ = store_version(instrument, "facilitator-competency.toml")
    return version


def _places(count: int, seed: int) -> list[int]:
    province = Province(name_th=f"จังหวัดทดสอบ {seed}", name_en=f"Bench province {seed}")
    db.session.add(province)
    ids = []
    for start in range(0, count, 15):
        district = District(province=province, name_th=f"อำเภอ {start // 15 + 1}")
        places = [
            Tambon(district=district, name_th=f"ตำบล {n + 1:03d}")
            for n in range(start, min(start + 15, count))
        ]
        db.session.add_all(places)
        db.session.flush()
        ids += [t.id for t in places]
    return ids


def _people(count: int, tambon_ids: list[int], seed: int) -> list[tuple[int, tuple[str, ...]]]:
    """(id, roles) of `count` facilitators, three roles in turn, spread over the tambons."""
    rows = [
        {"name": f"คุณอำนวย {seed}-{n + 1:05d}", "tambon_id": tambon_ids[n % len(tambon_ids)],
         "agency": "พช.", "team": "u", "created_at": utcnow()}
        for n in range(count)
    ]  # fmt: skip
    for row in rows:  # a bulk insert skips the model's own name key
        row["name_key"] = identity_key(row["name"])
    db.session.execute(insert(Facilitator), rows)
    names = [r["name"] for r in rows]
    found = db.session.execute(
        select(Facilitator.id, Facilitator.name).where(Facilitator.name.in_(names))
    ).all()
    ids = [fid for fid, _ in sorted(found, key=lambda row: row[1])]
    roles = [(fid, (ROLES[n % 3],)) for n, fid in enumerate(ids)]
    db.session.execute(
        insert(FacilitatorRole), [{"facilitator_id": f, "role": r[0]} for f, r in roles]
    )
    return roles


def _round(version, tambon_ids: list[int], number: int, seed: int) -> int:
    held_on = date(2026, 5, 16) + timedelta(days=182 * number)
    code = hashlib.sha256(f"{seed}-{number}".encode()).hexdigest()[:8].upper()
    round_ = Round(name=f"รอบที่ {number + 1} (ทดสอบ)", held_on=held_on,
                   instrument_version=version, join_code=code, is_open=number == 0)  # fmt: skip
    db.session.add(round_)
    db.session.flush()
    db.session.execute(
        insert(round_tambon), [{"round_id": round_.id, "tambon_id": t} for t in tambon_ids]
    )
    return round_.id


def _answers(round_id: int, instrument, people, rng: random.Random, number: int) -> None:
    now = utcnow()
    who = _as_they_are([fid for fid, _ in people])
    responses = [
        {"round_id": round_id, "facilitator_id": fid, "revision": 1, "submitted_at": now,
         "updated_at": now, "token_hash": hashlib.sha256(f"{round_id}-{fid}".encode()).hexdigest(),
         "name": who[fid][0], "tambon_id": who[fid][1], "agency": who[fid][2], "team": who[fid][3],
         "roles_text": roles_text(roles)}
        for fid, roles in people
    ]  # fmt: skip
    db.session.execute(insert(Response), responses)
    ids = dict(db.session.execute(
        select(Response.facilitator_id, Response.id).filter_by(round_id=round_id)
    ).all())  # fmt: skip
    ratings, history = [], []
    for fid, roles in people:
        marks = [_mark(item, roles, rng, number) for item in instrument.items]
        ratings += [
            {"response_id": ids[fid], "item_code": item.code, "position": pos,
             "current_level": cur, "target_level": tgt, "note": ""}
            for pos, (item, (cur, tgt)) in enumerate(zip(instrument.items, marks))
        ]  # fmt: skip
        history.append({"response_id": ids[fid], "revision": 1, "submitted_at": now,
                        "submission_id": f"bench-{round_id}-{fid}",
                        "ratings": [{"item": i.code, "current": c, "target": t, "note": ""}
                                    for i, (c, t) in zip(instrument.items, marks)]})  # fmt: skip
    _insert(Rating, ratings)
    db.session.execute(insert(ResponseRevision), history)


def _as_they_are(ids: list[int]) -> dict[int, tuple]:
    """(name, tambon id, agency, team) of each facilitator, as a response keeps them."""
    columns = (Facilitator.name, Facilitator.tambon_id, Facilitator.agency, Facilitator.team)
    query = select(Facilitator.id, *columns).where(Facilitator.id.in_(ids))
    return {fid: tuple(rest) for fid, *rest in db.session.execute(query)}


def _mark(item, roles, rng: random.Random, number: int) -> tuple[float, float]:
    expected = item.expected_for(roles) or 3
    current = max(1, min(5, expected - 1 + rng.choice((-1, 0, 0, 1)) + number))
    return float(current), float(min(5, current + rng.choice((0, 1, 1, 2))))


def _insert(model, rows: list[dict]) -> None:
    """Bulk insert `rows` of plain values (every row with the same keys, all the columns
    without a server default).

    On PostgreSQL through COPY: an executemany sends one INSERT per row, which took most
    of the time of populating 50,000 facilitators (1.2 million ratings for two rounds).
    """
    connection = db.session.connection()
    if connection.dialect.name != "postgresql" or not rows:
        db.session.execute(insert(model), rows)
        return
    names = list(rows[0])
    quote = connection.dialect.identifier_preparer.quote
    columns = ", ".join(quote(model.__mapper__.columns[name].name) for name in names)
    cursor = connection.connection.dbapi_connection.cursor()
    with cursor.copy(f"COPY {quote(model.__table__.name)} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[name] for name in names])

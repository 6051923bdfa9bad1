"""A tiny round worked out by hand, on the real facilitator instrument (12 items).

Round "รอบที่ 2" (14 Nov 2026), tambons บางจาก (Bang Chak) and ท่าไร่ (Tha Rai):

| person   | tambon | roles           | every item | except                          |
|----------|--------|-----------------|------------|---------------------------------|
| สมศรี    | บางจาก | coordination    | 2 → 2      | K1 1 → 3, S2 2 → 5, S3 2 → 4    |
| ประเสริฐ | บางจาก | meeting_process | 3 → 3      |                                 |
| น้ำฝน    | ท่าไร่ | recording       | 4 → 4      |                                 |
| บุญมา    | ท่าไร่ | coordination    | 2 → 2      | K2 1 → 2, S1 1 → 3              |
| มานี     | ท่าไร่ | recording       | (has not answered)                           |

Round "รอบที่ 1" (16 May 2026, same instrument): สมศรี 1 → 2, ประเสริฐ 2 → 3 and
น้ำฝน 4 → 4 on every item; บุญมา and มานี did not answer. Round "กองทุน" uses the
village-group instrument. A third tambon, ปากพูน (Pak Phun), is in no round; its
facilitator วันดี must never show anywhere.

Accounts (password "correct horse battery"): admin; bangchak (บางจาก only); tharai
(ท่าไร่ only); outsider (ปากพูน only).
"""

from dataclasses import dataclass
from datetime import date

from werkzeug.security import generate_password_hash

from app.extensions import db
from app.models import Coordinator, InstrumentVersion
from app.ratings import Mark, record
from tests import builders

PASSWORD = "correct horse battery"
# A cheap hash of PASSWORD, made once: scrypt's 0.2 s per account would double these tests' time.
FAST_HASH = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
BANG_CHAK_PEOPLE = ("สมศรี", "ประเสริฐ")
THA_RAI_PEOPLE = ("น้ำฝน", "บุญมา", "มานี")
# The other tambon's facilitators, as a coordinator of Bang Chak must never see them.
NOT_FOR_BANG_CHAK = (*THA_RAI_PEOPLE, "วันดี", "ท่าไร่", "Tha Rai")

LATER = {  # person -> (default current, target), {item: (current, target)}
    "สมศรี": ((2, 2), {"K1": (1, 3), "S2": (2, 5), "S3": (2, 4)}),
    "ประเสริฐ": ((3, 3), {}),
    "น้ำฝน": ((4, 4), {}),
    "บุญมา": ((2, 2), {"K2": (1, 2), "S1": (1, 3)}),
}
EARLIER = {"สมศรี": ((1, 2), {}), "ประเสริฐ": ((2, 3), {}), "น้ำฝน": ((4, 4), {})}


@dataclass(frozen=True)
class Round:
    """The ids a test needs."""

    later: int
    earlier: int
    other_instrument: int
    bang_chak: int
    tha_rai: int
    pak_phun: int
    people: dict[str, int]
    accounts: dict[str, int]


def _account(username: str, admin: bool = False, places=()) -> int:
    account = Coordinator(username=username, display_name=username, is_admin=admin)
    account.password_hash = FAST_HASH
    account.tambons = list(places)
    db.session.add(account)
    db.session.flush()
    return account.id


def _answers(instrument, spec) -> list[Mark]:
    (current, target), exceptions = spec
    return [
        Mark(code, *map(float, exceptions.get(code, (current, target))))
        for code in instrument.item_codes
    ]


def _round(version, places, name, held_on, code, answers, people):
    round_ = builders.round_(version, places, name=name, code=code)
    round_.held_on = held_on
    instrument = version.instrument
    for person, spec in answers.items():
        record(round_, people[person], _answers(instrument, spec), f"{code}-{person}")
    return round_


def build_tiny_round(instruments: dict[str, int]) -> Round:
    """The round of the module docstring, stored through the real recording code.

    `instruments`: instrument id -> stored version id (the `instruments` fixture).
    """
    version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
    village = db.session.get(InstrumentVersion, instruments["village-financial-group"])
    bang_chak = builders.tambon("บางจาก", "Bang Chak")
    tha_rai = builders.tambon("ท่าไร่", "Tha Rai")
    pak_phun = builders.tambon("ปากพูน", "Pak Phun")
    roles = {"สมศรี": "coordination", "ประเสริฐ": "meeting_process", "น้ำฝน": "recording",
             "บุญมา": "coordination", "มานี": "recording"}  # fmt: skip
    people = {
        name: builders.facilitator(bang_chak if name in BANG_CHAK_PEOPLE else tha_rai, name,
                                   roles=(role,)).id
        for name, role in roles.items()
    }  # fmt: skip
    builders.facilitator(pak_phun, "วันดี")
    places = [bang_chak, tha_rai]
    later = _round(version, places, "รอบที่ 2", date(2026, 11, 14), "LATER", LATER, people)
    earlier = _round(version, places, "รอบที่ 1", date(2026, 5, 16), "EARLY", EARLIER, people)
    other = _round(village, places, "กองทุน", date(2026, 8, 1), "VILLAGE", {}, people)
    accounts = {
        "admin": _account("admin", admin=True),
        "bangchak": _account("bangchak", places=[bang_chak]),
        "tharai": _account("tharai", places=[tha_rai]),
        "outsider": _account("outsider", places=[pak_phun]),
    }
    db.session.commit()
    return Round(later.id, earlier.id, other.id, bang_chak.id, tha_rai.id, pak_phun.id,
                 people, accounts)  # fmt: skip


def sign_in(client, username: str) -> None:
    response = client.post("/signin", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.text

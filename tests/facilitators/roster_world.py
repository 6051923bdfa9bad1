"""A roster for the facilitator pages: two tambons, a coordinator of one, an admin.

บางจาก (Bang Chak): นางสุนีย์ ทองประเสริฐ (answered the open round twice, and the closed one),
เกศินี ใจดี, ไพโรจน์ พรมดี, กมล สุขใจ, ข้าวหอม_50% (a name with LIKE's wildcards).
ท่าไร่ (Tha Rai): สมชาย ใจงามยิ่ง (answered the open round). Accounts: admin, "local"
(Bang Chak), "stranger" (Tha Rai).
"""

from dataclasses import dataclass
from datetime import date

from app.extensions import db
from app.models import InstrumentVersion
from app.ratings import Mark, record
from tests import builders

PASSWORD = "correct horse battery"


@dataclass(frozen=True)
class Roster:
    bang_chak: int
    tha_rai: int
    open_round: int
    closed_round: int
    people: dict[str, int]  # name -> id
    items: tuple[str, ...]


def answers(items, current: float, target: float) -> list[Mark]:
    return [Mark(code, current, target) for code in items]


def build_roster(instruments) -> Roster:
    """The roster of the module docstring, in the current app context; commits."""
    version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
    items = version.instrument.item_codes
    bang_chak = builders.tambon("บางจาก", "Bang Chak")
    tha_rai = builders.tambon("ท่าไร่", "Tha Rai")
    people = {}
    for name in ("นางสุนีย์ ทองประเสริฐ", "เกศินี ใจดี", "ไพโรจน์ พรมดี", "กมล สุขใจ",
                 "ข้าวหอม_50%"):  # fmt: skip
        people[name] = builders.facilitator(bang_chak, name).id
    people["สมชาย ใจงามยิ่ง"] = builders.facilitator(tha_rai, "สมชาย ใจงามยิ่ง").id
    open_round = builders.round_(version, [bang_chak, tha_rai], name="รอบเปิด", code="OPEN26")
    closed = builders.round_(version, [bang_chak], name="รอบปิด", code="SHUT25")
    closed.held_on = date(2026, 5, 16)
    builders.coordinator("admin", PASSWORD, admin=True)
    builders.coordinator("local", PASSWORD, places=[bang_chak])
    builders.coordinator("stranger", PASSWORD, places=[tha_rai])
    db.session.commit()
    sunee = people["นางสุนีย์ ทองประเสริฐ"]
    record(closed, sunee, answers(items, 1, 2), "s-closed")
    record(open_round, sunee, answers(items, 2, 3), "s-open-1")
    record(open_round, sunee, answers(items, 3, 4), "s-open-2")
    record(open_round, people["สมชาย ใจงามยิ่ง"], answers(items, 3, 4), "s-somchai")
    closed.is_open = False
    db.session.commit()
    return Roster(bang_chak.id, tha_rai.id, open_round.id, closed.id, people, items)


def sign_in(client, username: str) -> None:
    response = client.post("/signin", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302

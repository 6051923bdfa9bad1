"""A small round with known answers for the export tests.

Tambon A (Bang Chak): ป้าแจ่ม (coordination + recording) rates 2 -> 4 on every item, with
tricky notes; ลุงเปลี่ยน rates 4 -> 4. Tambon B (Tha Rai): "@วิชัย" rates 1 -> 5. A second
round over the same tambons has no answers. Accounts: admin, "local" (tambon A), "stranger"
(a tambon outside the rounds).
"""

from dataclasses import dataclass

import pytest

from app.extensions import db
from app.models import InstrumentVersion
from app.ratings import Mark, record
from tests import builders

PASSWORD = "correct horse battery"
NOTES = (
    'ยังไม่มั่นใจเรื่องงบทดลอง อยากเรียนจาก "หมู่ที่ 7"\nบรรทัดที่สอง',
    '=HYPERLINK("http://evil.example/?q=1","คลิก")',
    "+66 81 234 5678",
    "-1",
    "@SUM(1+1)",
    "\tเริ่มด้วยแท็บ",
    "\rเริ่มด้วย CR",
    "ธรรมดา, มีจุลภาค",
)


@dataclass
class ExportWorld:
    round_id: int
    empty_round_id: int
    join_code: str
    tambon_a: int
    tambon_b: int
    items: tuple[str, ...]
    names: dict[str, int]  # facilitator name -> id


def _answers(items, current, target, notes=()) -> list[Mark]:
    notes = list(notes) + [""] * (len(items) - len(notes))
    return [Mark(code, current, target, note) for code, note in zip(items, notes)]


@pytest.fixture
def world(app, instruments) -> ExportWorld:
    with app.app_context():
        version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
        items = version.instrument.item_codes
        a = builders.tambon("บางจาก", "Bang Chak")
        b = builders.tambon("ท่าไร่", "Tha Rai")
        elsewhere = builders.tambon("ปากพูน", "Pak Phun")
        jam = builders.facilitator(a, "ป้าแจ่ม ใจดี", ("recording", "coordination"), "u", "พช.")
        plian = builders.facilitator(a, "ลุงเปลี่ยน แก้วใส", ("meeting_process",), "v", "กศน.")
        wichai = builders.facilitator(b, "@วิชัย มีสุข", ("recording",), None, "=1+1")
        builders.facilitator(b, "ไม่ได้ตอบ", ("recording",))
        full = builders.round_(version, [a, b], name="รอบที่ 2 เหลียวหลัง แลหน้า", code="EXP26")
        empty = builders.round_(version, [a, b], name="รอบว่าง", code="EMPTY1")
        builders.coordinator("admin", PASSWORD, admin=True)
        builders.coordinator("local", PASSWORD, places=[a])
        builders.coordinator("stranger", PASSWORD, places=[elsewhere])
        db.session.commit()
        record(full, jam.id, _answers(items, 2, 4, NOTES), "s-jam")
        record(full, plian.id, _answers(items, 4, 4), "s-plian")
        record(full, wichai.id, _answers(items, 1, 5), "s-wichai")
        names = {p.name: p.id for p in (jam, plian, wichai)}
        return ExportWorld(full.id, empty.id, "EXP26", a.id, b.id, items, names)


def sign_in(client, username: str) -> None:
    response = client.post("/signin", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302

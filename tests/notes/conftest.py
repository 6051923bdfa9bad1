"""A round with notes at known levels in two tambons, for the knowledge-assets tests.

Bang Chak (A): ป้าแจ่ม is at level 4 on the first item and writes how she works; ลุงเปลี่ยน
is at level 2 on it. Tha Rai (B): สมศรี is at level 4 on the first item and at 5 on the
second. Everyone else's items carry no note. Accounts: admin, "local" (Bang Chak only),
"stranger" (a tambon outside the round). A second round over the same tambons has no note.
"""

from dataclasses import dataclass

import pytest

from app.extensions import db
from app.models import InstrumentVersion
from app.ratings import Mark, record
from tests import builders

PASSWORD = "correct horse battery"
JAM_K1 = "ใช้แผนที่เดินดินกับชาวบ้าน  ทุกเดือน\nแล้วจดบันทึก KM ไว้ที่ศาลา"
PLIAN_K1 = "เคยเห็นแต่ยังไม่ได้ทำเอง"
JAM_K2 = "ยังไม่เคยนำประชุม"
SOMSRI_K1 = "ทำบัญชีกลุ่มออมทรัพย์ร่วมกับกรรมการ ทุกเดือน"
SOMSRI_K2 = "=ชวนคุยก่อนเริ่มประชุมทุกครั้ง"


@dataclass
class NotesWorld:
    round_id: int
    empty_round_id: int
    tambon_a: int
    tambon_b: int
    elsewhere: int
    items: tuple[str, ...]


def _marks(items, levels: dict[str, tuple[float, float, str]]) -> list[Mark]:
    """Level 3 → 3 and no note on every item but those in `levels`."""
    return [Mark(code, *levels.get(code, (3, 3, ""))) for code in items]


@pytest.fixture
def notes_world(app, instruments) -> NotesWorld:
    with app.app_context():
        version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
        items = version.instrument.item_codes
        k1, k2 = items[0], items[1]
        a = builders.tambon("บางจาก", "Bang Chak")
        b = builders.tambon("ท่าไร่", "Tha Rai")
        elsewhere = builders.tambon("ปากพูน", "Pak Phun")
        jam = builders.facilitator(a, "ป้าแจ่ม ใจดี", ("recording",))
        plian = builders.facilitator(a, "ลุงเปลี่ยน แก้วใส", ("meeting_process",))
        somsri = builders.facilitator(b, "สมศรี มีสุข", ("coordination",))
        full = builders.round_(version, [a, b], name="รอบขุมความรู้", code="KM2569")
        empty = builders.round_(version, [a, b], name="รอบไม่มีบันทึก", code="KM0000")
        builders.coordinator("admin", PASSWORD, admin=True)
        builders.coordinator("local", PASSWORD, places=[a])
        builders.coordinator("stranger", PASSWORD, places=[elsewhere])
        db.session.commit()
        record(full, jam.id, _marks(items, {k1: (4, 5, JAM_K1), k2: (2, 3, JAM_K2)}), "s-jam")
        record(full, plian.id, _marks(items, {k1: (2, 4, PLIAN_K1)}), "s-plian")
        somsri_marks = {k1: (4, 4, SOMSRI_K1), k2: (5, 5, SOMSRI_K2)}
        record(full, somsri.id, _marks(items, somsri_marks), "s-somsri")
        record(empty, jam.id, _marks(items, {}), "s-jam-empty")
        return NotesWorld(full.id, empty.id, a.id, b.id, elsewhere.id, tuple(items))


def sign_in(client, username: str) -> None:
    response = client.post("/signin", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302

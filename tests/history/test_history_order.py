"""Thai dictionary order wherever people are listed: the public roster, the dashboard, the files."""

import csv
import io

from sqlalchemy import select

from app.exports.files import write_export
from app.extensions import db
from app.models import Round, Tambon
from app.ratings import record
from tests import builders
from tests.exports.conftest import PASSWORD

# Bang Chak in the demo, with two names that start with a leading vowel.
BANG_CHAK = ["เกศินี ใจดี", "ประเสริฐ แก้วมณีวงศ์", "ไพโรจน์ สุขใจ", "วิไลวรรณ ศรีสุขสวัสดิ์",
             "สุนีย์ ทองประเสริฐ", "อารีย์ ชูช่วยชาติ"]  # fmt: skip


def _add_people(app) -> None:
    with app.app_context():
        bang_chak = db.session.execute(select(Tambon).filter_by(name_th="บางจาก")).scalar_one()
        round_ = db.session.execute(select(Round).filter_by(join_code="DEMO26")).scalar_one()
        for name in ("ไพโรจน์ สุขใจ", "เกศินี ใจดี"):
            person = builders.facilitator(bang_chak, name)
            db.session.commit()
            record(round_, person.id, builders.answers(round_.instrument_version.instrument), name)


def _order(text: str, names: list[str]) -> list[str]:
    return sorted(names, key=text.index)


def test_the_public_roster_is_in_thai_order(app, demo, client):
    _add_people(app)
    page = client.get("/j/DEMO26").text
    bang_chak = page[page.index("ตำบลบางจาก") : page.index("ตำบลมะม่วงสองต้น")]
    assert _order(bang_chak, BANG_CHAK) == BANG_CHAK


def test_the_gap_table_is_in_thai_order(app, demo, client):
    _add_people(app)
    with app.app_context():
        builders.coordinator("ordered", PASSWORD, admin=True)
        db.session.commit()
    client.post("/signin", data={"username": "ordered", "password": PASSWORD})
    with app.app_context():
        round_id = db.session.execute(select(Round.id).filter_by(join_code="DEMO26")).scalar_one()
    page = client.get(f"/rounds/{round_id}/gaps?rows=name").text
    answered = [n for n in BANG_CHAK if not n.startswith("อารีย์")]
    assert _order(page, answered) == answered


def test_the_ratings_file_is_in_thai_order(app, demo):
    _add_people(app)
    with app.app_context():
        round_ = db.session.execute(select(Round).filter_by(join_code="DEMO26")).scalar_one()
        out = io.StringIO(newline="")
        write_export(out, "ratings-wide", "csv", round_, None, "th")
    rows = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    tambons = [row["tambon"] for row in rows]
    assert tambons == sorted(tambons, key=["ท่าไร่", "บางจาก", "มะม่วงสองต้น"].index)
    names = [row["facilitator"] for row in rows if row["tambon"] == "บางจาก"]
    assert names == [n for n in BANG_CHAK if not n.startswith("อารีย์")]

"""A round for the facilitator tests: two tambons in the round, one outside it."""

from dataclasses import dataclass

import pytest

from app.extensions import db
from app.models import InstrumentVersion
from tests import builders

CODE = "ABC234"
PEOPLE = {
    "สุนีย์": "บางจาก",
    "ประเสริฐ": "บางจาก",
    "จันทร์เพ็ญ": "ท่าไร่",
    "สมชาย": "ท่าไร่",
}


@dataclass(frozen=True)
class Setting:
    code: str
    round_id: int
    tambons: dict[str, int]
    people: dict[str, int]
    outsider: int

    def form_url(self, name: str) -> str:
        return f"/j/{self.code}/f/{self.people[name]}"


def make_setting(instruments, instrument="facilitator-competency", is_open=True) -> Setting:
    """Build the round in the current app context and commit it."""
    tambons = {
        "บางจาก": builders.tambon("บางจาก", "Bang Chak"),
        "ท่าไร่": builders.tambon("ท่าไร่", "Tha Rai"),
    }
    elsewhere = builders.tambon("ปากพูน", "Pak Phun")
    version = db.session.get(InstrumentVersion, instruments[instrument])
    round_ = builders.round_(version, tambons.values(), code=CODE, is_open=is_open)
    people = {n: builders.facilitator(tambons[t], n).id for n, t in PEOPLE.items()}
    outsider = builders.facilitator(elsewhere, "คนนอกรอบ").id
    db.session.commit()
    ids = {name: t.id for name, t in tambons.items()} | {"ปากพูน": elsewhere.id}
    return Setting(CODE, round_.id, ids, people, outsider)


@pytest.fixture
def setting(app, instruments) -> Setting:
    """An open round of the facilitator instrument in Bang Chak and Tha Rai."""
    with app.app_context():
        return make_setting(instruments)


@pytest.fixture
def group_setting(app, instruments) -> Setting:
    """The same round with the village group instrument (half steps allowed)."""
    with app.app_context():
        return make_setting(instruments, "village-financial-group")

"""The world of the security tests: the demo data, plus a second province with its own
coordinator, facilitators and round, and two facilitators whose personal links we hold.

- อารีย์ ชูช่วยชาติ (บางจาก, team v): answered DEMO26 at 1 → 2 on every item with a note;
  we hold her personal link. She is "the facilitator".
- อับดุลเลาะห์ ยูโซะมะ (มะม่วงสองต้น, team v): answered DEMO26 at 4 → 5 with a note; we hold
  his link. He is "the other facilitator".
- สุนีย์ (บางจาก) and นันทนา (ท่าไร่), demo team u: a second revision in DEMO26 with a note.
- ปริญญา and มาลัย: ปากพูน, a tambon of another province, in their own round PAKP26.
- ชไมพร ใจเย็น (บางจาก): on the roster of DEMO26, has not answered.

Accounts (password "correct horse battery"): admin; bangchak (บางจาก only); pakphun
(ปากพูน only); spare (ปากพูน, only ever changed by the admin's tests). Two spare rounds,
one in the demo tambons and one in ปากพูน, are what the close and reopen tests toggle.
"""

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.demo import data as demo_data
from app.demo.load import demo_answers, load_demo
from app.extensions import db
from app.instruments import load_directory
from app.instruments.store import store_version
from app.models import Coordinator, Facilitator, Round
from app.ratings import Mark, derived_token, record
from tests import builders
from tests.conftest import INSTRUMENTS_DIR
from tests.tiny_round import FAST_HASH, PASSWORD

DEMO_CODE, OTHER_CODE = "DEMO26", "PAKP26"
FACILITATOR = "อารีย์ ชูช่วยชาติ"
OTHER_FACILITATOR = "อับดุลเลาะห์ ยูโซะมะ"
UNANSWERED = "ชไมพร ใจเย็น"
OTHER_PEOPLE = ("ปริญญา แสงอรุณ", "มาลัย ทองคำดี")
# Words found nowhere else, so a leak shows wherever it lands.
NOTES = {
    FACILITATOR: "บันทึกอารีย์ลับA7",
    OTHER_FACILITATOR: "บันทึกอับดุลลับB7",
    "สุนีย์ ทองประเสริฐ": "บันทึกสุนีย์ลับS7",
    "นันทนา บุญมาเยือน": "บันทึกนันทนาลับT7",
    "ปริญญา แสงอรุณ": "บันทึกปริญญาลับP7",
    "มาลัย ทองคำดี": "บันทึกมาลัยลับM7",
}
LEVELS = {FACILITATOR: (1.0, 2.0), OTHER_FACILITATOR: (4.0, 5.0)}


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    tambon: str  # bangchak, tharai, mst, pakphun
    notes: tuple[str, ...] = ()  # every note of theirs, in any round

    @property
    def first_name(self) -> str:
        """A chart may cut a long name; the first word is what a leak always carries."""
        return self.name.split()[0]


@dataclass(frozen=True)
class World:
    """The ids and secrets the tests need. Round keys: demo (DEMO26), earlier (DEMO25),
    other (PAKP26), spare_demo, spare_other; tambon keys: bangchak, tharai, mst, pakphun."""

    secret_key: str
    rounds: dict[str, int]
    tambons: dict[str, int]
    tambon_names: dict[str, tuple[str, str]]
    people: dict[str, Person]  # by full name
    tokens: dict[str, str]  # full name -> personal-link token
    submissions: dict[str, str]  # full name -> the submission that created the response
    response_ids: dict[str, int]  # full name -> response id in DEMO26
    accounts: dict[str, int]


def _store_instruments() -> None:
    for path, instrument in load_directory(INSTRUMENTS_DIR):
        store_version(instrument, path.name)
    db.session.commit()


def _answers(instrument, name: str, current: float, target: float) -> list[Mark]:
    """The same levels on every item, the person's note on the first."""
    note = NOTES.get(name, "")
    return [
        Mark(code, current, target, note if i == 0 else "")
        for i, code in enumerate(instrument.item_codes)
    ]


def _find(model, **key):
    return db.session.execute(select(model).filter_by(**key)).scalar_one()


def _account(username: str, places=()) -> int:
    account = Coordinator(username=username, display_name=username)
    account.password_hash = FAST_HASH
    account.tambons = list(places)
    db.session.add(account)
    db.session.flush()
    return account.id


def _accounts(pak_phun) -> dict[str, int]:
    accounts = {}
    for username in ("admin", "bangchak"):  # the demo's scrypt hashes cost 0.2 s a sign-in
        account = _find(Coordinator, username=username)
        account.password_hash = FAST_HASH
        accounts[username] = account.id
    accounts["pakphun"] = _account("pakphun", [pak_phun])
    accounts["spare"] = _account("spare", [pak_phun])
    return accounts


def _spare_round(demo: Round, places) -> Round:
    spare = builders.round_(demo.instrument_version, places, name="รอบสำรอง")
    spare.held_on = date(2026, 1, 10)
    return spare


def _linked_answers(world_parts: dict, demo: Round, secret_key: str) -> None:
    """The two facilitators answer as the form records them: token derived from the id."""
    instrument = demo.instrument_version.instrument
    for name, (current, target) in LEVELS.items():
        submission = str(uuid.uuid4())
        token = derived_token(secret_key, submission)
        answers = _answers(instrument, name, current, target)
        outcome = record(demo, _find(Facilitator, name=name).id, answers, submission, token=token)
        world_parts["tokens"][name] = token
        world_parts["submissions"][name] = submission
        world_parts["response_ids"][name] = outcome.response.id


def _noted_answers(demo: Round, other: Round) -> None:
    instrument = demo.instrument_version.instrument
    for name in ("สุนีย์ ทองประเสริฐ", "นันทนา บุญมาเยือน"):  # a new revision, with a note
        person = _find(Facilitator, name=name)
        answers = [
            Mark(a.item_code, a.current, a.target, NOTES[name])
            for a in demo_answers(instrument, person, 1)
        ]
        record(demo, person.id, answers, str(uuid.uuid4()))
    for name in OTHER_PEOPLE:
        person_id = _find(Facilitator, name=name).id
        record(other, person_id, _answers(instrument, name, 2.0, 3.0), str(uuid.uuid4()))


def _notes_of(name: str) -> tuple[str, ...]:
    """Our note of the person, and the demo's notes of the earlier round (DEMO25)."""
    demo_notes = [note for (who, _item), note in demo_data.NOTES.items() if who == name]
    return tuple(([NOTES[name]] if name in NOTES else []) + demo_notes)


def build_world(secret_key: str) -> World:
    """The world of the module docstring, in the current app context; commits."""
    _store_instruments()
    load_demo()
    demo = _find(Round, join_code=DEMO_CODE)
    places = {t.name_en: t for t in demo.tambons}
    tambons = {"bangchak": places["Bang Chak"], "tharai": places["Tha Rai"],
               "mst": places["Mamuang Song Ton"],
               "pakphun": builders.tambon("ปากพูน", "Pak Phun")}  # fmt: skip
    builders.facilitator(tambons["bangchak"], UNANSWERED, roles=("recording",), team="v")
    other = builders.round_(
        demo.instrument_version, [tambons["pakphun"]], name="รอบปากพูน", code=OTHER_CODE
    )
    for name in OTHER_PEOPLE:
        builders.facilitator(tambons["pakphun"], name)
    rounds = {"demo": demo, "earlier": _find(Round, join_code="DEMO25"), "other": other,
              "spare_demo": _spare_round(demo, demo.tambons),
              "spare_other": _spare_round(demo, [tambons["pakphun"]])}  # fmt: skip
    accounts = _accounts(tambons["pakphun"])
    db.session.commit()
    parts: dict = {"tokens": {}, "submissions": {}, "response_ids": {}}
    _linked_answers(parts, demo, secret_key)
    _noted_answers(demo, other)
    key_of = {t.id: key for key, t in tambons.items()}
    people = {
        p.name: Person(p.id, p.name, key_of[p.tambon_id], _notes_of(p.name))
        for p in db.session.execute(select(Facilitator)).scalars()
    }
    return World(
        secret_key=secret_key,
        rounds={key: r.id for key, r in rounds.items()},
        tambons={key: t.id for key, t in tambons.items()},
        tambon_names={key: (t.name_th, t.name_en) for key, t in tambons.items()},
        people=people,
        accounts=accounts,
        **parts,
    )


def sign_in(client, username: str) -> None:
    response = client.post("/signin", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.text


def table_counts(app) -> dict[str, int]:
    """The number of rows of every table."""
    with app.app_context():
        return {
            table.name: db.session.execute(select(func.count()).select_from(table)).scalar()
            for table in db.metadata.sorted_tables
        }

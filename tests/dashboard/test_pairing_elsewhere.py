"""A learner whom only another tambon can teach: the admin sees the pair, the learner's
coordinator a count without names, and neither calls it an outside-training need.

Round over tambons A (บางจาก), B (ท่าไร่) and C (ปากพูน), every item unless said:

| person  | tambon | current → target                     |
|---------|--------|--------------------------------------|
| ก้อย    | A      | 1 → 4; the second item 1 → 5         |
| แดง     | A      | 2 → 2                                |
| สมชาย   | B      | 4 → 4                                |
| สมหญิง  | B      | 5 → 5; the second item 4 → 4         |
| ต่ำต้อย  | B      | 3 → 3 (below ก้อย's target: no teacher) |
| มานะ    | C      | 4 → 4                                |

So on every item but the second, nobody in A reaches ก้อย's target 4 and three people of
B and C do (สมชาย, สมหญิง, มานะ; not ต่ำต้อย). On the second item her target 5 is
nobody's current in the whole round: that alone is training from outside.
"""

import csv
import io
import re
from dataclasses import dataclass

import pytest

from app.exports.catalogue import build
from app.exports.writers import csv_chunks
from app.extensions import db
from app.models import InstrumentVersion, Round
from app.ratings import Mark, record
from tests import builders
from tests.html_tables import table
from tests.tiny_round import sign_in

OTHERS = ("สมชาย", "สมหญิง", "ต่ำต้อย", "มานะ", "ท่าไร่", "ปากพูน", "Tha Rai", "Pak Phun")
TEACHERS = {"สมชาย", "สมหญิง", "มานะ"}


@dataclass(frozen=True)
class World:
    round_id: int
    items: tuple[str, ...]
    tambon_a: int

    @property
    def unreachable(self) -> str:
        return self.items[1]


def _marks(items, current, target, second=None) -> list[Mark]:
    second = second or (current, target)
    return [Mark(code, *map(float, second if i == 1 else (current, target)))
            for i, code in enumerate(items)]  # fmt: skip


@pytest.fixture
def world(app, instruments) -> World:
    with app.app_context():
        version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
        items = version.instrument.item_codes
        a, b = builders.tambon("บางจาก", "Bang Chak"), builders.tambon("ท่าไร่", "Tha Rai")
        c = builders.tambon("ปากพูน", "Pak Phun")
        answers = {
            ("ก้อย", a): (1, 4, (1, 5)), ("แดง", a): (2, 2, None),
            ("สมชาย", b): (4, 4, None), ("สมหญิง", b): (5, 5, (4, 4)),
            ("ต่ำต้อย", b): (3, 3, None), ("มานะ", c): (4, 4, None),
        }  # fmt: skip
        people = {key: builders.facilitator(key[1], key[0]).id for key in answers}
        round_ = builders.round_(version, [a, b, c], code="AWAY26")
        builders.coordinator("admin", admin=True)
        builders.coordinator("a-only", places=[a])
        builders.coordinator("a-and-c", places=[a, c])
        db.session.commit()
        for key, (current, target, second) in answers.items():
            record(round_, people[key], _marks(items, current, target, second), f"s-{key[0]}")
        return World(round_.id, items, a.id)


def test_the_admin_pairs_her_across_tambons(client, world):
    sign_in(client, "admin")
    page = client.get(f"/rounds/{world.round_id}/pairs").text
    pairs = table(page, "pairs")[1:]
    assert [row[0] for row in pairs] == [c for c in world.items if c != world.unreachable]
    assert {row[1] for row in pairs} == {"ก้อย"} and {row[5] for row in pairs} <= TEACHERS
    assert [row[0] for row in table(page, "needs")[1:]] == [world.unreachable]
    assert "elsewhere" not in table_ids(page)  # the whole round: nothing lies beyond it


def test_her_coordinator_is_told_how_many_elsewhere_and_not_who(client, world):
    sign_in(client, "a-only")
    page = client.get(f"/rounds/{world.round_id}/pairs").text
    for name in OTHERS:
        assert name not in page, name
    assert "pairs" not in table_ids(page)  # nobody in A can teach ก้อย anything
    rows = table(page, "elsewhere")[1:]
    assert [row[0] for row in rows] == [c for c in world.items if c != world.unreachable]
    message = "ในตำบลของท่านยังไม่มีผู้สอนได้ แต่มี 3 คนในตำบลอื่นของรอบนี้"
    assert all(row[1] == "ก้อย" and row[5] == message for row in rows)
    # "Nobody in the round can teach" lists only what nobody in the round can teach.
    assert [row[0] for row in table(page, "needs")[1:]] == [world.unreachable]
    assert "ต้องการวิทยากรจากภายนอก: 1" in page
    assert f"ผู้เรียนที่มีเพียงคนในตำบลอื่นถ่ายทอดให้ได้: {len(world.items) - 1}" in page


def test_tambons_of_the_scope_are_not_counted_as_elsewhere(client, world):
    """With C in the scope, มานะ pairs with ก้อย; B's two are counted, not named."""
    sign_in(client, "a-and-c")
    page = client.get(f"/rounds/{world.round_id}/pairs").text
    for name in ("สมชาย", "สมหญิง", "ต่ำต้อย", "ท่าไร่"):
        assert name not in page, name
    assert {row[5] for row in table(page, "pairs")[1:]} == {"มานะ"}
    assert "elsewhere" not in table_ids(page)  # none: มานะ, of the scope, has room
    assert [row[0] for row in table(page, "needs")[1:]] == [world.unreachable]


def test_the_page_states_the_teacher_choice_rule(client, world):
    sign_in(client, "admin")
    thai = client.get(f"/rounds/{world.round_id}/pairs").text
    assert "คนที่ผู้เรียนเรียนรู้ด้วยอยู่แล้วในหัวข้ออื่นมาก่อน" in thai
    client.post("/lang", data={"lang": "en", "next": "/"})
    english = client.get(f"/rounds/{world.round_id}/pairs").text
    assert "someone the learner already learns from on another item comes first" in english


def _plan(app, world, tambon_ids) -> dict[tuple[str, str], dict]:
    with app.app_context():
        round_ = db.session.get(Round, world.round_id)
        text = "".join(csv_chunks(build("training-plan", round_, tambon_ids, "th")))
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    return {(r["tambon"], r["item_code"]): r for r in rows}


@pytest.mark.parametrize("scope", ["admin", "coordinator"])
def test_the_plan_calls_outside_training_only_what_nobody_in_the_round_can_teach(app, world, scope):
    tambon_ids = None if scope == "admin" else {world.tambon_a}
    rows = _plan(app, world, tambon_ids)
    for place in ("", "บางจาก"):  # the file's round rows, and tambon A's
        for item in world.items:
            row = rows[(place, item)]
            figures = (row["outside_training"], row["teachers_elsewhere"])
            if item == world.unreachable:
                assert figures == ("1", "0"), (place, item)
            elif scope == "admin":  # paired inside the file: a teacher is named
                assert figures == ("0", "0") and row["teachers"] in TEACHERS, (place, item)
            else:  # counted outside the file, not named
                assert figures == ("0", "3") and row["teachers"] == "", (place, item)
    if scope == "coordinator":
        assert {tambon for tambon, _ in rows} == {"", "บางจาก"}
        text = repr(rows)
        assert not any(name in text for name in OTHERS)


def table_ids(page: str) -> set[str]:
    return set(re.findall(r'<table id="([^"]+)"', page))

"""Reading the notes without a request: item → level → notes, search, tambon, scope."""

import pytest

from app.extensions import db
from app.models import Round
from app.notes.read import normalised, note_list, read_notes
from tests.notes.conftest import JAM_K1, JAM_K2, PLIAN_K1, SOMSRI_K1, SOMSRI_K2


@pytest.fixture
def ctx(app, notes_world):
    with app.app_context():
        yield notes_world


def _round(world) -> Round:
    return db.session.get(Round, world.round_id)


def _texts(items) -> dict[str, dict[float, list[str]]]:
    return {i.item: {g.level: [n.text for n in g.notes] for g in i.levels} for i in items}


def test_a_note_is_filed_under_its_item_and_its_writers_current_level(ctx):
    k1, k2 = ctx.items[:2]
    items = read_notes(_round(ctx), None)
    assert [i.item for i in items] == [k1, k2]  # instrument order; items without notes left out
    texts = _texts(items)
    # Highest level first; at level 4 both tambons, ท่าไร่ before บางจาก (ท comes before บ).
    assert list(texts[k1]) == [4.0, 2.0]
    assert texts[k1][4.0] == [SOMSRI_K1, JAM_K1] and texts[k1][2.0] == [PLIAN_K1]
    assert list(texts[k2]) == [5.0, 2.0]
    assert texts[k2] == {5.0: [SOMSRI_K2], 2.0: [JAM_K2]}
    assert items[0].count == 3 and items[1].count == 2


def test_the_admin_sees_every_writer_with_their_tambon_at_answer_time(ctx):
    (k1, *_) = read_notes(_round(ctx), None)
    writers = [(n.name, n.tambon("th"), n.tambon("en")) for n in k1.levels[0].notes]
    assert writers == [("สมศรี มีสุข", "ท่าไร่", "Tha Rai"), ("ป้าแจ่ม ใจดี", "บางจาก", "Bang Chak")]


def test_a_coordinator_reads_the_notes_of_their_tambons_only(ctx):
    notes = note_list(_round(ctx), {ctx.tambon_a})
    assert [(n.text, n.name) for n in notes] == [
        (JAM_K1, "ป้าแจ่ม ใจดี"),
        (PLIAN_K1, "ลุงเปลี่ยน แก้วใส"),
        (JAM_K2, "ป้าแจ่ม ใจดี"),
    ]
    assert note_list(_round(ctx), {ctx.elsewhere}) == []  # a tambon not in the round


def test_a_tambon_filter_keeps_that_tambon_only(ctx):
    notes = note_list(_round(ctx), None, tambon_id=ctx.tambon_b)
    assert {n.text for n in notes} == {SOMSRI_K1, SOMSRI_K2}
    assert {n.name for n in notes} == {"สมศรี มีสุข"}
    assert note_list(_round(ctx), {ctx.tambon_a}, tambon_id=ctx.tambon_b) == []


@pytest.mark.parametrize(
    ("search", "found"),
    [
        ("ทุกเดือน", {JAM_K1, SOMSRI_K1}),  # Thai, as typed
        ("  ชาวบ้าน ทุกเดือน ", {JAM_K1}),  # the note has two spaces here; the search one
        ("ชาวบ้าน\u200bทุก", set()),  # a zero-width space is dropped: "ชาวบ้านทุก" is not there
        ("km ไว้", {JAM_K1}),  # English case folded; the line break matches a space
        ("=ชวนคุย", {SOMSRI_K2}),
        ("ไม่มีคำนี้", set()),
        ("", {JAM_K1, PLIAN_K1, JAM_K2, SOMSRI_K1, SOMSRI_K2}),
        ("   ", {JAM_K1, PLIAN_K1, JAM_K2, SOMSRI_K1, SOMSRI_K2}),
    ],
)
def test_search_is_a_substring_of_the_note_whitespace_normalised(ctx, search, found):
    assert {n.text for n in note_list(_round(ctx), None, search=search)} == found


def test_normalised_text():
    assert normalised(" KM\tกับ\n\nชาวบ้าน\u00a0 ") == "km กับ ชาวบ้าน"
    assert normalised("เด\u200bก") == "เดก"


def test_at_most_a_few_notes_per_item_the_highest_levels_first(ctx):
    k1, k2 = read_notes(_round(ctx), None, per_item=1)
    assert _texts([k1, k2]) == {ctx.items[0]: {4.0: [SOMSRI_K1]}, ctx.items[1]: {5.0: [SOMSRI_K2]}}


def test_a_round_without_notes_reads_as_nothing(ctx):
    assert read_notes(db.session.get(Round, ctx.empty_round_id), None) == ()
    assert read_notes(_round(ctx), None, search="ไม่มีคำนี้") == ()

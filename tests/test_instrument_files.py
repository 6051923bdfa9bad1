"""Instrument files: the shipped ones load, and every kind of mistake is refused by name."""

import textwrap
from pathlib import Path

import pytest

from app.instruments import InstrumentError, load_directory, load_file
from app.instruments.model import Instrument

INSTRUMENTS_DIR = Path(__file__).resolve().parent.parent / "instruments"
SHIPPED = sorted(INSTRUMENTS_DIR.glob("*.toml"))

# Seed 001's own wording of the facilitators' list, copied from the seed by hand.
SEED_001_KNOWLEDGE = (
    "ความเป็นมาของกลุ่ม โครงสร้าง และบทบาทหน้าที่ของกรรมการ",
    "การบริหารจัดการกลุ่ม เช่น เรื่องบัญชีการเงิน ระบบเอกสาร",
    "สภาพชุมชน วิถีชีวิต ทุนทางสังคม",
)
SEED_001_SKILLS = (
    "การสร้างจิตสำนึกในความรับผิดชอบ/อุดมการณ์ของกลุ่ม",
    "การถ่ายทอด การสื่อสารเพื่อสร้างความเข้าใจที่ชัดเจน ถูกต้อง",
    "การประสานงาน สร้างความร่วมมือกับชุมชนและหน่วยงานที่เกี่ยวข้อง",
    "การสร้างบรรยากาศ เป็นกันเอง",
    "เชื่อมโยงความสัมพันธ์ทุกส่วนที่เกี่ยวข้องเพื่อสนับสนุนให้ชุมชนเป็นแกนกลางของการพัฒนา",
    "จัดทำแผนพัฒนากลุ่มหรือชุมชน",
    "การดำเนินการประชุมอย่างมีส่วนร่วม",
    "การกระตุ้นให้แสดงความคิดเห็น สรุปประเด็น ดึงเกมให้อยู่ในเนื้อหา",
    "การทำงานเป็นทีมของคุณอำนวย",
)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_instrument_loads(path):
    instrument = load_file(path)
    assert instrument.items
    for item in instrument.items:
        assert len(item.indicators) == 5
        names = {level.name.th for level in instrument.scale.levels}
        # An indicator says what a person at that level does, not the level's name again.
        assert not names & {text.th for text in item.indicators}


def test_two_instruments_are_shipped_with_distinct_ids():
    keys = {instrument.key for _, instrument in load_directory(INSTRUMENTS_DIR)}
    assert keys == {"facilitator-competency", "village-financial-group"}


def test_facilitator_instrument_is_the_seed_list_in_its_own_words():
    instrument = load_file(INSTRUMENTS_DIR / "facilitator-competency.toml")
    knowledge = tuple(i.text.th for i in instrument.items_in("knowledge"))
    skills = tuple(i.text.th for i in instrument.items_in("skills"))
    assert knowledge == SEED_001_KNOWLEDGE
    assert skills == SEED_001_SKILLS
    assert [d.code for d in instrument.domains] == ["knowledge", "skills"]
    indicators = [t for item in instrument.items for t in item.indicators]
    assert len(indicators) == 60
    assert len({t.th for t in indicators}) == 60 and len({t.en for t in indicators}) == 60
    assert not instrument.scale.half_steps


def test_facilitator_instrument_sets_expected_levels_for_all_three_roles():
    instrument = load_file(INSTRUMENTS_DIR / "facilitator-competency.toml")
    for item in instrument.items:
        assert set(item.expected) == {"coordination", "meeting_process", "recording"}
    s7 = instrument.item("S7")
    assert s7.expected_for(("recording", "meeting_process")) == max(
        s7.expected["recording"], s7.expected["meeting_process"]
    )
    assert s7.expected_for(()) is None


def test_group_instrument_allows_half_steps():
    instrument = load_file(INSTRUMENTS_DIR / "village-financial-group.toml")
    assert instrument.scale.half_steps
    assert instrument.scale.choices() == (1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5)
    assert len(instrument.items) >= 8


def test_dict_round_trip_gives_an_equal_instrument_and_hash():
    instrument = load_file(INSTRUMENTS_DIR / "facilitator-competency.toml")
    again = Instrument.from_dict(instrument.to_dict())
    assert again == instrument
    assert again.content_hash() == instrument.content_hash()


# A small valid instrument; each malformed case below changes one thing in it.
VALID = textwrap.dedent(
    """\
    id = "tiny"
    version = "1"
    title.th = "ทดสอบ"
    title.en = "Test"
    description.th = "คำอธิบาย"
    description.en = "Description"

    [scale]
    half_steps = false
    levels.1 = { th = "หนึ่ง", en = "one" }
    levels.2 = { th = "สอง", en = "two" }
    levels.3 = { th = "สาม", en = "three" }
    levels.4 = { th = "สี่", en = "four" }
    levels.5 = { th = "ห้า", en = "five" }

    [[domains]]
    code = "knowledge"
    name = { th = "ความรู้", en = "Knowledge" }

    [[items]]
    code = "K1"
    domain = "knowledge"
    text = { th = "หัวข้อหนึ่ง", en = "Item one" }
    expected.recording = 3
    indicators.1 = { th = "ก1", en = "a1" }
    indicators.2 = { th = "ก2", en = "a2" }
    indicators.3 = { th = "ก3", en = "a3" }
    indicators.4 = { th = "ก4", en = "a4" }
    indicators.5 = { th = "ก5", en = "a5" }

    [[items]]
    code = "K2"
    domain = "knowledge"
    text = { th = "หัวข้อสอง", en = "Item two" }
    indicators.1 = { th = "ข1", en = "b1" }
    indicators.2 = { th = "ข2", en = "b2" }
    indicators.3 = { th = "ข3", en = "b3" }
    indicators.4 = { th = "ข4", en = "b4" }
    indicators.5 = { th = "ข5", en = "b5" }
    """
)


def write(tmp_path: Path, text: str, name: str = "tiny.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_valid_example_loads(tmp_path):
    instrument = load_file(write(tmp_path, VALID))
    assert instrument.item_codes == ("K1", "K2")
    assert instrument.item("K1").expected == {"recording": 3}


MALFORMED = {
    # name: (change, where, key, words in the English message, words in the Thai message)
    "unknown top-level key": (
        ('version = "1"', 'version = "1"\nauthor = "me"'),
        "top level", "author", "unknown key", "ไม่รู้จักคีย์",
    ),
    "unknown item key": (
        ('code = "K2"', 'code = "K2"\nweight = 2'),
        "item K2", "weight", "unknown key", "ไม่รู้จักคีย์",
    ),
    "missing level": (
        ('indicators.4 = { th = "ข4", en = "b4" }\n', ""),
        "item K2", "indicators.4", "level 4 is missing", "ไม่มีระดับ 4",
    ),
    "missing translation": (
        ('indicators.3 = { th = "ก3", en = "a3" }', 'indicators.3 = { th = "ก3" }'),
        "item K1", "indicators.3.en", "missing English text", "ภาษาอังกฤษ",
    ),
    "empty Thai text": (
        ('title.th = "ทดสอบ"', 'title.th = "  "'),
        "top level", "title.th", "empty Thai text", "ภาษาไทย",
    ),
    "duplicate item code": (
        ('code = "K2"', 'code = "K1"'),
        "item K1", "code", "used twice", "ซ้ำ",
    ),
    "level out of range": (
        ('indicators.5 = { th = "ข5", en = "b5" }',
         'indicators.5 = { th = "ข5", en = "b5" }\nindicators.6 = { th = "ข6", en = "b6" }'),
        "item K2", "indicators.6", "outside the scale 1–5", "นอกมาตรวัด",
    ),
    "scale level out of range": (
        ('levels.1 = { th = "หนึ่ง", en = "one" }',
         'levels.0 = { th = "ศูนย์", en = "zero" }\nlevels.1 = { th = "หนึ่ง", en = "one" }'),
        "scale", "levels.0", "outside the scale", "นอกมาตรวัด",
    ),
    "expected level out of range": (
        ("expected.recording = 3", "expected.recording = 7"),
        "item K1", "expected.recording", "whole level from 1–5", "ระดับเต็ม",
    ),
    "unknown role": (
        ("expected.recording = 3", "expected.leader = 3"),
        "item K1", "expected.leader", "not a facilitator role", "บทบาท",
    ),
    "unknown domain": (
        ('code = "K2"\ndomain = "knowledge"', 'code = "K2"\ndomain = "skill"'),
        "item K2", "domain", "not one of the domains", "ไม่ใช่ด้าน",
    ),
    "half_steps not a boolean": (
        ("half_steps = false", 'half_steps = "no"'),
        "scale", "half_steps", "true or false", "true หรือ false",
    ),
    "bad id": (
        ('id = "tiny"', 'id = "Tiny Instrument"'),
        "top level", "id", "lowercase", "ตัวพิมพ์เล็ก",
    ),
    "missing version": (
        ('version = "1"\n', ""),
        "top level", "version", "missing", "ขาดหายไป",
    ),
    "text without languages": (
        ('text = { th = "หัวข้อสอง", en = "Item two" }', 'text = "หัวข้อสอง"'),
        "item K2", "text", "must be a table", "ตาราง",
    ),
    "not TOML": (
        ('version = "1"', "version = 1.2.3"),
        "file", "", "not valid TOML", "TOML ไม่ถูกต้อง",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", MALFORMED.values(), ids=MALFORMED.keys())
def test_each_mistake_is_refused_with_file_item_and_key(tmp_path, case):
    (old, new), where, key, words_en, words_th = case
    assert old in VALID
    path = write(tmp_path, VALID.replace(old, new, 1))
    with pytest.raises(InstrumentError) as caught:
        load_file(path)
    matching = [p for p in caught.value.problems if p.where == where and p.key == key]
    assert matching, [str(p) for p in caught.value.problems]
    problem = matching[0]
    assert words_en in problem.en and words_th in problem.th
    message = str(caught.value)
    assert path.as_posix() in message and where in message
    if key:
        assert f'key "{key}"' in message


def test_every_problem_in_a_file_is_reported_at_once(tmp_path):
    text = VALID.replace('title.en = "Test"\n', "").replace(
        "expected.recording = 3", "expected.x = 9"
    )
    with pytest.raises(InstrumentError) as caught:
        load_file(write(tmp_path, text))
    keys = {p.key for p in caught.value.problems}
    assert {"title.en", "expected.x"} <= keys


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin.toml"
    path.write_bytes(VALID.replace("ทดสอบ", "caf\xe9").encode("latin-1", "replace"))
    with pytest.raises(InstrumentError, match="not UTF-8"):
        load_file(path)


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    assert load_file(path).key == "tiny"


def test_two_files_with_one_id_are_refused_together(tmp_path):
    write(tmp_path, VALID, "a.toml")
    write(tmp_path, VALID, "b.toml")
    with pytest.raises(InstrumentError) as caught:
        load_directory(tmp_path)
    [problem] = caught.value.problems
    assert problem.file.endswith("b.toml") and "a.toml" in problem.en


def test_layout_and_comments_do_not_change_the_content_hash(tmp_path):
    plain = load_file(write(tmp_path, VALID, "a.toml"))
    commented = load_file(write(tmp_path, "# edited by hand\n\n" + VALID, "b.toml"))
    reworded = load_file(write(tmp_path, VALID.replace("ข5", "ข ห้า"), "c.toml"))
    assert plain.content_hash() == commented.content_hash()
    assert plain.content_hash() != reworded.content_hash()

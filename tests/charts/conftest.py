"""A small round to draw: two tambons with Thai names, three items with long Thai labels."""

import pytest

from app.scoring import (
    Answer,
    ItemMeans,
    Level,
    Person,
    person_levels,
    river,
    stairs,
    team_levels,
    team_profiles,
)

ITEMS = ("K1", "K2", "S1")

ITEM_LABELS = {
    "K1": "ความเป็นมาของกลุ่ม โครงสร้าง และบทบาทหน้าที่ของกรรมการ",
    "K2": "การบริหารจัดการกลุ่ม เช่น เรื่องบัญชีการเงิน ระบบเอกสาร",
    "S1": "การสร้างจิตสำนึกในความรับผิดชอบ/อุดมการณ์ของกลุ่ม",
}

UNIT_LABELS = {"bangchak": "บางจาก", "tharai": "ท่าไร่", 1: "สมศรี", 2: "ประเสริฐ", 3: "น้ำฝน"}

PERSONS = (
    Person(1, "สมศรี", "bangchak", frozenset({"coordination"})),
    Person(2, "ประเสริฐ", "bangchak"),
    Person(3, "น้ำฝน", "tharai", frozenset({"recording"})),
)

ANSWERS = (
    Answer(1, "bangchak", "K1", 2, 4),
    Answer(1, "bangchak", "K2", 3, 3.5),
    Answer(1, "bangchak", "S1", 1, 3),
    Answer(2, "bangchak", "K1", 3, 4),
    Answer(2, "bangchak", "K2", 1.5, 3),
    Answer(3, "tharai", "K1", 4, 5),
    Answer(3, "tharai", "K2", 2, 4),
    Answer(3, "tharai", "S1", 3, 3),
)

# The same tambons in an earlier round, and the means per item of both rounds.
EARLIER_LEVELS = {
    "bangchak": {"K1": Level(1.5, 3), "K2": Level(1, 3), "S1": Level(1, 2)},
    "tharai": {"K1": Level(3, 4), "K2": Level(2, 3)},
}
PROGRESS_MEANS = (
    ItemMeans("K1", 3, 2.0, 3.0, 3.5, 4.33),
    ItemMeans("K2", 3, 1.33, 2.17, 3.0, 3.5),
    ItemMeans("S1", 0, None, None, None, None),
)

EXPECTED = {"K1": {"coordination": 3, "recording": 4}}


@pytest.fixture
def profiles():
    return team_profiles(ANSWERS, PERSONS, ITEMS, EXPECTED)


@pytest.fixture
def tambon_river(profiles):
    return river(team_levels(profiles), ITEMS)


@pytest.fixture
def person_river():
    return river(person_levels(ANSWERS, PERSONS), ITEMS)


@pytest.fixture
def k1_stairs():
    return stairs(person_levels(ANSWERS, PERSONS), ITEMS).items[0]


@pytest.fixture
def item_labels():
    return ITEM_LABELS


@pytest.fixture
def unit_labels():
    return UNIT_LABELS


@pytest.fixture
def chart_inputs(profiles, person_river, k1_stairs):
    """Keyword inputs of every chart kind, as render_chart and chart_fingerprint take them."""
    return {
        "radar": {"profile": profiles[0], "item_labels": ITEM_LABELS, "title": "ตำบลบางจาก"},
        "radar_grid": {
            "profiles": profiles,
            "item_labels": {},
            "unit_labels": UNIT_LABELS,
            "title": "ทุกตำบล",
        },
        "river": {
            "river": person_river,
            "item_labels": ITEM_LABELS,
            "unit_labels": UNIT_LABELS,
            "title": "ธารปัญญา",
            "show_units": {1, 3},
        },
        "stairs": {"stairs": k1_stairs, "unit_labels": UNIT_LABELS, "title": "บันได K1"},
        "progress": {
            "means": PROGRESS_MEANS,
            "item_labels": ITEM_LABELS,
            "rounds": ("รอบที่ 1", "รอบที่ 2"),
            "title": "ความก้าวหน้า",
        },
        "progress_river": {
            "earlier": river(EARLIER_LEVELS, ITEMS),
            "later": river(team_levels(profiles), ITEMS),
            "item_labels": ITEM_LABELS,
            "rounds": ("รอบที่ 1", "รอบที่ 2"),
            "title": "ธารปัญญาสองรอบ",
        },
    }

"""The hand-worked example round: 2 tambons × 3 facilitators × 3 items.

| id | name | unit     | roles                      | K1      | K2      | S1    |
|----|------|----------|----------------------------|---------|---------|-------|
| 1  | Anan | bangchak | coordination               | 2 → 4   | 3 → 3   | 1 → 2 |
| 2  | Boon | bangchak | meeting_process            | 3 → 4   | 1 → 3   | 2 → 2 |
| 3  | Chai | bangchak | recording                  | 4 → 4   | 2 → 2.5 | 1 → 4 |
| 4  | Dao  | tharai   | coordination               | 1 → 3   | 4 → 4   | 3 → 3 |
| 5  | Ek   | tharai   | meeting_process, recording | 4.5 → 5 | 2 → 4   | 1 → 1 |
| 6  | Fah  | tharai   | (none)                     | 2 → 3   | 5 → 5   | —     |

Expected levels: K1 coordination 3, meeting_process 2, recording 2; K2 coordination 3,
recording 4; S1 none. Round B (six months later): Chai is gone, Gun (7, tharai) is new.
Expected values in the tests are worked out by hand in comments next to them.
"""

import pytest

from app.scoring import Answer, Person

ITEMS = ("K1", "K2", "S1")

PERSONS = (
    Person(1, "Anan", "bangchak", frozenset({"coordination"})),
    Person(2, "Boon", "bangchak", frozenset({"meeting_process"})),
    Person(3, "Chai", "bangchak", frozenset({"recording"})),
    Person(4, "Dao", "tharai", frozenset({"coordination"})),
    Person(5, "Ek", "tharai", frozenset({"meeting_process", "recording"})),
    Person(6, "Fah", "tharai"),
    Person(7, "Gun", "tharai"),
)

EXPECTED = {
    "K1": {"coordination": 3, "meeting_process": 2, "recording": 2},
    "K2": {"coordination": 3, "recording": 4},
}

# person id -> (current, target) for K1, K2, S1; None = not answered
ROUND_A = {
    1: ((2, 4), (3, 3), (1, 2)),
    2: ((3, 4), (1, 3), (2, 2)),
    3: ((4, 4), (2, 2.5), (1, 4)),
    4: ((1, 3), (4, 4), (3, 3)),
    5: ((4.5, 5), (2, 4), (1, 1)),
    6: ((2, 3), (5, 5), None),
}

ROUND_B = {
    1: ((3, 4), (3.5, 4), None),
    2: ((3, 4), (2, 3), (3, 3)),
    4: ((2, 3), (4, 4), (3.5, 4)),
    5: ((4.5, 5), (3, 4), (2, 2)),
    6: ((2, 3), (5, 5), None),
    7: ((2, 3), (2, 3), (2, 3)),
}


def build(table: dict) -> list[Answer]:
    """Answers from a table of person id -> levels per item."""
    unit = {p.id: p.unit for p in PERSONS}
    return [
        Answer(pid, unit[pid], item, *levels)
        for pid, row in table.items()
        for item, levels in zip(ITEMS, row)
        if levels is not None
    ]


@pytest.fixture
def persons() -> tuple[Person, ...]:
    return PERSONS


@pytest.fixture
def items() -> tuple[str, ...]:
    return ITEMS


@pytest.fixture
def expected() -> dict:
    return EXPECTED


@pytest.fixture
def round_a() -> list[Answer]:
    return build(ROUND_A)


@pytest.fixture
def round_b() -> list[Answer]:
    return build(ROUND_B)

"""The river and the stairs, tambons or facilitators, worked out by hand (see conftest)."""

import re

from tests.html_tables import column, row, table
from tests.tiny_round import NOT_FOR_BANG_CHAK


def test_the_river_of_tambons(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/river").text
    # Columns: code, units, lowest, highest, width, mean, lowest target, highest target, mark.
    # K1: Bang Chak 1 and 3 -> 2.00, Tha Rai 4 and 2 -> 3.00: width 1.00, mean 2.50;
    # targets: Bang Chak 3 and 3, Tha Rai 4 and 2 -> both 3.00. The widest stretch.
    assert row(page, "river-numbers", "K1")[1:] == [
        "2", "2.00", "3.00", "1.00", "2.50", "3.00", "3.00", "กว้างที่สุด",
    ]  # fmt: skip
    # K2: 2 and 3 -> 2.50; 4 and 1 -> 2.50: no width. S2: 2 and 3 -> 2.50; 4 and 2 -> 3.00.
    assert row(page, "river-numbers", "K2")[1:6] == ["2", "2.50", "2.50", "0.00", "2.50"]
    assert row(page, "river-numbers", "S2")[1:6] == ["2", "2.50", "3.00", "0.50", "2.75"]
    assert column(page, "river-numbers", 8).count("กว้างที่สุด") == 1
    # Two tambons: both lines drawn by default, in name order.
    assert table(page, "lines")[1][:3] == ["ท่าไร่", "3.00", "2.50"]
    assert table(page, "lines")[2][:3] == ["บางจาก", "2.00", "2.50"]


def test_the_river_of_facilitators_with_lines_ticked(as_admin, tiny):
    ids = tiny.people
    url = (f"/rounds/{tiny.later}/river?units=people&chosen=people"
           f"&show={ids['สมศรี']}&show={ids['น้ำฝน']}")  # fmt: skip
    page = as_admin.get(url).text
    # K1: 1, 3, 4, 2 -> 1.00 to 4.00, width 3.00, mean 2.50. Same width on K2 and S1
    # (2, 3, 4, 1): three widest items. S2: 2, 3, 4, 2 -> width 2.00.
    assert row(page, "river-numbers", "K1")[1:6] == ["4", "1.00", "4.00", "3.00", "2.50"]
    assert row(page, "river-numbers", "S2")[1:5] == ["4", "2.00", "4.00", "2.00"]
    widest = [r[0] for r in table(page, "river-numbers")[1:] if r[8] == "กว้างที่สุด"]
    assert widest == ["K1", "K2", "S1"]
    # Only the ticked lines, by name: น้ำฝน before สมศรี.
    assert [r[:3] for r in table(page, "lines")[1:]] == [
        ["น้ำฝน", "ท่าไร่", "4.00"],
        ["สมศรี", "บางจาก", "1.00"],
    ]
    assert re.search(rf'value="{ids["สมศรี"]}" checked', page)
    assert not re.search(rf'value="{ids["ประเสริฐ"]}" checked', page)


def test_a_coordinator_s_river_is_their_tambon_only(as_bangchak, tiny):
    url = f"/rounds/{tiny.later}/river?units=people&chosen=people&show={tiny.people['น้ำฝน']}"
    page = as_bangchak.get(url).text
    # สมศรี and ประเสริฐ only: K1 1 and 3 -> width 2.00, the only widest item.
    assert row(page, "river-numbers", "K1")[1:5] == ["2", "1.00", "3.00", "2.00"]
    assert [r[0] for r in table(page, "river-numbers")[1:] if r[8] == "กว้างที่สุด"] == ["K1"]
    for name in NOT_FOR_BANG_CHAK:
        assert name not in page


def test_the_stairs_of_an_item_and_the_overall_order_of_tambons(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/stairs?item=K1").text
    # K1: Tha Rai 3.00 (target 3.00) above Bang Chak 2.00 (target 3.00, gap 1.00).
    assert table(page, "steps")[1:] == [
        ["1", "ท่าไร่", "3.00", "3.00", "0.00"],
        ["2", "บางจาก", "2.00", "3.00", "1.00"],
    ]
    # Overall: Tha Rai (3.00 + 2.50 + 2.50 + 9 × 3.00) / 12 = 35 / 12 = 2.92;
    # Bang Chak (2.00 + 11 × 2.50) / 12 = 29.5 / 12 = 2.46.
    assert table(page, "overall")[1:] == [
        ["1", "ท่าไร่", "2.92", "12"],
        ["2", "บางจาก", "2.46", "12"],
    ]


def test_the_stairs_of_facilitators(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/stairs?item=K1&units=people").text
    assert table(page, "steps")[1:] == [
        ["1", "น้ำฝน", "ท่าไร่", "4.00", "4.00", "0.00"],
        ["2", "ประเสริฐ", "บางจาก", "3.00", "3.00", "0.00"],
        ["3", "บุญมา", "ท่าไร่", "2.00", "2.00", "0.00"],
        ["4", "สมศรี", "บางจาก", "1.00", "3.00", "2.00"],
    ]
    # Overall: น้ำฝน 4.00; ประเสริฐ 3.00; สมศรี (1 + 11 × 2) / 12 = 1.92;
    # บุญมา (1 + 1 + 10 × 2) / 12 = 1.83.
    assert [r[:3] for r in table(page, "overall")[1:]] == [
        ["1", "น้ำฝน", "ท่าไร่"], ["2", "ประเสริฐ", "บางจาก"],
        ["3", "สมศรี", "บางจาก"], ["4", "บุญมา", "ท่าไร่"],
    ]  # fmt: skip
    assert column(page, "overall", 3) == ["4.00", "3.00", "1.92", "1.83"]


def test_the_stairs_of_one_tambon_s_facilitators(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/stairs?item=S1&units=people&tambon={tiny.tha_rai}")
    assert [r[1] for r in table(page.text, "steps")[1:]] == ["น้ำฝน", "บุญมา"]
    assert "สมศรี" not in page.text


def test_odd_digits_in_the_ticked_lines_are_ignored_not_an_error(as_admin, tiny):
    """Superscript and Arabic-Indic digits pass str.isdigit(): only ASCII digits are ids."""
    ids = tiny.people
    url = (f"/rounds/{tiny.later}/river?units=people&chosen=people"
           f"&show={ids['สมศรี']}&show=²&show=١&show=99999999999")  # fmt: skip
    response = as_admin.get(url)
    assert response.status_code == 200
    assert [r[0] for r in table(response.text, "lines")[1:]] == ["สมศรี"]
    chart = as_admin.get(url.replace("/river?", "/charts/river.svg?"))
    assert chart.status_code == 200 and chart.mimetype == "image/svg+xml"


def test_people_on_the_same_level_share_a_step_with_their_tambon(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/stairs?item=K3&units=people").text
    # K3: น้ำฝน 4, ประเสริฐ 3, then สมศรี and บุญมา both at 2 share step 3 (not "3, 4").
    rows = table(page, "steps")[1:]
    assert [r[0] for r in rows] == ["1", "2", "3", "3"]
    assert {(r[1], r[2], r[3]) for r in rows[2:]} == {
        ("สมศรี", "บางจาก", "2.00"),
        ("บุญมา", "ท่าไร่", "2.00"),
    }
    # The chart's text alternative counts units and steps, top and bottom level.
    assert "4 รายการ บน 3 ขั้น ตามระดับปัจจุบัน จาก 4.00 ลงไปถึง 2.00" in page

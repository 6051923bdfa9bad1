"""The radar pages: the numbers beside each radar, worked out by hand (see conftest)."""

from tests.html_tables import row, table


def test_one_tambon_radar_shows_its_means_gaps_and_expected_levels(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/radar/{tiny.bang_chak}").text
    # Columns: code, item, answered, mean current, mean target, mean gap, expected,
    # below expected, gap of 1 or more. Bang Chak: สมศรี (coordination), ประเสริฐ (meeting).
    # K1: current 1 and 3 -> 2.00; targets 3 and 3 -> 3.00; gap 1.00; expected 3 for both
    # roles -> 3.00; สมศรี (1 < 3) is below it; สมศรี's gap 2 is the one gap of 1 or more.
    assert row(page, "tambon-numbers", "K1")[2:] == ["2", "2.00", "3.00", "1.00", "3.00", "1", "1"]
    # S2: current 2 and 3 -> 2.50; targets 5 and 3 -> 4.00; gaps 3 and 0 -> 1.50; expected
    # coordination 3, meeting process 4 -> 3.50; both below theirs; one gap of 1 or more.
    assert row(page, "tambon-numbers", "S2")[2:] == ["2", "2.50", "4.00", "1.50", "3.50", "2", "1"]
    # K2: 2 -> 2 and 3 -> 3: no gap; expected 3 and 3; สมศรี below.
    assert row(page, "tambon-numbers", "K2")[2:] == ["2", "2.50", "2.50", "0.00", "3.00", "1", "0"]
    assert "คุณอำนวยตอบแล้ว 2 จาก 2 คน" in page


def test_one_tambon_radar_says_who_has_not_answered(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/radar/{tiny.tha_rai}").text
    assert "คุณอำนวยตอบแล้ว 2 จาก 3 คน" in page and "ยังไม่ตอบ: มานี" in page
    # K2: น้ำฝน (recording) 4 -> 4, บุญมา (coordination) 1 -> 2: current 2.50, target 3.00,
    # gap 0.50; expected recording 4, coordination 3 -> 3.50; บุญมา below it and learning.
    assert row(page, "tambon-numbers", "K2")[2:] == ["2", "2.50", "3.00", "0.50", "3.50", "1", "1"]
    # S1: 4 -> 4 and 1 -> 3: 2.50, 3.50, gap 1.00, expected 3 for both.
    assert row(page, "tambon-numbers", "S1")[2:] == ["2", "2.50", "3.50", "1.00", "3.00", "1", "1"]


def test_the_small_multiples_table_has_every_tambon_on_one_scale(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/radar").text
    rows = table(page, "tambon-numbers")
    assert rows[0][:4] == ["ตำบล", "ระดับ", "K1", "K2"]
    # Tambons by Thai name: ท่าไร่ before บางจาก. A tambon's first row carries its name.
    # Tha Rai K1: 4 and 2 -> 3.00 (targets 4 and 2 -> 3.00); K2 2.50 -> 3.00.
    assert rows[1][:5] == ["ท่าไร่ ตอบแล้ว 2 คน", "ปัจจุบัน", "3.00", "2.50", "3.00"]
    assert rows[2][:3] == ["เป้าหมาย", "3.00", "3.00"]
    # Bang Chak K1: 1 and 3 -> 2.00, targets 3.00; K2 2.50 -> 2.50.
    assert rows[3][:4] == ["บางจาก ตอบแล้ว 2 คน", "ปัจจุบัน", "2.00", "2.50"]
    assert rows[4][:3] == ["เป้าหมาย", "3.00", "2.50"]


def test_the_whole_round_radar_counts_every_respondent_once(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/radar").text
    # K1 over the 4 respondents: current 1, 3, 4, 2 -> 2.50; targets 3, 3, 4, 2 -> 3.00;
    # gaps 2, 0, 0, 0 -> 0.50; expected 3 for every role -> 3.00; below: สมศรี, บุญมา.
    assert row(page, "round-numbers", "K1")[2:] == ["4", "2.50", "3.00", "0.50", "3.00", "2", "1"]
    assert "ผู้ตอบ 4 คน" in page


def test_every_radar_has_an_image_with_alt_text_an_svg_link_and_the_legend(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/radar").text
    assert page.count('<img src="/rounds/') == 2
    assert 'alt="แผนภูมิเรดาร์ของ 2 ตำบล:' in page
    assert page.count("charts/radar-grid.svg") == 1 and page.count("charts/radar.svg") == 1
    # The legend maps the codes drawn on the charts to the items' texts.
    assert row(page, "tambon-numbers", "ท่าไร่ ตอบแล้ว 2 คน")
    assert '<th scope="row">S9</th><td>การทำงานเป็นทีมของคุณอำนวย</td>' in page


def test_a_tambon_radar_in_english(as_admin, tiny):
    as_admin.post("/lang", data={"lang": "en", "next": "/"})
    page = as_admin.get(f"/rounds/{tiny.later}/radar/{tiny.bang_chak}").text
    assert "Radar of tambon Bang Chak" in page
    assert "2 of 2 facilitators have answered." in page
    assert row(page, "tambon-numbers", "K1")[1].startswith("The group")
    assert row(page, "tambon-numbers", "K1")[2:] == ["2", "2.00", "3.00", "1.00", "3.00", "1", "1"]
    assert "บางจาก" not in page.split("<main>")[1]

"""Progress between two rounds of one instrument, worked out by hand (see conftest)."""

from tests.html_tables import column, row, table
from tests.tiny_round import NOT_FOR_BANG_CHAK


def test_progress_per_tambon(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/progress?from={tiny.earlier}").text
    rows = table(page, "tambon-progress")
    # Tambons by name: ท่าไร่ (only น้ำฝน answered both: 4 -> 4), then บางจาก.
    assert rows[1][:4] == ["ท่าไร่ ตอบทั้งสองรอบ 1 คน", "ก่อน", "4.00", "4.00"]
    assert rows[3][:3] == ["เปลี่ยนแปลง", "0.00", "0.00"] and rows[3][-1] == "0.00"
    # Bang Chak K1: before (1 + 2) / 2 = 1.50, after (1 + 3) / 2 = 2.00, +0.50;
    # K2: 1.50 -> (2 + 3) / 2 = 2.50, +1.00. All items: สมศรี 0 on K1 and +1 on 11 items,
    # ประเสริฐ +1 on 12: 23 / 24 = +0.96.
    assert rows[4][:4] == ["บางจาก ตอบทั้งสองรอบ 2 คน", "ก่อน", "1.50", "1.50"]
    assert rows[5][:3] == ["หลัง", "2.00", "2.50"]
    assert rows[6][:3] == ["เปลี่ยนแปลง", "+0.50", "+1.00"] and rows[6][-1] == "+0.96"


def test_progress_per_person_who_moved_most_first(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/progress?from={tiny.earlier}").text
    # ประเสริฐ +1 everywhere; สมศรี 11 / 12 = +0.92 (0 on K1); น้ำฝน 0.
    assert column(page, "movers", 0) == ["ประเสริฐ", "สมศรี", "น้ำฝน"]
    assert row(page, "movers", "สมศรี")[2:4] == ["0.00", "+1.00"]
    assert row(page, "movers", "สมศรี")[-1] == "+0.92"
    assert row(page, "movers", "ประเสริฐ")[-1] == "+1.00"
    # บุญมา answered the later round only.
    assert "ตอบเฉพาะในรอบที่ 2: บุญมา (ท่าไร่)" in page


def test_progress_looks_back_to_the_previous_round_by_default(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/progress").text
    assert "จากรอบที่ 1 (16 พ.ค. 2569) ถึงรอบที่ 2 (14 พ.ย. 2569)" in page
    # Only rounds of the same instrument are offered: not กองทุน.
    assert f'<option value="{tiny.earlier}" selected>' in page
    assert f'value="{tiny.other_instrument}"' not in page


def test_progress_from_the_earlier_round_looks_forward(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.earlier}/progress?from={tiny.later}").text
    assert "จากรอบที่ 1 (16 พ.ค. 2569) ถึงรอบที่ 2 (14 พ.ย. 2569)" in page
    assert column(page, "movers", 0) == ["ประเสริฐ", "สมศรี", "น้ำฝน"]


def test_rounds_of_different_instruments_are_refused_with_a_clear_message(as_admin, tiny):
    response = as_admin.get(f"/rounds/{tiny.later}/progress?from={tiny.other_instrument}")
    assert response.status_code == 400
    assert "กองทุน ใช้แบบประเมินอื่น" in response.text
    assert "จึงเปรียบเทียบกับรอบนี้ (ความสามารถของคุณอำนวย (ความรู้และทักษะ)) ไม่ได้" in response.text
    assert 'id="movers"' not in response.text


def test_progress_refused_in_english_too(as_admin, tiny):
    as_admin.post("/lang", data={"lang": "en", "next": "/"})
    response = as_admin.get(f"/rounds/{tiny.later}/progress?from={tiny.other_instrument}")
    assert response.status_code == 400
    assert "used another instrument" in response.text


def test_a_coordinator_s_progress_is_their_tambon_only(as_bangchak, tiny):
    page = as_bangchak.get(f"/rounds/{tiny.later}/progress").text
    assert column(page, "movers", 0) == ["ประเสริฐ", "สมศรี"]
    tambons = [r[0] for r in table(page, "tambon-progress")[1:] if r[1] == "ก่อน"]
    assert tambons == ["บางจาก ตอบทั้งสองรอบ 2 คน"]
    for name in NOT_FOR_BANG_CHAK:
        assert name not in page


def test_a_round_without_another_of_its_instrument_says_so(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.other_instrument}/progress").text
    assert "ยังไม่มีรอบอื่นของแบบประเมินนี้ที่คุณดูได้" in page


def test_every_page_of_movers_is_the_full_order_in_pieces(monkeypatch):
    """Movers are sorted by their numbers, and only a page's ties are read by name: pages
    cut through ties must still give the order of sorting everyone by numbers and name."""
    import random

    from app.dashboard import progress
    from app.dashboard.paging import page_of

    rng = random.Random(7)
    names = {pid: rng.choice(["กานต์", "ขวัญ", "คำ", "Anan", "Boon"]) for pid in range(1, 60)}
    sums = {pid: (rng.choice([0, 2, 4]), rng.choice([0.0, 0.5, 1.0, -0.5])) for pid in names}
    monkeypatch.setattr(progress, "names_of", lambda _round, ids: {p: names[p] for p in ids})
    movers = progress._movers(set(names), sums)
    everyone = sorted(movers, key=lambda row: (row[0], names[row[1]], row[1]))
    tambons = dict.fromkeys(names, 1)
    for size in (1, 3, 7):
        shown = []
        for number in range(1, len(names) // size + 2):
            page = page_of(len(movers), size, number)
            if page is not None:
                shown += progress._page_of_movers(movers, page, 0, tambons)
        assert [m.person for m in shown] == [row[1] for row in everyone]

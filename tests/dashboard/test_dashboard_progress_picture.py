"""Progress as a picture: the means per item in both rounds and the two rivers, worked out
by hand (tests/tiny_round.py), for the admin and for a coordinator of one tambon."""

import re

import pytest

from app.dashboard.progress import two_rounds
from tests.html_tables import row
from tests.tiny_round import NOT_FOR_BANG_CHAK, sign_in


def test_two_rounds_from_sums_by_hand():
    # Tambon 1: 2 people on K1, currents 1 + 2 -> 2 + 4, targets 3 + 3 -> 4 + 5;
    # tambon 2: 1 person on K1 (3 -> 3, target 4 -> 4) and K2 (2 -> 3, target 3 -> 5).
    rows = [
        (1, "K1", 2, 3.0, 6.0, 6.0, 9.0),
        (2, "K1", 1, 3.0, 4.0, 3.0, 4.0),
        (2, "K2", 1, 2.0, 3.0, 3.0, 5.0),
        (2, "X9", 1, 1.0, 1.0, 1.0, 1.0),  # an item the later instrument has not: ignored
    ]
    picture = two_rounds(rows, ("K1", "K2", "S1"))
    k1, k2, s1 = picture.means
    # K1 over the 3 people: before (1 + 2 + 3) / 3 = 2, after (2 + 4 + 3) / 3 = 3.
    assert (k1.n, k1.before, k1.after, k1.change) == (3, 2.0, 3.0, 1.0)
    assert (k1.target_before, k1.target_after) == (pytest.approx(10 / 3), pytest.approx(13 / 3))
    assert (k2.n, k2.before, k2.after, k2.target_after) == (1, 2.0, 3.0, 5.0)
    assert (s1.n, s1.before, s1.change) == (0, None, None)
    # The rivers are of the tambon means: K1 before 1.5 and 3, after 3 and 3 (no width).
    before_k1, after_k1 = picture.earlier.bands[0], picture.later.bands[0]
    assert (before_k1.low, before_k1.high, before_k1.mean) == (1.5, 3.0, 2.25)
    assert (after_k1.low, after_k1.high, after_k1.width) == (3.0, 3.0, 0.0)
    assert picture.earlier.bands[1].units == 1 and picture.later.bands[2].units == 0
    assert picture.tambons == 2 and not picture.empty
    assert two_rounds([], ("K1",)).empty


def _chart_urls(page: str) -> dict[str, str]:
    """The progress charts' PNG URLs on a page, by name."""
    urls = re.findall(r'<img src="([^"]+/charts/(progress(?:-river)?)\.png[^"]*)"', page)
    return {name: src.replace("&amp;", "&") for src, name in urls}


def test_the_means_per_item_of_the_same_people_in_both_rounds(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/progress?from={tiny.earlier}").text
    # K1, the 3 people in both rounds (บุญมา answered the later only and does not count):
    # before (1 + 2 + 4) / 3 = 2.33, after (1 + 3 + 4) / 3 = 2.67; targets 3.00 -> 3.33.
    assert row(page, "progress-means", "K1") == ["K1", "3", "2.33", "2.67", "+0.33", "3.00", "3.33"]
    # K2: after (2 + 3 + 4) / 3 = 3.00; S2: สมศรี's target 5 -> (5 + 3 + 4) / 3 = 4.00.
    assert row(page, "progress-means", "K2")[2:5] == ["2.33", "3.00", "+0.67"]
    assert row(page, "progress-means", "S2")[-1] == "4.00"
    # The rivers of tambon means: K1 before บางจาก 1.50, ท่าไร่ 4.00 (mean 2.75);
    # after บางจาก 2.00, ท่าไร่ 4.00 (mean 3.00).
    assert row(page, "progress-river", "K1") == [
        "K1", "1.50", "4.00", "2.75", "2.00", "4.00", "3.00",
    ]  # fmt: skip
    assert "(2 ตำบล)" in page
    # The pictures and their text alternatives, pointing at the tables.
    assert 'aria-describedby="progress-means"' in page
    assert 'aria-describedby="progress-river"' in page
    assert "ระดับปัจจุบันเฉลี่ยรายหัวข้อของคุณอำนวยกลุ่มเดิมในรอบที่ 1" in page


def test_the_pictures_are_served_as_png_and_svg(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/progress?from={tiny.earlier}").text
    urls = _chart_urls(page)
    assert set(urls) == {"progress", "progress-river"}
    for url in urls.values():
        png = as_admin.get(url)
        assert png.status_code == 200 and png.data[:8] == b"\x89PNG\r\n\x1a\n"
        assert png.headers["Cache-Control"] == "private, max-age=86400"
        svg = as_admin.get(url.replace(".png", ".svg")).data.decode()
        assert "รอบที่ 1 → รอบที่ 2" in svg  # the title names both rounds
        fonts = set(re.findall(r'<path id="([A-Za-z]+-[A-Za-z]+)-[0-9a-f]+"', svg))
        assert fonts and fonts <= {"Sarabun-Regular", "Sarabun-Bold"}


def test_looking_forward_from_the_earlier_round_draws_the_same_picture(as_admin, tiny):
    back = _chart_urls(as_admin.get(f"/rounds/{tiny.later}/progress?from={tiny.earlier}").text)
    forward = as_admin.get(f"/rounds/{tiny.earlier}/progress?from={tiny.later}").text
    assert row(forward, "progress-means", "K1")[2:4] == ["2.33", "2.67"]
    ahead = _chart_urls(forward)
    assert as_admin.get(ahead["progress"]).data == as_admin.get(back["progress"]).data


def test_a_coordinator_s_picture_is_their_tambon_only(app, as_bangchak, tiny):
    page = as_bangchak.get(f"/rounds/{tiny.later}/progress?from={tiny.earlier}").text
    # บางจาก only: K1 before (1 + 2) / 2 = 1.50, after (1 + 3) / 2 = 2.00; targets
    # (2 + 3) / 2 = 2.50 -> (3 + 3) / 2 = 3.00. One tambon: the river is a line.
    assert row(page, "progress-means", "K1") == ["K1", "2", "1.50", "2.00", "+0.50", "2.50", "3.00"]
    assert row(page, "progress-river", "K1")[1:] == ["1.50", "1.50", "1.50", "2.00", "2.00", "2.00"]
    assert "(1 ตำบล)" in page
    for name in NOT_FOR_BANG_CHAK:
        assert name not in page
    theirs = as_bangchak.get(_chart_urls(page)["progress"])
    as_admin = app.test_client()
    sign_in(as_admin, "admin")
    admin_page = as_admin.get(f"/rounds/{tiny.later}/progress?from={tiny.earlier}").text
    everyone = as_admin.get(_chart_urls(admin_page)["progress"])
    assert theirs.status_code == 200 and theirs.data != everyone.data


def test_new_answers_in_the_earlier_round_draw_a_new_picture(app, as_admin, tiny):
    from app.extensions import db
    from app.models import Round
    from app.ratings import Mark, record

    before = as_admin.get(f"/rounds/{tiny.later}/progress?from={tiny.earlier}").text
    with app.app_context():
        round_ = db.session.get(Round, tiny.earlier)
        codes = round_.instrument_version.instrument.item_codes
        record(round_, tiny.people["ประเสริฐ"], [Mark(c, 1.0, 5.0) for c in codes], "again")
    after = as_admin.get(f"/rounds/{tiny.later}/progress?from={tiny.earlier}").text
    assert _chart_urls(after)["progress"] != _chart_urls(before)["progress"]
    # K1 before: (1 + 1 + 4) / 3 = 2.00 now.
    assert row(after, "progress-means", "K1")[2] == "2.00"


def test_a_new_answer_in_the_later_round_changes_the_kept_picture(app, as_admin, tiny):
    """The picture is kept per process by both rounds' revisions: an answer renews it."""
    from app.extensions import db
    from app.models import Round
    from app.ratings import Mark, record

    url = f"/rounds/{tiny.later}/progress?from={tiny.earlier}"
    assert row(as_admin.get(url).text, "progress-means", "K1")[3] == "2.67"
    with app.app_context():
        round_ = db.session.get(Round, tiny.later)
        codes = round_.instrument_version.instrument.item_codes
        record(round_, tiny.people["ประเสริฐ"], [Mark(c, 5.0, 5.0) for c in codes], "again")
    # ประเสริฐ's K1 after: 5, no longer 3 -> (1 + 5 + 4) / 3 = 3.33.
    assert row(as_admin.get(url).text, "progress-means", "K1")[3] == "3.33"


@pytest.mark.parametrize(
    ("query", "status"),
    [("", 404), ("?from={later}", 404), ("?from={other_instrument}", 404), ("?from=abc", 400)],
)
def test_a_progress_chart_without_a_round_to_compare_is_refused(as_admin, tiny, query, status):
    query = query.format(later=tiny.later, other_instrument=tiny.other_instrument)
    response = as_admin.get(f"/rounds/{tiny.later}/charts/progress.png{query}")
    assert response.status_code == status


def test_a_coordinator_cannot_draw_a_round_they_cannot_see(client, tiny):
    sign_in(client, "outsider")
    response = client.get(f"/rounds/{tiny.later}/charts/progress.png?from={tiny.earlier}")
    assert response.status_code == 404


def test_the_pictures_in_english(as_admin, tiny):
    as_admin.post("/lang", data={"lang": "en", "next": "/"})
    page = as_admin.get(f"/rounds/{tiny.later}/progress?from={tiny.earlier}").text
    assert "Team means per item in both rounds" in page and "(2 tambons)" in page
    svg = as_admin.get(_chart_urls(page)["progress-river"].replace(".png", ".svg")).text
    assert "mean · รอบที่ 1" in svg and "river (lowest–highest) · รอบที่ 2" in svg

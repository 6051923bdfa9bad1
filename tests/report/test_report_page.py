"""The round report's page: the programme's figures, one section per tambon, the scope."""

import re

import pytest

from tests.report.conftest import NOTES
from tests.tiny_round import NOT_FOR_BANG_CHAK, sign_in


def _sections(html: str) -> list[str]:
    """The text of each tambon section, in page order."""
    return re.findall(r'<section class="tambon" id="tambon-\d+">(.*?)</section>', html, re.S)


def _row(html: str, header: str) -> list[str]:
    """The cells of the first table row whose row header is `header`."""
    match = re.search(rf'<th scope="row">{re.escape(header)}</th>(.*?)</tr>', html, re.S)
    assert match, header
    return re.findall(r'<td class="num">([^<]*)</td>', match[1])


def test_the_admin_report_holds_the_programme_and_a_page_per_tambon(client, tiny):
    sign_in(client, "admin")
    response = client.get(f"/rounds/{tiny.later}/report")
    assert response.status_code == 200
    html = response.text
    assert "รายงานต่อผู้ว่าราชการจังหวัด" in html
    assert "รอบที่ 2 · 14 พ.ย. 2569" in html  # the round and its B.E. date
    # Who took part: answered, waiting, roster per tambon, and the total.
    assert _row(html, "บางจาก")[:3] == ["2", "0", "2"]
    assert _row(html, "ท่าไร่")[:3] == ["2", "1", "3"]
    assert "คุณอำนวยตอบแล้ว 4 จาก 5 คน" in html
    # The overall order: Tha Rai (น้ำฝน 4, บุญมา 2 but 1 on K2 and S1: (10·3 + 2·2.5)/12)
    # before Bang Chak (สมศรี 2 but 1 on K1, ประเสริฐ 3: (11·2.5 + 2)/12).
    order = re.findall(
        r'<td class="num">(\d+)</td><th scope="row">([^<]*)</th><td class="num">([\d.]+)</td>', html
    )
    assert order == [("1", "ท่าไร่", "2.92"), ("2", "บางจาก", "2.46")]
    # Charts: the dashboard's (drawn when the browser asks): the whole round's radar, the
    # river, a radar per tambon, the progress picture; none drawn into the page (the
    # Content-Security-Policy lets a page show images of its own origin only).
    charts = f"/rounds/{tiny.later}/charts/"
    shown = ("radar.png", "river.png", f"radar.png?tambon={tiny.bang_chak}",
             f"radar.png?tambon={tiny.tha_rai}", f"progress.png?from={tiny.earlier}")  # fmt: skip
    for src in shown:
        assert f'<img src="{charts}{src}' in html
    assert "data:image" not in html
    sections = _sections(html)
    assert len(sections) == 2
    tha_rai, bang_chak = sections  # by name in Thai dictionary order
    assert "<h2>ตำบลท่าไร่" in tha_rai and "<h2>ตำบลบางจาก" in bang_chak
    # Who can learn from whom in Bang Chak: สมศรี learns K1 from ประเสริฐ, S3 from น้ำฝน.
    assert re.search(r"K1</th><td>สมศรี</td>.*?<td>ประเสริฐ</td><td>บางจาก</td>", bang_chak)
    assert re.search(r"S3</th><td>สมศรี</td>.*?<td>น้ำฝน</td><td>ท่าไร่</td>", bang_chak)
    # S2 (target 5): nobody reaches it, an outside-training need.
    assert re.search(r"S2</th><td>สมศรี</td><td class=\"num\">2.00→5.00", bang_chak)
    assert NOTES[("ประเสริฐ", "K1")] in bang_chak
    assert NOTES[("บุญมา", "S1")] in tha_rai and NOTES[("บุญมา", "S1")] not in bang_chak
    assert "มานี" in tha_rai  # not yet answered
    # Progress since รอบที่ 1, over the people who answered both.
    assert "เทียบกับรอบที่ 1 (16 พ.ค. 2569)" in html


def test_needs_nobody_can_teach_are_counted_by_district(client, tiny):
    sign_in(client, "admin")
    html = client.get(f"/rounds/{tiny.later}/report").text
    table = re.search(r'<table class="outside">(.*?)</table>', html, re.S)[1]
    rows = re.findall(r'<th scope="row">([^<]*)</th><td class="num">(\d+)</td>', table)
    # S2 5 is above everyone's current level: สมศรี's only outside need in the round.
    assert sum(int(n) for _, n in rows) == 1


def test_a_coordinator_reports_on_their_tambons_only(client, tiny):
    sign_in(client, "bangchak")
    html = client.get(f"/rounds/{tiny.later}/report").text
    assert len(_sections(html)) == 1 and "บางจาก" in _sections(html)[0]
    for name in NOT_FOR_BANG_CHAK:
        assert name not in html
    assert "คุณอำนวยตอบแล้ว 2 จาก 2 คน" in html
    # Within Bang Chak nobody reaches 4 on S3, but น้ำฝน of Tha Rai does: counted, not named,
    # and not a need for outside training.
    assert re.search(
        r"S3</th><td>สมศรี</td><td class=\"num\">2.00→4.00</td><td>ในตำบลของท่านยังไม่มีผู้สอนได้ แต่มี 1 คน",
        html,
    )
    table = re.search(r'<table class="outside">(.*?)</table>', html, re.S)[1]
    assert "S3" not in table


@pytest.mark.parametrize("path", ["report", "report.pdf"])
def test_anonymous_visitors_are_sent_to_sign_in(client, tiny, path):
    response = client.get(f"/rounds/{tiny.later}/{path}")
    assert response.status_code == 302 and "/signin" in response.headers["Location"]


@pytest.mark.parametrize("path", ["report", "report.pdf"])
def test_a_coordinator_of_no_tambon_of_the_round_gets_not_found(client, tiny, path):
    sign_in(client, "outsider")
    assert client.get(f"/rounds/{tiny.later}/{path}").status_code == 404


def test_the_report_follows_the_ui_language(client, tiny):
    sign_in(client, "admin")
    client.set_cookie("lang", "en")
    html = client.get(f"/rounds/{tiny.later}/report").text
    assert "Report to the provincial governor" in html and "14 Nov 2026" in html
    assert _sections(html)[0].strip().startswith("<h2>Tambon Bang Chak")  # B before T


def test_the_charts_of_the_page_are_served(client, tiny):
    sign_in(client, "bangchak")
    html = client.get(f"/rounds/{tiny.later}/report").text
    for src in re.findall(r'<img src="(/rounds/[^"]+)"', html):
        response = client.get(src.replace("&amp;", "&"))
        assert response.status_code == 200 and response.mimetype == "image/png"


def test_the_dashboard_links_to_the_report(client, tiny):
    sign_in(client, "admin")
    html = client.get(f"/rounds/{tiny.later}").text
    assert f'href="/rounds/{tiny.later}/report"' in html


def test_a_pdf_of_too_many_tambons_says_how_to_get_it(app, client, tiny):
    app.config["REPORT_PDF_IN_REQUEST_UP_TO"] = 1
    app.config["PAIRING_IN_BACKGROUND"] = False  # no worker (test_report_background: one)
    sign_in(client, "admin")
    response = client.get(f"/rounds/{tiny.later}/report.pdf")
    assert response.status_code == 503 and response.mimetype == "text/html"
    assert "flask --app wsgi report LATER -o report.pdf" in response.text
    other = app.test_client()
    sign_in(other, "bangchak")  # one tambon: made in the request
    response = other.get(f"/rounds/{tiny.later}/report.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")

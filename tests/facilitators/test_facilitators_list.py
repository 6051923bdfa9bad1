"""The list of facilitators: the user's tambons, search as one types, Thai order, paging."""

import pytest

from app.extensions import db
from tests import builders
from tests.facilitators.roster_world import sign_in
from tests.html_tables import table


def _names(client, query: str = "") -> list[str]:
    page = client.get(f"/facilitators{query}")
    assert page.status_code == 200
    if 'id="facilitators"' not in page.text:
        assert "พบ 0 คน" in page.text
        return []
    return [row[0] for row in table(page.text, "facilitators")[1:]]


def test_the_list_needs_a_signed_in_user(client, roster):
    response = client.get("/facilitators")
    assert response.status_code == 302 and "/signin" in response.headers["Location"]


def test_a_coordinator_lists_their_tambon_in_thai_order(client, roster):
    sign_in(client, "local")
    # เกศินี sorts with ก (after กมล), ไพโรจน์ with พ; the title นาง does not count.
    assert _names(client) == [
        "กมล สุขใจ", "เกศินี ใจดี", "ข้าวหอม_50%", "ไพโรจน์ พรมดี", "นางสุนีย์ ทองประเสริฐ",
    ]  # fmt: skip


def test_each_row_shows_tambon_roles_agency_team_rounds_and_status(client, roster):
    sign_in(client, "admin")
    rows = {row[0]: row for row in table(client.get("/facilitators").text, "facilitators")[1:]}
    assert rows["นางสุนีย์ ทองประเสริฐ"][1:] == ["บางจาก", "ประสานงาน", "พช.", "u", "2", "ใช้งานอยู่"]
    assert rows["สมชาย ใจงามยิ่ง"][1] == "ท่าไร่" and rows["กมล สุขใจ"][5] == "0"


def test_the_name_links_to_the_persons_page(client, roster):
    sign_in(client, "local")
    person = roster.people["เกศินี ใจดี"]
    assert f'href="/facilitators/{person}"' in client.get("/facilitators").text


@pytest.mark.parametrize(
    "typed",
    ["สุนีย์", "นางสุนีย์", "นาง สุนีย์  ทอง", "สุนีย์\u200b ทองประ", "  สุนีย์ ทองประเสริฐ ",
     "ทองประ"],
)  # fmt: skip
def test_search_matches_as_one_types_with_or_without_a_title(client, roster, typed):
    sign_in(client, "local")
    assert _names(client, f"?q={typed}") == ["นางสุนีย์ ทองประเสริฐ"]


def test_search_takes_percent_and_underscore_literally(client, roster):
    sign_in(client, "local")
    assert _names(client, "?q=_50%25") == ["ข้าวหอม_50%"]
    assert _names(client, "?q=%25") == ["ข้าวหอม_50%"]
    assert _names(client, "?q=ข้าวหอม_5") == ["ข้าวหอม_50%"]
    assert _names(client, "?q=ก_ม") == []


def test_a_coordinator_sees_only_their_tambons(client, roster):
    sign_in(client, "local")
    assert "สมชาย" not in client.get("/facilitators").text
    assert _names(client, "?q=สมชาย") == []
    assert client.get(f"/facilitators?tambon={roster.tha_rai}").status_code == 404


def test_the_tambon_filter(client, roster):
    sign_in(client, "admin")
    assert _names(client, f"?tambon={roster.tha_rai}") == ["สมชาย ใจงามยิ่ง"]
    assert len(_names(client, f"?tambon={roster.bang_chak}")) == 5
    assert len(_names(client, "?tambon=")) == 6  # "All my tambons"
    assert client.get("/facilitators?tambon=abc").status_code == 400


def test_deactivated_people_are_hidden_unless_asked_for(app, client, roster):
    sign_in(client, "local")
    page = client.get(f"/facilitators/{roster.people['กมล สุขใจ']}/deactivate")
    assert page.status_code == 200 and "กมล สุขใจ" in page.text
    client.post(f"/facilitators/{roster.people['กมล สุขใจ']}/deactivate", data={"confirm": "yes"})
    assert "กมล สุขใจ" not in _names(client)
    everyone = {row[0]: row[6] for row in table(client.get("/facilitators?all=1").text,
                                                "facilitators")[1:]}  # fmt: skip
    assert everyone["กมล สุขใจ"] == "ปิดการใช้งาน" and everyone["เกศินี ใจดี"] == "ใช้งานอยู่"


def test_the_list_is_paged_by_100(app, client, roster):
    with app.app_context():
        place = db.session.get(builders.Tambon, roster.tha_rai)
        for n in range(120):
            builders.facilitator(place, f"คนที่ {n:03d}")
        db.session.commit()
    sign_in(client, "stranger")
    first = client.get("/facilitators")
    assert len(table(first.text, "facilitators")) == 1 + 100 and "หน้า 1 จาก 2" in first.text
    second = _names(client, "?page=2")
    assert len(second) == 21 and second[-1] == "สมชาย ใจงามยิ่ง"
    assert _names(client, "?page=99") == second and len(_names(client, "?page=0")) == 100
    assert client.get("/facilitators?page=-3").status_code == 400


def test_nav_links_to_the_list(client, roster):
    sign_in(client, "local")
    assert '<a href="/facilitators">คุณอำนวย</a>' in client.get("/rounds").text
    assert "<h1>รายชื่อคุณอำนวย</h1>" in client.get("/facilitators").text


@pytest.mark.parametrize(
    "query",
    ["?tambon=99999999999999999999", "?tambon=-1", "?tambon=0", "?page=99999999999999999999",
     "?page=abc&page=2", "?q=" + "%25_" * 500, "?q=<script>alert(1)</script>", "?all=1&all=0"],
)  # fmt: skip
def test_hostile_queries_are_never_an_error(client, roster, query):
    sign_in(client, "admin")
    response = client.get(f"/facilitators{query}")
    assert response.status_code in (200, 400, 404)
    assert "<script>alert" not in response.text


def test_hostile_ids_are_not_found(client, roster):
    sign_in(client, "admin")
    sunee = roster.people["นางสุนีย์ ทองประเสริฐ"]
    for url in (f"/facilitators/{sunee}/merge?other=99999999999999999999",
                f"/facilitators/{sunee}/merge?other=-5",
                f"/facilitators/{sunee}/rounds/99999999999999999999/new-link"):  # fmt: skip
        method = client.post if url.endswith("new-link") else client.get
        assert method(url).status_code == 404, url
    huge = {"other": "99999999999999999999"}
    assert client.post(f"/facilitators/{sunee}/merge", data=huge).status_code == 404


def test_two_tambons_of_one_name_are_told_apart_by_district(app, client, roster):
    with app.app_context():
        builders.tambon("บางจาก", "Bang Chak")  # another district's บางจาก
        db.session.commit()
    sign_in(client, "admin")
    page = client.get("/facilitators").text
    assert page.count(">บางจาก (อำเภอ ") == 2 and ">ท่าไร่</option>" in page

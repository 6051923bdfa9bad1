"""Finding one's name on a round's roster: a search box (?q= without JavaScript), a link to
each tambon, and "my name is not on the list" at the top as well as at the bottom."""

import re

from app.extensions import db
from app.models import Facilitator
from tests import builders


def _names(page: str) -> list[str]:
    found = re.findall(r"<li data-key=\"[^\"]*\"><a href=\"/j/ABC234/f/\d+\">([^<]+)<", page)
    return [name.strip() for name in found]


def test_the_roster_has_a_search_box_links_to_each_tambon_and_the_way_to_add_oneself(
    client, setting
):
    page = client.get("/j/ABC234").text
    assert '<form method="get" role="search"' in page
    assert '<label for="find-name-q">ค้นหาชื่อของคุณ</label>' in page
    for tambon_id in setting.tambons.values():
        if tambon_id != setting.tambons["ปากพูน"]:
            assert f'href="#tambon-{tambon_id}"' in page and f'id="tambon-{tambon_id}"' in page
    assert f'href="#tambon-{setting.tambons["ปากพูน"]}"' not in page  # not in the round
    add = 'href="/j/ABC234/add"'
    assert page.count(add) == 2
    assert page.index(add) < page.index('id="find-name-q"')  # the first one before any name
    assert page.rindex(add) > page.rindex("สมชาย")
    assert '<script src="/static/find-name.js" defer></script>' in page


def test_without_javascript_q_filters_the_names_on_the_server(client, setting):
    page = client.get("/j/ABC234", query_string={"q": "สม"}).text
    assert _names(page) == ["สมชาย"]
    assert 'value="สม"' in page
    assert "ไม่มีชื่อที่ตรงกันในตำบลนี้" in page  # บางจาก has nobody called สม…
    assert 'href="/j/ABC234">แสดงทุกคน</a>' in page


def test_the_search_ignores_titles_case_and_spaces_as_the_identity_rule(app, client, setting):
    with app.app_context():
        tambon = db.session.get(builders.Tambon, setting.tambons["บางจาก"])
        builders.facilitator(tambon, "นางสาว Malee  Srisuk")
        db.session.commit()
    for typed in ("malee srisuk", "  MALEE   SRI", "นางสาว malee"):
        page = client.get("/j/ABC234", query_string={"q": typed}).text
        assert _names(page) == ["นางสาว Malee  Srisuk"], typed


def test_a_search_that_matches_nobody_says_so(client, setting):
    page = client.get("/j/ABC234", query_string={"q": "ไม่มีชื่อนี้"}).text
    assert _names(page) == []
    assert "ไม่มีชื่อในรายชื่อนี้ที่ตรงกับ “ไม่มีชื่อนี้”" in page
    assert page.count('href="/j/ABC234/add"') == 2


def test_an_empty_or_huge_search_lists_everyone_or_nobody_without_error(client, setting):
    assert len(_names(client.get("/j/ABC234?q=").text)) == 4
    huge = client.get("/j/ABC234", query_string={"q": "ก" * 5000})
    assert huge.status_code == 200 and _names(huge.text) == []


def test_a_deactivated_person_is_not_found_either(app, client, setting):
    with app.app_context():
        db.session.get(Facilitator, setting.people["สมชาย"]).active = False
        db.session.commit()
    assert _names(client.get("/j/ABC234", query_string={"q": "สม"}).text) == []

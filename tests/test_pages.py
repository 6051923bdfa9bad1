"""The public pages: the home page and an instrument shown as a freedom table."""

import re

from app.instruments import load_file
from tests.conftest import INSTRUMENTS_DIR

FACILITATOR = load_file(INSTRUMENTS_DIR / "facilitator-competency.toml")


def test_home_lists_the_loaded_instruments(client, instruments):
    page = client.get("/").text
    assert "ความสามารถของคุณอำนวย (ความรู้และทักษะ)" in page
    assert "(รุ่น 1.0, 12 หัวข้อ)" in page


def test_home_says_so_when_no_instrument_is_loaded(client):
    assert "ยังไม่มีแบบประเมินในระบบ" in client.get("/").text


def test_an_instrument_page_is_the_whole_freedom_table_in_thai(client, instruments):
    page = client.get("/instruments/facilitator-competency").text
    rows = re.findall(r'<th scope="row">', page)
    assert len(rows) == 12
    for item in FACILITATOR.items:
        assert item.text.th in page
        for indicator in item.indicators:
            assert indicator.th in page
    assert FACILITATOR.scale.levels[4].name.th in page


def test_an_instrument_page_in_english(client, instruments):
    client.post("/lang", data={"lang": "en", "next": "/"})
    page = client.get("/instruments/facilitator-competency").text
    assert FACILITATOR.item("S9").indicator(5).en.replace("'", "&#39;") in page
    assert FACILITATOR.item("S9").text.th not in page


def test_an_unknown_instrument_or_revision_is_not_found(client, instruments):
    assert client.get("/instruments/nothing-here").status_code == 404
    assert client.get("/instruments/facilitator-competency/r7").status_code == 404
    assert client.get("/instruments/facilitator-competency/r1").status_code == 200

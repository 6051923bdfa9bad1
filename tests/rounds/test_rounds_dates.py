"""Dates typed in either era: a year from 2400 to 2700 is Buddhist era, from 1900 to 2200
Christian era, anything else refused with an example; a date far from today is confirmed."""

from datetime import date

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.i18n import (
    NOT_A_DATE,
    YEAR_OUT_OF_RANGE,
    format_day_input,
    more_than_a_year_apart,
    parse_day,
)
from app.models import InstrumentVersion, Round
from tests import builders

PASSWORD = "correct horse battery"


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2569-11-20", date(2026, 11, 20)),  # the year as Thai people write it
        ("20/11/2569", date(2026, 11, 20)),
        ("2026-11-20", date(2026, 11, 20)),  # typed in Thai, still 2026
        ("20/11/2026", date(2026, 11, 20)),
        (" 1/2/2570 ", date(2027, 2, 1)),
        ("๒๐/๑๑/๒๕๖๙", date(2026, 11, 20)),  # Thai digits
        ("2400-01-01", date(1857, 1, 1)),
        ("2700-12-31", date(2157, 12, 31)),
        ("1900-01-01", date(1900, 1, 1)),
        ("2200-12-31", date(2200, 12, 31)),
    ],
)
def test_a_year_is_read_in_the_era_its_range_says(typed, meant, lang):
    assert parse_day(typed, lang) == meant


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("3112-11-20", YEAR_OUT_OF_RANGE),  # 2569 read as CE once, then shown in BE
        ("1850-01-01", YEAR_OUT_OF_RANGE),
        ("2300-01-01", YEAR_OUT_OF_RANGE),  # between the two ranges
        ("20/11/69", NOT_A_DATE),
        ("31/02/2569", NOT_A_DATE),
        ("2569-13-01", NOT_A_DATE),
        ("14-11-2569", NOT_A_DATE),
        ("", NOT_A_DATE),
        ("9" * 40, NOT_A_DATE),
    ],
)
def test_anything_else_is_refused_with_its_reason(typed, why):
    with pytest.raises(ValueError, match=why):
        parse_day(typed, "th")


def test_a_date_is_typed_back_in_the_user_s_era():
    assert format_day_input(date(2026, 11, 14), "th") == "14/11/2569"
    assert format_day_input(date(2026, 11, 14), "en") == "14/11/2026"
    assert parse_day(format_day_input(date(2026, 11, 14), "th")) == date(2026, 11, 14)


def test_more_than_a_year_apart():
    today = date(2026, 12, 2)
    assert not more_than_a_year_apart(date(2027, 12, 2), today)
    assert more_than_a_year_apart(date(2027, 12, 3), today)
    assert not more_than_a_year_apart(date(2025, 12, 2), today)
    assert more_than_a_year_apart(date(2025, 12, 1), today)
    assert not more_than_a_year_apart(date(2028, 2, 29), date(2027, 3, 1))


@pytest.fixture
def bang_chak(app, instruments) -> int:
    with app.app_context():
        place = builders.tambon("บางจาก", "Bang Chak")
        builders.coordinator("local", PASSWORD, places=[place])
        db.session.commit()
        return place.id


def _sign_in(client, lang: str = "th") -> None:
    assert client.post("/signin", data={"username": "local", "password": PASSWORD}).status_code
    if lang == "en":
        client.post("/lang", data={"lang": "en", "next": "/"})


def _post(client, tambon: int, held_on: str, **more):
    data = {"name": "รอบวันที่", "held_on": held_on, "instrument": "facilitator-competency",
            "tambons": str(tambon)} | more  # fmt: skip
    return client.post("/rounds/new", data=data)


def _stored(app) -> list[date]:
    with app.app_context():
        return list(db.session.execute(select(Round.held_on)).scalars())


@pytest.mark.parametrize("typed", ["2569-11-20", "20/11/2569", "2026-11-20"])
def test_a_round_typed_in_thai_is_stored_in_the_right_year(app, client, bang_chak, typed):
    _sign_in(client)
    response = _post(client, bang_chak, typed)
    assert response.status_code == 302
    assert _stored(app) == [date(2026, 11, 20)]
    assert "20 พ.ย. 2569" in client.get("/rounds").text


@pytest.mark.parametrize("typed", ["3112-11-20", "20/11/1850"])
def test_a_year_out_of_both_ranges_is_refused_with_an_example(app, client, bang_chak, typed):
    _sign_in(client)
    page = _post(client, bang_chak, typed).text
    assert "ปี 2400–2700 อ่านเป็น พ.ศ." in page and "เช่น 14/11/2569 หรือ 2569-11-14" in page
    assert f'value="{typed}"' in page  # what they typed, to correct it
    assert _stored(app) == []


def test_in_english_the_example_is_in_the_christian_era(app, client, bang_chak):
    _sign_in(client, "en")
    page = _post(client, bang_chak, "20-11-2026").text
    assert "Enter a date, for example 14/11/2026 or 2026-11-14." in page
    assert _post(client, bang_chak, "20/11/2569").status_code == 302  # still Buddhist era
    assert _stored(app) == [date(2026, 11, 20)]


def test_the_date_field_is_text_with_today_as_a_hint(client, bang_chak, fixed_today):
    _sign_in(client)
    form = client.get("/rounds/new").text
    assert 'type="date"' not in form
    assert 'id="held_on" inputmode="numeric"' in form or 'name="held_on"' in form
    assert "เช่น วันนี้คือ 2/12/2569" in form
    _sign_in(client, "en")
    assert "for example today: 2/12/2026" in client.get("/rounds/new").text


def test_a_date_more_than_a_year_away_asks_for_confirmation(app, client, bang_chak):
    _sign_in(client)
    page = _post(client, bang_chak, "20/12/2570").text  # more than a year after 2 Dec 2569
    assert "วันที่นี้ห่างจากวันนี้เกินหนึ่งปี" in page
    assert 'name="date_confirmed"' in page and "ใช่ วันที่นี้ถูกต้อง" in page
    assert _stored(app) == []
    assert _post(client, bang_chak, "20/12/2570", date_confirmed="y").status_code == 302
    assert _stored(app) == [date(2027, 12, 20)]


def test_a_date_within_a_year_needs_no_confirmation(app, client, bang_chak):
    _sign_in(client)
    assert 'name="date_confirmed"' not in client.get("/rounds/new").text
    assert _post(client, bang_chak, "1/12/2570").status_code == 302
    assert _post(client, bang_chak, "3/12/2568").status_code == 302
    assert sorted(_stored(app)) == [date(2025, 12, 3), date(2027, 12, 1)]


def test_the_edit_form_shows_the_stored_date_in_the_user_s_era(app, client, bang_chak):
    with app.app_context():
        version = db.session.execute(select(InstrumentVersion)).scalars().first()
        round_id = builders.round_(version, [db.session.get(builders.Tambon, bang_chak)]).id
        db.session.commit()
    _sign_in(client)
    assert 'value="14/11/2569"' in client.get(f"/rounds/{round_id}/edit").text
    _sign_in(client, "en")
    assert 'value="14/11/2026"' in client.get(f"/rounds/{round_id}/edit").text
    with app.app_context():
        assert db.session.execute(select(func.count(Round.id))).scalar() == 1

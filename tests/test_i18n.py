"""Thai first, English one tap away; the choice sticks; dates in the Buddhist era."""

from datetime import date, datetime

import pytest

from app.i18n import format_day, format_moment


def test_pages_are_in_thai_by_default(client):
    page = client.get("/", headers={"Accept-Language": "en-US,en"})
    assert '<html lang="th">' in page.text and "ตารางแห่งอิสรภาพ" in page.text


def test_choosing_english_sticks_across_pages(client):
    response = client.post("/lang", data={"lang": "en", "next": "/signin"})
    assert response.status_code == 302 and response.headers["Location"] == "/signin"
    page = client.get("/signin")
    assert '<html lang="en">' in page.text and "Coordinator sign-in" in page.text
    assert "ภาษาไทย" in page.text  # the way back
    client.post("/lang", data={"lang": "th", "next": "/"})
    assert "เข้าสู่ระบบ" in client.get("/signin").text


def test_an_unknown_language_keeps_thai(client):
    client.post("/lang", data={"lang": "fr", "next": "/"})
    assert '<html lang="th">' in client.get("/").text


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\n/evil.example",
        " //evil.example",
        "",
    ],
)
def test_the_language_switch_never_leaves_the_site(client, target):
    response = client.post("/lang", data={"lang": "en", "next": target})
    assert response.headers["Location"] == "/"


def test_the_language_switch_is_csrf_protected(csrf_app):
    response = csrf_app.test_client().post("/lang", data={"lang": "en", "next": "/"})
    assert response.status_code == 400


def test_thai_dates_use_the_buddhist_era():
    assert format_day(date(2026, 11, 21), "th") == "21 พ.ย. 2569"
    assert format_day(date(2005, 10, 27), "th") == "27 ต.ค. 2548"
    assert format_day(date(2026, 11, 21), "en") == "21 Nov 2026"


def test_times_are_shown_in_thailand():
    # 20:30 UTC on 31 Dec 2026 is already 1 Jan 2570, 03:30 in Bangkok.
    assert format_moment(datetime(2026, 12, 31, 20, 30), "th") == "1 ม.ค. 2570 03:30"

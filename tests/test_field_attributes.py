"""Fields carry aria-invalid only when they are invalid (never the text "None"), and the
icon browsers ask for by themselves is served and kept."""

import re

from app.extensions import db
from app.models import InstrumentVersion
from tests import builders

PASSWORD = "correct horse battery"  # builders.coordinator's default
NONE_VALUE = re.compile(r'[\w-]+="None"')


def _no_none(page: str) -> None:
    assert NONE_VALUE.findall(page) == []


def test_a_valid_field_has_no_aria_invalid_at_all(client):
    page = client.get("/signin").text
    assert 'id="username"' in page and 'id="password"' in page
    assert "aria-invalid" not in page and "aria-describedby" not in page
    _no_none(page)


def test_an_invalid_field_says_so_and_points_to_its_message(client):
    page = client.post("/signin", data={"username": "", "password": ""}).text
    assert re.search(r'id="username"[^>]*aria-invalid="true"', page) or re.search(
        r'aria-invalid="true"[^>]*id="username"', page
    )
    assert 'aria-describedby="username-error"' in page and 'id="username-error"' in page
    _no_none(page)


def test_the_self_add_page_has_no_none_attribute(app, client, instruments):
    with app.app_context():
        version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
        builders.round_(version, [builders.tambon()], code="ADD234")
        db.session.commit()
    page = client.get("/j/ADD234/add").text
    assert 'name="name"' in page and "aria-invalid" not in page
    _no_none(page)


def _sign_in_admin(app, client) -> None:
    with app.app_context():
        builders.coordinator("admin", admin=True)
        db.session.commit()
    signed_in = client.post("/signin", data={"username": "admin", "password": PASSWORD})
    assert signed_in.status_code == 302


def test_the_roster_import_page_has_no_none_attribute(app, client):
    _sign_in_admin(app, client)
    page = client.get("/roster/import").text
    assert 'type="file"' in page and "aria-invalid" not in page
    _no_none(page)


def test_the_new_round_page_date_has_no_none_attribute(app, client):
    _sign_in_admin(app, client)
    page = client.get("/rounds/new").text
    assert 'aria-describedby="held_on-hint"' in page and "aria-invalid" not in page
    _no_none(page)


def test_the_favicon_is_served_and_kept(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/x-icon"
    assert response.data[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert len(response.data) < 2000
    assert "max-age=604800" in response.headers["Cache-Control"]
    response.close()

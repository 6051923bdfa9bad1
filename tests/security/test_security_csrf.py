"""Every state-changing request needs the CSRF token: without it each is refused (400; the
facilitator forms show their "page expired" form again) and the database is exactly as it
was, every row of every table; with the token the same request goes through.

The table POSTS names every POST, PUT, PATCH and DELETE rule of the app's URL map, so a new
one cannot be forgotten.
"""

import io
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from app.extensions import db
from tests.assess_helpers import FACILITATOR as INSTRUMENT
from tests.assess_helpers import filled
from tests.security.security_world import (
    DEMO_CODE,
    FACILITATOR,
    UNANSWERED,
    World,
)
from tests.tiny_round import PASSWORD

STALE = "คำตอบของคุณยังอยู่ครบ แต่หน้านี้หมดอายุแล้ว"  # the rating form's "page expired"
CHANGING = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass(frozen=True)
class Post:
    rule: str
    url: Callable[[World], str]
    data: Callable[[World], dict]
    accepted: int  # the status once the token is there
    signed_in: bool = True  # as the admin, who may do everything
    refused_page: str = ""  # what the refusal page says, besides its status


def _answers(w: World) -> dict:
    return filled(INSTRUMENT, "2", "3", submission_id=str(uuid.uuid4()))


def _roster(w: World) -> dict:
    csv = ("province,district,tambon,name,roles,agency,team\r\n"
           "นครศรีธรรมราช,เมืองนครศรีธรรมราช,บางจาก,นำเข้า ไม่มีโทเคน,บันทึก,,u\r\n")  # fmt: skip
    return {"file": (io.BytesIO(csv.encode()), "roster.csv")}


def _none(w: World) -> dict:
    return {}


# fmt: off
POSTS = (
    Post("/lang", lambda w: "/lang", lambda w: {"lang": "en", "next": "/"}, 302),
    Post("/signin", lambda w: "/signin", lambda w: {"username": "admin", "password": PASSWORD},
         302, signed_in=False),
    Post("/signout", lambda w: "/signout", _none, 302),
    Post("/j/<code>/add", lambda w: f"/j/{DEMO_CODE}/add",
         lambda w: {"name": "ไม่มี โทเคน", "tambon": str(w.tambons["bangchak"]),
                    "roles": "recording", "team": "u"}, 302, signed_in=False,
         refused_page="หน้านี้หมดอายุแล้ว"),
    Post("/j/<code>/f/<int:facilitator_id>",
         lambda w: f"/j/{DEMO_CODE}/f/{w.people[UNANSWERED].id}", _answers, 303, signed_in=False,
         refused_page=STALE),
    Post("/r/<token>/edit", lambda w: f"/r/{w.tokens[FACILITATOR]}/edit", _answers, 303,
         signed_in=False, refused_page=STALE),
    Post("/rounds/new", lambda w: "/rounds/new",
         lambda w: {"name": "รอบไม่มีโทเคน", "held_on": "2026-12-01", "date_confirmed": "y",
                    "instrument": "facilitator-competency",
                    "tambons": str(w.tambons["bangchak"])}, 302),
    Post("/rounds/<int:round_id>/close", lambda w: f"/rounds/{w.rounds['spare_demo']}/close",
         _none, 302),
    Post("/rounds/<int:round_id>/reopen", lambda w: f"/rounds/{w.rounds['earlier']}/reopen",
         _none, 302),
    Post("/roster/import", lambda w: "/roster/import", _roster, 302),
    Post("/admin/tambons", lambda w: "/admin/tambons",
         lambda w: {"province_th": "จังหวัดโทเคน", "district_th": "อำเภอโทเคน",
                    "tambon_th": "ตำบลโทเคน"}, 302),
    Post("/admin/accounts/new", lambda w: "/admin/accounts/new",
         lambda w: {"username": "notoken", "password": "long password here",
                    "confirm": "long password here", "is_admin": "y"}, 302),
    Post("/admin/accounts/<int:account_id>", lambda w: f"/admin/accounts/{w.accounts['spare']}",
         lambda w: {"display_name": "เปลี่ยนชื่อ", "tambons": str(w.tambons["pakphun"])}, 302),
    Post("/admin/accounts/<int:account_id>/password",
         lambda w: f"/admin/accounts/{w.accounts['spare']}/password",
         lambda w: {"password": "a new long password", "confirm": "a new long password"}, 302),
    # Rounds managed (issue 10): the edit keeps the spare round as it is; the delete of an
    # answered round is refused (a redirect with a message), so the world stays whole.
    Post("/rounds/<int:round_id>/edit", lambda w: f"/rounds/{w.rounds['spare_demo']}/edit",
         lambda w: {"name": "รอบสำรอง", "held_on": "2026-01-10", "date_confirmed": "y",
                    "tambons": [str(w.tambons[k]) for k in ("bangchak", "tharai", "mst")]}, 302),
    Post("/rounds/<int:round_id>/delete", lambda w: f"/rounds/{w.rounds['earlier']}/delete",
         _none, 302),
    # Facilitators managed (issue 10).
    Post("/facilitators/<int:facilitator_id>/edit",
         lambda w: f"/facilitators/{w.people[UNANSWERED].id}/edit",
         lambda w: {"name": UNANSWERED, "tambon": str(w.tambons["bangchak"]),
                    "roles": "recording", "agency": "พช.", "team": "v"}, 302),
    Post("/facilitators/<int:facilitator_id>/deactivate",
         lambda w: f"/facilitators/{w.people['มาลัย ทองคำดี'].id}/deactivate",
         lambda w: {"confirm": "yes"}, 302),
    Post("/facilitators/<int:facilitator_id>/reactivate",
         lambda w: f"/facilitators/{w.people['มาลัย ทองคำดี'].id}/reactivate", _none, 302),
    Post("/facilitators/<int:facilitator_id>/delete",
         lambda w: f"/facilitators/{w.people[FACILITATOR].id}/delete",
         lambda w: {"confirm": "yes"}, 302),
    Post("/facilitators/<int:facilitator_id>/merge",
         lambda w: f"/facilitators/{w.people[UNANSWERED].id}/merge",
         lambda w: {"other": str(w.people[UNANSWERED].id)}, 200),
    Post("/facilitators/<int:facilitator_id>/rounds/<int:round_id>/new-link",
         lambda w: f"/facilitators/{w.people['ปริญญา แสงอรุณ'].id}/rounds/{w.rounds['other']}"
                   "/new-link", _none, 200),
    # Places (issue 10): renaming a tambon.
    Post("/admin/tambons/<int:tambon_id>/rename",
         lambda w: f"/admin/tambons/{w.tambons['pakphun']}/rename",
         lambda w: {"name_th": "ต.ปากพูน", "name_en": "Pak Phun"}, 302),
    # A workshop's answers brought to the server (issue 14): a file that is not one is refused.
    Post("/rounds/<int:round_id>/workshop-import",
         lambda w: f"/rounds/{w.rounds['demo']}/workshop-import",
         lambda w: {"file": (io.BytesIO(b"not a workshop file"), "answers.ftw")}, 200),
)
# fmt: on


@pytest.fixture(scope="module", autouse=True)
def csrf_on(world_app):
    """CSRF protection on, as in production (the module's own app, like `csrf_app`)."""
    world_app.config["WTF_CSRF_ENABLED"] = True


def snapshot(app) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    with app.app_context():
        return {
            table.name: sorted(map(tuple, db.session.execute(select(table)).all()), key=repr)
            for table in db.metadata.sorted_tables
        }


def _token(client) -> str:
    page = client.get("/").text
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def _client(world_app, signed_in: bool):
    client = world_app.test_client()
    if signed_in:
        data = {"username": "admin", "password": PASSWORD, "csrf_token": _token(client)}
        assert client.post("/signin", data=data).status_code == 302
    return client


def test_the_table_names_every_state_changing_route(world_app):
    rules = {r.rule for r in world_app.url_map.iter_rules() if r.methods & CHANGING}
    assert rules == {post.rule for post in POSTS}


@pytest.mark.parametrize("post", POSTS, ids=lambda post: post.rule)
def test_without_the_token_nothing_changes(world_app, world, post):
    client = _client(world_app, post.signed_in)
    before = snapshot(world_app)
    response = client.post(post.url(world), data=post.data(world))
    assert response.status_code == 400
    assert post.refused_page in response.text
    assert snapshot(world_app) == before
    if post.rule == "/signout":
        assert client.get("/rounds").status_code == 200  # still signed in
    with_token = post.data(world) | {"csrf_token": _token(client)}
    assert client.post(post.url(world), data=with_token).status_code == post.accepted


def test_a_token_from_another_session_is_refused(world_app, world):
    stranger = _client(world_app, signed_in=False)
    admin = _client(world_app, signed_in=True)
    before = snapshot(world_app)
    url = f"/rounds/{world.rounds['spare_other']}/close"
    assert admin.post(url, data={"csrf_token": _token(stranger)}).status_code == 400
    assert snapshot(world_app) == before

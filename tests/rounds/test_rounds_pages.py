"""Coordinators open rounds for their own tambons, show the join code and QR poster, close them."""

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pytest
import segno
from sqlalchemy import func, select

from app.extensions import db
from app.instruments import load_file
from app.instruments.store import store_version
from app.models import InstrumentVersion, Round
from app.rounds.codes import ALPHABET, LENGTH, new_join_code
from tests import builders
from tests.conftest import INSTRUMENTS_DIR

PASSWORD = "correct horse battery"


@dataclass(frozen=True)
class Places:
    bang_chak: int
    tha_rai: int
    mine: int  # a round in Bang Chak only
    shared: int  # a round in Bang Chak and Tha Rai
    theirs: int  # a round in Tha Rai only


@pytest.fixture
def places(app, instruments) -> Places:
    with app.app_context():
        bang_chak, tha_rai = builders.tambon("บางจาก", "Bang Chak"), builders.tambon("ท่าไร่")
        builders.coordinator("admin", PASSWORD, admin=True)
        builders.coordinator("local", PASSWORD, places=[bang_chak])
        version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
        rounds = [
            builders.round_(version, places, name=name, code=code)
            for name, code, places in (
                ("รอบบางจาก", "MINE23", [bang_chak]),
                ("รอบร่วม", "BOTH23", [bang_chak, tha_rai]),
                ("รอบท่าไร่", "THEM23", [tha_rai]),
            )
        ]
        db.session.commit()
        return Places(bang_chak.id, tha_rai.id, *(r.id for r in rounds))


def _sign_in(client, username: str) -> None:
    response = client.post("/signin", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302


def _round_count(app) -> int:
    with app.app_context():
        return db.session.execute(select(func.count(Round.id))).scalar()


def _new_round(places, **changes) -> dict:
    data = {
        "name": "รอบที่ 3 ติดตามผล",
        "held_on": "2027-05-15",
        "instrument": "facilitator-competency",
        "tambons": [str(places.bang_chak)],
    }
    return {k: v for k, v in (data | changes).items() if v is not None}


def test_the_round_pages_need_a_coordinator(client, places):
    for url in ("/rounds", "/rounds/new", f"/rounds/{places.mine}/join"):
        response = client.get(url)
        assert response.status_code == 302 and "/signin" in response.headers["Location"]
    assert client.post(f"/rounds/{places.mine}/close").status_code == 302


def test_a_coordinator_lists_the_rounds_of_their_tambons_an_admin_all(client, places):
    _sign_in(client, "local")
    page = client.get("/rounds").text
    assert "รอบบางจาก" in page and "รอบร่วม" in page and "รอบท่าไร่" not in page
    assert "รอบการประเมิน" in client.get("/").text  # the link in the header
    client.post("/signout")
    _sign_in(client, "admin")
    page = client.get("/rounds").text
    assert all(name in page for name in ("รอบบางจาก", "รอบร่วม", "รอบท่าไร่"))
    assert "14 พ.ย. 2569" in page  # Buddhist-era dates


def test_a_coordinator_opens_a_round_for_their_tambon(app, client, places):
    _sign_in(client, "local")
    form = client.get("/rounds/new").text
    assert f'value="{places.bang_chak}"' in form and f'value="{places.tha_rai}"' not in form
    response = client.post("/rounds/new", data=_new_round(places))
    assert response.status_code == 302
    with app.app_context():
        round_ = db.session.execute(select(Round).filter_by(name="รอบที่ 3 ติดตามผล")).scalar_one()
        assert [t.id for t in round_.tambons] == [places.bang_chak]
        assert str(round_.held_on) == "2027-05-15" and round_.is_open
        assert len(round_.join_code) == LENGTH and set(round_.join_code) <= set(ALPHABET)
        assert response.headers["Location"] == f"/rounds/{round_.id}/join"
        code = round_.join_code
    page = client.get(response.headers["Location"]).text
    assert "เปิดรอบการประเมินแล้ว" in page and f">{code}</p>" in page
    assert "15 พ.ค. 2570" in page


@pytest.mark.parametrize("chosen", ["tha_rai", "both"])
def test_a_coordinator_cannot_open_a_round_for_a_tambon_not_theirs(app, client, places, chosen):
    _sign_in(client, "local")
    tambons = {"tha_rai": [places.tha_rai], "both": [places.bang_chak, places.tha_rai]}[chosen]
    before = _round_count(app)
    data = _new_round(places, tambons=[str(t) for t in tambons])
    response = client.post("/rounds/new", data=data)
    assert response.status_code == 200
    assert "เลือกได้เฉพาะตำบลที่อยู่ในความรับผิดชอบของคุณ" in response.text
    assert _round_count(app) == before


def test_an_admin_may_choose_any_tambon(app, client, places):
    _sign_in(client, "admin")
    data = _new_round(places, tambons=[str(places.bang_chak), str(places.tha_rai)])
    assert client.post("/rounds/new", data=data).status_code == 302
    assert _round_count(app) == 4


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": "  "}, "กรุณาตั้งชื่อรอบการประเมิน"),
        ({"held_on": None}, "กรุณาใส่วันที่"),
        ({"held_on": "14-11-2569"}, "กรุณาใส่วันที่ให้ถูกต้อง เช่น 14/11/2569 หรือ 2569-11-14"),
        ({"held_on": "3112-11-20"}, "เช่น 14/11/2569 หรือ 2569-11-14"),
        ({"instrument": "nothing"}, "กรุณาเลือกแบบประเมินจากรายการ"),
        ({"tambons": None}, "กรุณาเลือกอย่างน้อยหนึ่งตำบล"),
    ],
)
def test_a_rejected_round_says_why_and_creates_nothing(app, client, places, change, message):
    _sign_in(client, "local")
    response = client.post("/rounds/new", data=_new_round(places, **change))
    assert message in response.text
    assert _round_count(app) == 3


def test_a_new_round_takes_the_latest_version_of_the_instrument(app, client, places, tmp_path):
    text = (INSTRUMENTS_DIR / "facilitator-competency.toml").read_text(encoding="utf-8")
    changed = tmp_path / "facilitator-competency.toml"
    changed.write_text(text.replace('version = "1.0"', 'version = "1.1"'), encoding="utf-8")
    with app.app_context():
        newer, added = store_version(load_file(changed), changed.name)
        db.session.commit()
        assert added and newer.revision == 2
        newer_id = newer.id
    _sign_in(client, "local")
    client.post("/rounds/new", data=_new_round(places))
    with app.app_context():
        round_ = db.session.execute(select(Round).filter_by(name="รอบที่ 3 ติดตามผล")).scalar_one()
        assert round_.instrument_version_id == newer_id


def _expected_qr(url: str) -> bytes:
    out = io.BytesIO()
    segno.make(url, micro=False, error="m").save(
        out, kind="svg", border=4, omitsize=True, xmldecl=False, light="#fff"
    )
    return out.getvalue()


def test_the_join_page_shows_the_code_the_link_and_its_qr(client, places):
    _sign_in(client, "local")
    page = client.get(f"/rounds/{places.mine}/join").text
    assert '<p class="join-code" lang="en">MINE23</p>' in page
    assert "http://localhost/j/MINE23" in page
    assert f'src="/rounds/{places.mine}/qr.svg"' in page
    assert "โทรศัพท์จะเปิดไม่ได้" in page  # localhost: phones cannot reach it
    svg = client.get(f"/rounds/{places.mine}/qr.svg")
    assert svg.mimetype == "image/svg+xml"
    assert ET.fromstring(svg.data).tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.data == _expected_qr("http://localhost/j/MINE23")


def test_public_url_is_what_the_qr_code_and_link_use(app, client, places):
    app.config["PUBLIC_URL"] = "http://192.168.1.10:5000/"
    _sign_in(client, "local")
    page = client.get(f"/rounds/{places.mine}/join").text
    assert "http://192.168.1.10:5000/j/MINE23" in page and "โทรศัพท์จะเปิดไม่ได้" not in page
    svg = client.get(f"/rounds/{places.mine}/qr.svg").data
    assert svg == _expected_qr("http://192.168.1.10:5000/j/MINE23")


def test_the_poster_has_the_code_the_qr_and_the_link(client, places):
    _sign_in(client, "local")
    page = client.get(f"/rounds/{places.mine}/poster").text
    assert "MINE23" in page and "http://localhost/j/MINE23" in page
    assert f'src="/rounds/{places.mine}/qr.svg"' in page and "rounds.css" in page
    assert "ประเมินตนเองด้วยโทรศัพท์ของคุณ" in page


def test_a_coordinator_sees_no_round_of_other_tambons(client, places):
    _sign_in(client, "local")
    # Not found, like a round that does not exist: round ids cannot be probed.
    for url in (f"/rounds/{places.theirs}/join", f"/rounds/{places.theirs}/qr.svg"):
        assert client.get(url).status_code == 404
    assert client.get("/rounds/999999/join").status_code == 404


def test_closing_and_reopening_a_round(app, client, places):
    _sign_in(client, "local")
    assert client.post(f"/rounds/{places.mine}/close").status_code == 302
    with app.app_context():
        round_ = db.session.get(Round, places.mine)
        assert not round_.is_open and round_.closed_at is not None
    assert "รอบการประเมินนี้ปิดแล้ว" in client.get("/j/MINE23", follow_redirects=True).text
    client.post(f"/rounds/{places.mine}/reopen")
    with app.app_context():
        round_ = db.session.get(Round, places.mine)
        assert round_.is_open and round_.closed_at is None


def test_a_round_shared_with_other_tambons_is_closed_by_an_admin_only(app, client, places):
    _sign_in(client, "local")
    assert client.post(f"/rounds/{places.shared}/close").status_code == 403
    with app.app_context():
        assert db.session.get(Round, places.shared).is_open
    page = client.get("/rounds").text
    assert f'href="/rounds/{places.mine}/close"' in page  # asks for confirmation first
    assert f'href="/rounds/{places.shared}/close"' not in page
    assert f'href="/rounds/{places.shared}/edit"' not in page


def test_round_posts_are_csrf_protected(csrf_app, places):
    client = csrf_app.test_client()
    page = client.get("/signin").text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    data = {"username": "local", "password": PASSWORD, "csrf_token": token}
    assert client.post("/signin", data=data).status_code == 302
    for url in ("/rounds/new", f"/rounds/{places.mine}/close", f"/rounds/{places.mine}/reopen"):
        assert client.post(url, data=_new_round(places)).status_code == 400
    with csrf_app.app_context():
        assert db.session.get(Round, places.mine).is_open
        assert db.session.execute(select(func.count(Round.id))).scalar() == 3


def test_the_rounds_list_links_each_round_to_its_dashboard(client, places):
    _sign_in(client, "local")
    page = client.get("/rounds").text
    assert f'href="/rounds/{places.mine}"' in page and "ภาพรวมผลการประเมิน" in page
    assert f'href="/rounds/{places.mine}/join"' in page


def test_join_codes_are_drawn_again_when_taken():
    taken = {"first"}
    drawn = []

    def is_taken(code):
        drawn.append(code)
        return len(drawn) < 3 or code in taken

    code = new_join_code(is_taken)
    assert len(drawn) == 3 and code == drawn[-1]
    assert not set("0O1IL") & set(ALPHABET) and len(ALPHABET) == 31
    with pytest.raises(RuntimeError):
        new_join_code(lambda code: True, attempts=5)


WARNING = "ไม่ใช่ที่อยู่ของเซิร์ฟเวอร์นี้"  # "is not an address of this server"
NOTE = "ลิงก์นี้ใช้ที่อยู่ที่ใช้เปิดหน้านี้"  # "the link uses the address this page was opened through"


def _pages_through(client, places, origin: str) -> list[str]:
    """Sign in and open the join page and the poster through `origin` (the Host sent)."""
    data = {"username": "local", "password": PASSWORD}
    assert client.post("/signin", data=data, base_url=origin).status_code == 302
    urls = (f"/rounds/{places.mine}/join", f"/rounds/{places.mine}/poster")
    return [client.get(url, base_url=origin).text for url in urls]


def test_a_foreign_host_is_named_and_warned_about_on_the_page_and_the_poster(client, places):
    for page in _pages_through(client, places, "http://evil.example"):
        assert "http://evil.example/j/MINE23" in page  # what the link would be
        assert WARNING in page and "http://evil.example" in page.split(WARNING)[0][-400:]
        assert NOTE in page
        assert "โทรศัพท์จะเปิดไม่ได้" not in page  # not this machine's loopback


@pytest.mark.parametrize(
    "origin", ["http://localhost", "http://127.0.0.1:5000", "http://[::1]:8000"]
)
def test_loopback_is_named_with_the_phones_warning_only(client, places, origin):
    join, poster = _pages_through(client, places, origin)
    assert NOTE in join and WARNING not in join
    assert join.split(NOTE)[1].startswith(f": {origin} ")
    assert "โทรศัพท์จะเปิดไม่ได้" in join  # the existing warning: phones cannot open it
    assert NOTE in poster and WARNING not in poster


def test_this_machines_own_names_and_allowed_hosts_need_no_warning(app, client, places):
    import socket

    from app.rounds.links import _network_addresses

    app.config["ALLOWED_HOSTS"] = ("Freedom.Example.org",)
    origins = ["http://freedom.example.org", f"http://{socket.gethostname()}:5000"]
    origins += [f"http://{address}:5000" for address in _network_addresses()]
    for origin in origins:
        for page in _pages_through(client, places, origin):
            assert NOTE in page and WARNING not in page, origin
            assert "โทรศัพท์จะเปิดไม่ได้" not in page


def test_with_public_url_neither_the_note_nor_the_warning(app, client, places):
    app.config["PUBLIC_URL"] = "http://192.168.1.10:5000"
    for page in _pages_through(client, places, "http://evil.example"):
        assert "http://192.168.1.10:5000/j/MINE23" in page
        assert NOTE not in page and WARNING not in page

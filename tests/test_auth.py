"""Coordinator sign-in and who may see which tambon."""

import pytest

from app.auth.access import visible_tambon_ids
from app.extensions import db
from app.models import Coordinator, InstrumentVersion
from app.rounds.access import scope_for
from tests import builders


def _accounts(app):
    with app.app_context():
        bang_chak, tha_rai = builders.tambon("บางจาก", "Bang Chak"), builders.tambon("ท่าไร่")
        admin = builders.coordinator("admin", admin=True)
        local = builders.coordinator("local", places=[bang_chak])
        db.session.commit()
        return admin.id, local.id, bang_chak.id, tha_rai.id


def test_an_admin_sees_every_tambon_and_a_coordinator_only_theirs(app, instruments):
    admin_id, local_id, bang_chak, tha_rai = _accounts(app)
    with app.app_context():
        admin, local = db.session.get(Coordinator, admin_id), db.session.get(Coordinator, local_id)
        assert visible_tambon_ids(admin) is None
        assert visible_tambon_ids(local) == {bang_chak}
        version = next(iter(instruments.values()))
        places = [db.session.get(builders.Tambon, i) for i in (bang_chak, tha_rai)]
        round_id = builders.round_(db.session.get(InstrumentVersion, version), places).id
        scope = scope_for(local, round_id)
        assert scope.sees(bang_chak) and not scope.sees(tha_rai)
        assert scope_for(admin, round_id).sees(tha_rai)


def test_sign_in_with_the_right_password(app, client):
    _accounts(app)
    response = client.post(
        "/signin", data={"username": "local", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    home = client.get("/")
    assert "ออกจากระบบ" in home.text  # "Sign out" in Thai


def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(app, client):
    _accounts(app)
    wrong = client.post("/signin", data={"username": "local", "password": "nope nope nope"})
    unknown = client.post("/signin", data={"username": "nobody", "password": "nope nope nope"})
    assert wrong.status_code == unknown.status_code == 200
    message = "ชื่อผู้ใช้และรหัสผ่านนี้ไม่ตรงกับบัญชีใด"
    assert message in wrong.text and message in unknown.text
    assert "ออกจากระบบ" not in client.get("/").text


def test_a_new_password_ends_earlier_sessions(app, client):
    _, local_id, _, _ = _accounts(app)
    client.post("/signin", data={"username": "local", "password": "correct horse battery"})
    with app.app_context():
        db.session.get(Coordinator, local_id).set_password("another long password")
        db.session.commit()
    assert "ออกจากระบบ" not in client.get("/").text


def test_sign_in_returns_only_to_pages_on_this_site(app, client):
    _accounts(app)
    data = {"username": "local", "password": "correct horse battery"}
    response = client.post("/signin?next=//evil.example/x", data=data)
    # The coordinator's home (the list of rounds) instead, on this site.
    assert response.headers["Location"] == "/rounds"


@pytest.mark.parametrize(
    "query",
    [
        "//evil.example/x",
        "https://evil.example/",
        "/%09/evil.example",  # browsers drop the tab: //evil.example
        "/%0a/evil.example",  # a newline: never a header, never a 500
        "/%0d%0aSet-Cookie:%20a=b",
        "/%5Cevil.example",  # browsers read a backslash as a slash
        "/%5C/evil.example",
        "%20//evil.example",
        "/%7F/evil.example",
        "javascript:alert(1)",
    ],
)
def test_sign_in_never_sends_elsewhere_after_the_browsers_clean_up(app, client, query):
    _accounts(app)
    data = {"username": "local", "password": "correct horse battery"}
    response = client.post(f"/signin?next={query}", data=data)
    assert response.status_code == 302
    assert response.headers["Location"] == "/rounds"
    assert "ออกจากระบบ" in client.get("/").text  # signed in all the same


@pytest.mark.parametrize("target", ["/rounds/1/join?lang=en", "/dashboard/%E0%B8%81#top", "/"])
def test_sign_in_returns_to_a_path_of_this_site(app, client, target):
    _accounts(app)
    data = {"username": "local", "password": "correct horse battery"}
    response = client.post("/signin", query_string={"next": target}, data=data)
    assert response.headers["Location"] == target


def test_sign_in_is_csrf_protected(csrf_app):
    client = csrf_app.test_client()
    _accounts(csrf_app)
    response = client.post(
        "/signin", data={"username": "local", "password": "correct horse battery"}
    )
    assert response.status_code == 400


def test_repeated_failures_lock_the_username_even_with_the_right_password(app, client):
    _accounts(app)
    for _ in range(5):
        client.post("/signin", data={"username": "local", "password": "wrong wrong wrong"})
    locked = client.post("/signin", data={"username": "local", "password": "correct horse battery"})
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 60
    assert "เข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป" in locked.text
    assert "ออกจากระบบ" not in client.get("/").text


def test_an_unknown_username_is_locked_the_same_way(app, client):
    _accounts(app)
    for _ in range(5):
        client.post("/signin", data={"username": "ghost", "password": "wrong wrong wrong"})
    locked = client.post("/signin", data={"username": "ghost", "password": "wrong wrong wrong"})
    assert locked.status_code == 429


def test_many_failures_from_one_address_lock_every_username(app, client):
    _accounts(app)
    for n in range(30):
        client.post("/signin", data={"username": f"guess{n}", "password": "wrong wrong"})
    locked = client.post("/signin", data={"username": "local", "password": "correct horse battery"})
    assert locked.status_code == 429


def test_a_success_clears_the_failures_and_old_failures_expire(app, client):
    from datetime import timedelta

    from app.models import SignInFailure

    _accounts(app)
    for _ in range(4):
        client.post("/signin", data={"username": "local", "password": "wrong wrong wrong"})
    ok = client.post("/signin", data={"username": "local", "password": "correct horse battery"})
    assert ok.status_code == 302
    with app.app_context():
        assert db.session.execute(db.select(SignInFailure)).first() is None
        # Failures older than the window no longer count.
        old = SignInFailure(username="local", address="127.0.0.1")
        db.session.add_all([old])
        db.session.flush()
        for _ in range(5):
            db.session.add(SignInFailure(username="local", address="127.0.0.1"))
        db.session.flush()
        for failure in db.session.execute(db.select(SignInFailure)).scalars():
            failure.at -= timedelta(minutes=16)
        db.session.commit()
    client.post("/signout")
    again = client.post("/signin", data={"username": "local", "password": "correct horse battery"})
    assert again.status_code == 302

"""Sign-in that holds: signing out ends the sign-in on the server (copied cookies open
nothing), wrong passwords sent at once are counted before the slow hash, and a device that
signed in before is not locked out by someone else's guesses."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from app.auth import devices
from app.extensions import db
from app.models import Coordinator, SignInFailure, SignInSession
from tests import builders

PASSWORD = "correct horse battery"
SIGNED_IN = "ออกจากระบบ"  # "Sign out", shown to a signed-in coordinator
LOCKED = "เข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป"  # "Too many failed sign-ins"


@pytest.fixture
def accounts(app):
    with app.app_context():
        place = builders.tambon("บางจาก", "Bang Chak")
        builders.coordinator("local", places=[place])
        builders.coordinator("admin", admin=True)
        db.session.commit()


def _sign_in(client, username="local", password=PASSWORD, **extra):
    data = {"username": username, "password": password, **extra}
    return client.post("/signin", data=data)


def _cookie(client, name: str) -> str:
    found = [c for c in client._cookies.values() if c.key == name]
    return found[0].value if found else ""


def _only_cookie(app, name: str, value: str):
    """A fresh browser holding just this one copied cookie."""
    other = app.test_client()
    other.set_cookie(name, value)
    return other


def _opens_rounds(client) -> bool:
    response = client.get("/rounds")
    return response.status_code == 200 and SIGNED_IN in response.text


def test_signing_out_ends_the_session_and_the_remember_cookie(app, client, accounts):
    assert _sign_in(client, remember="y").status_code == 302
    session, remember = _cookie(client, "session"), _cookie(client, "remember_token")
    assert session and remember
    # Before signing out, each copied cookie alone opens the rounds: the test can tell.
    assert _opens_rounds(_only_cookie(app, "session", session))
    assert _opens_rounds(_only_cookie(app, "remember_token", remember))
    client.post("/signout")
    assert not _opens_rounds(client)
    for name, value in (("session", session), ("remember_token", remember)):
        copied = _only_cookie(app, name, value)
        response = copied.get("/rounds")
        assert response.status_code == 302 and response.headers["Location"].startswith("/signin")
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(SignInSession)).scalar() == 0


def test_signing_out_on_one_device_keeps_the_others(app, client, accounts):
    phone = app.test_client()
    _sign_in(client), _sign_in(phone)
    client.post("/signout")
    assert not _opens_rounds(client) and _opens_rounds(phone)


def test_only_a_hash_of_the_sign_in_token_is_stored(app, client, accounts):
    _sign_in(client, remember="y")
    remember = _cookie(client, "remember_token")
    with app.app_context():
        stored = db.session.execute(select(SignInSession)).scalar_one()
    assert stored.token_hash not in remember and remember.split("|")[0] not in stored.token_hash


def test_a_deactivated_account_is_signed_out_everywhere(app, client, accounts):
    _sign_in(client)
    with app.app_context():
        db.session.execute(
            select(Coordinator).filter_by(username="local")
        ).scalar_one().active = False
        db.session.commit()
    assert not _opens_rounds(client)


# --- the failure count, taken before the slow hash -------------------------------------


@pytest.fixture
def counted_checks(monkeypatch):
    """Every password check is counted, and slow, as scrypt is on a busy server."""
    checks, lock = [], threading.Lock()
    real = Coordinator.check_password

    def slow_check(self, password):
        with lock:
            checks.append(password)
        threading.Event().wait(0.2)
        return real(self, password)

    monkeypatch.setattr(Coordinator, "check_password", slow_check)
    return checks


def test_forty_wrong_passwords_at_once_get_at_most_five_checks(app, accounts, counted_checks):
    start = threading.Barrier(40)

    def guess(n: int) -> int:
        client = app.test_client()
        start.wait()
        address = {"REMOTE_ADDR": f"10.0.{n}.1"}  # forty addresses: only the username counts
        data = {"username": "local", "password": f"guess {n}"}
        return client.post("/signin", data=data, environ_base=address).status_code

    with ThreadPoolExecutor(40) as pool:
        statuses = list(pool.map(guess, range(40)))
    assert len(counted_checks) <= 5
    assert statuses.count(200) == len(counted_checks)  # checked: "do not match"
    assert statuses.count(429) == 40 - len(counted_checks)  # refused unchecked
    later = app.test_client()  # the checked ones are the failures counted: five in all
    for n in range(5 - len(counted_checks)):
        assert _sign_in(later, password=f"later {n}").status_code == 200
    assert _sign_in(later).status_code == 429  # now locked, even for the right password


def test_the_sixth_wrong_password_is_refused_unchecked(app, client, accounts, counted_checks):
    for n in range(5):
        assert _sign_in(client, password=f"wrong {n}").status_code == 200
    refused = _sign_in(client, password="wrong 5")
    assert refused.status_code == 429 and LOCKED in refused.text
    assert len(counted_checks) == 5
    with app.app_context():  # the refused attempt is not counted: the lock does not grow
        assert db.session.execute(select(func.count()).select_from(SignInFailure)).scalar() == 5


# --- device cookies ----------------------------------------------------------------------


def _lock_out(app, username="local") -> None:
    """Someone else's five wrong passwords for `username`."""
    attacker = app.test_client()
    for n in range(5):
        _sign_in(attacker, username, password=f"guess {n}")
    assert _sign_in(attacker, username).status_code == 429


def test_a_known_device_signs_in_while_the_username_is_locked(app, client, accounts):
    _sign_in(client)
    assert _cookie(client, devices.COOKIE)
    client.post("/signout")
    _lock_out(app)
    response = _sign_in(client)
    assert response.status_code == 302 and _opens_rounds(client)
    assert _sign_in(app.test_client()).status_code == 429  # the lock holds for others


def test_a_known_devices_failures_lock_that_device_only(app, client, accounts):
    _sign_in(client)
    client.post("/signout")
    for n in range(5):
        assert _sign_in(client, password=f"typo {n}").status_code == 200
    assert _sign_in(client).status_code == 429  # this device: five failures
    assert _sign_in(app.test_client()).status_code == 302  # the username is not locked


def test_a_device_cookie_counts_only_for_its_own_username(app, client, accounts):
    _sign_in(client, "admin")
    client.post("/signout")
    _lock_out(app, "local")
    assert _sign_in(client, "local").status_code == 429


@pytest.mark.parametrize("value", ["", "forged.value", "eyJ1IjoibG9jYWwiLCJkIjoiYWJjIn0.bad"])
def test_a_forged_device_cookie_is_a_stranger(app, accounts, value):
    _lock_out(app)
    stranger = _only_cookie(app, devices.COOKIE, value)
    assert _sign_in(stranger).status_code == 429

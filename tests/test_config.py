"""Settings: the database URL, the secret key, the SQLite connection settings."""

import os
import stat

import pytest
from sqlalchemy import text

from app.extensions import db
from config import database_url, secret_key
from tests.conftest import make_app


def test_sqlite_in_instance_by_default(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert database_url(tmp_path) == f"sqlite:///{tmp_path / 'freedom-table.sqlite'}"


@pytest.mark.parametrize(
    "given",
    ["postgres://u:p@db/ft", "postgresql://u:p@db/ft", "postgresql+psycopg://u:p@db/ft"],
)
def test_postgres_urls_use_psycopg_3(monkeypatch, tmp_path, given):
    monkeypatch.setenv("DATABASE_URL", given)
    assert database_url(tmp_path) == "postgresql+psycopg://u:p@db/ft"


def test_secret_key_is_generated_once_and_kept(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert len(first) == 64 and secret_key(tmp_path) == first
    assert stat.S_IMODE(os.stat(tmp_path / "secret_key").st_mode) == 0o600


def test_secret_key_from_the_environment_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "from-env")
    assert secret_key(tmp_path) == "from-env"
    assert not (tmp_path / "secret_key").exists()


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(app):
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        with app.app_context():
            assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert db.session.execute(text("PRAGMA busy_timeout")).scalar() == 15_000
    else:
        pytest.skip("SQLite settings")


def test_sqlite_lock_wait_is_a_setting(database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite settings")
    app = make_app(database_url, SQLITE_BUSY_TIMEOUT=1.5)
    with app.app_context():
        assert db.session.execute(text("PRAGMA busy_timeout")).scalar() == 1_500
        db.session.remove()
        db.engine.dispose()

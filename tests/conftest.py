"""Shared fixtures: a migrated database (SQLite, or PostgreSQL when TEST_DATABASE_URL names a
server), an app and client per test, and builders for the data most tests need.

The schema comes from the Alembic migrations, never from create_all(), so every test
runs against the same schema as production. Each test starts from empty tables.
"""

import os
import uuid
from pathlib import Path

import flask_migrate
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app import create_app
from app.extensions import db

ROOT = Path(__file__).resolve().parent.parent
INSTRUMENTS_DIR = ROOT / "instruments"


def pytest_report_header(config):
    server = os.environ.get("TEST_DATABASE_URL")
    return (
        f"database: {make_url(server).render_as_string() if server else 'SQLite (temporary file)'}"
    )


def _fresh_database(tmp_path_factory, label: str):
    """A context for one new empty database; yields its URL and drops it afterwards."""
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        yield f"sqlite:///{tmp_path_factory.mktemp(label) / 'test.sqlite'}"
        return
    name = f"ft_{label}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """The URL of the database the whole session shares, upgraded to the latest migration."""
    for url in _fresh_database(tmp_path_factory, "session"):
        app = make_app(url)
        with app.app_context():
            flask_migrate.upgrade()
            db.engine.dispose()
        yield url


@pytest.fixture
def empty_database_url(tmp_path_factory):
    """A brand-new database with no tables, for migration tests."""
    yield from _fresh_database(tmp_path_factory, "empty")


def make_app(database_url: str, **settings):
    """An app on `database_url` with test settings (CSRF off unless asked for)."""
    config = {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret-key",
        "WTF_CSRF_ENABLED": False,
        "INSTRUMENTS_DIR": INSTRUMENTS_DIR,
    }
    config.update(settings)
    return create_app(config)


@pytest.fixture
def app(database_url):
    """An app on the shared database; every table is emptied after the test.

    No app context is left open: a test opens one where it reads or writes the
    database, so each request in the test gets its own session, as in production.
    """
    app = make_app(database_url)
    yield app
    with app.app_context():
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()
        db.engine.dispose()


@pytest.fixture
def csrf_app(app):
    """The same app with CSRF protection on, as in production."""
    app.config["WTF_CSRF_ENABLED"] = True
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def instruments(app):
    """The instruments of instruments/ stored in the database: instrument id -> version id."""
    from app.instruments import load_directory
    from app.instruments.store import store_version

    with app.app_context():
        loaded = load_directory(INSTRUMENTS_DIR)
        versions = {i.key: store_version(i, p.name)[0].id for p, i in loaded}
        db.session.commit()
    return versions


@pytest.fixture
def demo(app, instruments):
    """The demo data of `flask demo load`; returns what `instruments` returns."""
    from app.demo.load import load_demo

    with app.app_context():
        load_demo()
    return instruments


CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps calling Google's hosts, which this
# offline machine refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def chromium():
    """Headless Chromium (the system's package) through Playwright; skipped when it is missing,
    unless REQUIRE_BROWSER=1 (as in CI), where a missing browser fails the test."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is missing (install the chromium package)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()

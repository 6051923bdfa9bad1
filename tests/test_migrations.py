"""The schema lives in Alembic revisions: they match the models and run both ways."""

import flask_migrate
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from app.extensions import db
from app.pairing.jobs import not_the_queue
from tests.conftest import make_app


def test_models_agree_with_the_migrations(app):
    with app.app_context(), db.engine.connect() as conn:
        opts = {"compare_type": True, "include_name": not_the_queue}
        context = MigrationContext.configure(conn, opts=opts)
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_upgrade_downgrade_upgrade_on_an_empty_database(empty_database_url):
    app = make_app(empty_database_url)
    with app.app_context():
        flask_migrate.upgrade()
        tables = set(inspect(db.engine).get_table_names())
        assert {"facilitator", "rating", "response_revision", "round_tambon"} <= tables
        flask_migrate.downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        flask_migrate.upgrade()
        assert set(inspect(db.engine).get_table_names()) == tables
        db.engine.dispose()

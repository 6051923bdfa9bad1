"""Backup and restore: the demo data (and a response with history and a tricky note) goes
from one database into another empty one and every table comes back row for row."""

import gzip

import flask_migrate
import pytest
from sqlalchemy import func, select

from app.backup.archive import BackupError, read_header, restore_backup, tables, write_backup
from app.extensions import db
from app.models import Facilitator, Province, Round
from app.ratings import Mark, record
from tests.conftest import make_app

NOTE = "ขอบคุณ \"ครูสมศรี\" ที่ช่วย\nบรรทัดที่สอง, มีจุลภาค และ 'อัญประกาศ'"


def _with_history(app):
    """Two submissions of one facilitator: a response with a revision history and a note."""
    with app.app_context():
        round_ = db.session.execute(select(Round).filter_by(join_code="DEMO26")).scalar_one()
        person = db.session.execute(select(Facilitator).filter_by(team="v")).scalars().first()
        codes = round_.instrument_version.instrument.item_codes
        for n, current in enumerate((1, 2)):
            answers = [Mark(code, current, 3, NOTE if code == "K1" else "") for code in codes]
            record(round_, person.id, answers, f"history-{n}")


def _dump(app) -> dict[str, list[tuple]]:
    """Every row of every table, ordered by primary key."""
    with app.app_context():
        return {
            t.name: [tuple(r) for r in db.session.execute(select(t).order_by(*t.primary_key))]
            for t in tables()
        }


def _migrated_app(url):
    app = make_app(url)
    with app.app_context():
        flask_migrate.upgrade()
    return app


def _dispose(app):
    with app.app_context():
        db.engine.dispose()


def test_round_trip_of_the_demo_data(app, demo, empty_database_url, tmp_path):
    _with_history(app)
    path = tmp_path / "backup.jsonl.gz"
    with app.app_context():
        counts = write_backup(path)
    assert counts["response_revision"] == 18 + 2 and counts["facilitator"] == 11
    target = _migrated_app(empty_database_url)
    with target.app_context():
        assert restore_backup(path) == counts
    source_rows, target_rows = _dump(app), _dump(target)
    assert set(source_rows) == set(target_rows)
    for name, rows in source_rows.items():
        assert target_rows[name] == rows, name
    assert any(NOTE in row for row in target_rows["rating"])
    # New rows do not collide with restored ids (PostgreSQL sequences were moved on).
    with target.app_context():
        highest = db.session.execute(select(func.max(Province.id))).scalar()
        added = Province(name_th="จังหวัดใหม่")
        db.session.add(added)
        db.session.commit()
        assert added.id > highest
    _dispose(target)


def test_the_file_starts_with_a_header_and_has_one_line_per_row(app, demo, tmp_path):
    path = tmp_path / "backup.jsonl.gz"
    with app.app_context():
        counts = write_backup(path)
    header = read_header(path)
    assert header["tables"] == counts and len(header["alembic_revision"]) >= 12
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        assert sum(1 for _ in lines) == 1 + sum(counts.values())
    assert path.stat().st_mode & 0o077 == 0  # owner only: personal data and password hashes


def test_a_restore_into_a_database_with_rows_is_refused_and_changes_nothing(app, demo, tmp_path):
    path = tmp_path / "backup.jsonl.gz"
    with app.app_context():
        write_backup(path)
    before = _dump(app)
    with app.app_context(), pytest.raises(BackupError, match="needs an empty database"):
        restore_backup(path)
    assert _dump(app) == before


def test_a_restore_into_a_database_without_the_schema_is_refused(
    app, demo, empty_database_url, tmp_path
):
    path = tmp_path / "backup.jsonl.gz"
    with app.app_context():
        write_backup(path)
    target = make_app(empty_database_url)
    with target.app_context(), pytest.raises(BackupError, match="flask db upgrade"):
        restore_backup(path)
    _dispose(target)


def test_a_damaged_backup_leaves_the_database_empty(app, demo, empty_database_url, tmp_path):
    path, cut = tmp_path / "backup.jsonl.gz", tmp_path / "cut.jsonl.gz"
    with app.app_context():
        write_backup(path)
    with (
        gzip.open(path, "rt", encoding="utf-8") as full,
        gzip.open(cut, "wt", encoding="utf-8") as out,
    ):
        lines = full.readlines()
        out.writelines(lines[: len(lines) - 5])  # the last rows are missing
    target = _migrated_app(empty_database_url)
    with target.app_context(), pytest.raises(BackupError, match="incomplete"):
        restore_backup(cut)
    assert all(rows == [] for rows in _dump(target).values())
    _dispose(target)


def test_the_commands(app, demo, runner, empty_database_url, tmp_path):
    path = tmp_path / "backup.jsonl.gz"
    result = runner.invoke(args=["backup", str(path)])
    assert result.exit_code == 0 and "11 facilitator" in result.output
    refused = runner.invoke(args=["restore", str(path)])
    assert refused.exit_code == 1 and "Nothing was restored" in refused.output
    target = _migrated_app(empty_database_url)
    restored = target.test_cli_runner().invoke(args=["restore", str(path)])
    assert restored.exit_code == 0 and "11 facilitator" in restored.output
    assert _dump(target) == _dump(app)
    _dispose(target)


def _sqlite_app(tmp_path, name: str):
    return _migrated_app(f"sqlite:///{tmp_path / name}")


def test_from_a_sqlite_file_into_the_test_database_engine(app, empty_database_url, tmp_path):
    """SQLite -> the engine under test (PostgreSQL when TEST_DATABASE_URL is set)."""
    source = _sqlite_app(tmp_path, "source.sqlite")
    with source.app_context():
        from app.demo.load import load_demo
        from app.instruments import load_directory
        from app.instruments.store import store_version
        from tests.conftest import INSTRUMENTS_DIR

        for path, instrument in load_directory(INSTRUMENTS_DIR):
            store_version(instrument, path.name)
        db.session.commit()
        load_demo()
    _with_history(source)
    path = tmp_path / "backup.jsonl.gz"
    with source.app_context():
        write_backup(path)
    target = _migrated_app(empty_database_url)
    with target.app_context():
        restore_backup(path)
    assert _dump(target) == _dump(source)
    _dispose(target)
    _dispose(source)


def test_from_the_test_database_engine_into_a_sqlite_file(app, demo, tmp_path):
    """The engine under test (PostgreSQL when TEST_DATABASE_URL is set) -> SQLite."""
    _with_history(app)
    path = tmp_path / "backup.jsonl.gz"
    with app.app_context():
        write_backup(path)
    target = _sqlite_app(tmp_path, "target.sqlite")
    with target.app_context():
        restore_backup(path)
    assert _dump(target) == _dump(app)
    _dispose(target)

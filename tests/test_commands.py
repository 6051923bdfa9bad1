"""The `flask --app wsgi` commands: instruments, demo data, coordinator accounts."""

import shutil

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import (
    Coordinator,
    Facilitator,
    InstrumentVersion,
    Rating,
    Response,
    ResponseRevision,
    Round,
    Tambon,
)
from tests.conftest import INSTRUMENTS_DIR


def test_the_cli_lists_every_command_group(runner):
    result = runner.invoke(args=["--help"])
    for group in ("instruments", "demo", "coordinators", "db"):
        assert f"  {group} " in result.output


def test_check_reports_each_instrument_without_touching_the_database(app, runner):
    result = runner.invoke(args=["instruments", "check"])
    assert result.exit_code == 0, result.output
    assert "ok  facilitator-competency.toml: facilitator-competency 1.0, 12 items" in result.output
    with app.app_context():
        assert db.session.execute(select(func.count(InstrumentVersion.id))).scalar() == 0


def test_check_of_a_broken_file_names_the_file_item_and_key(runner, tmp_path):
    broken = tmp_path / "broken.toml"
    text = (INSTRUMENTS_DIR / "facilitator-competency.toml").read_text(encoding="utf-8")
    broken.write_text(text.replace("indicators.3.en", "indicators.3.fr", 1), encoding="utf-8")
    result = runner.invoke(args=["instruments", "check", str(broken)])
    assert result.exit_code == 1
    assert "broken.toml: item K1:" in result.output
    assert 'key "indicators.3.fr": unknown key' in result.output
    assert 'key "indicators.3.en": missing English text' in result.output
    assert "Nothing was loaded" in result.output


def test_load_stores_new_versions_once(app, runner):
    first = runner.invoke(args=["instruments", "load"])
    second = runner.invoke(args=["instruments", "load"])
    assert "facilitator-competency: stored as revision 1" in first.output
    assert "facilitator-competency: unchanged, revision 1" in second.output
    with app.app_context():
        assert db.session.execute(select(func.count(InstrumentVersion.id))).scalar() == 2


def test_load_with_one_bad_file_loads_nothing(app, runner, tmp_path):
    for path in INSTRUMENTS_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path)
    (tmp_path / "zz-bad.toml").write_text('id = "bad"\n', encoding="utf-8")
    app.config["INSTRUMENTS_DIR"] = tmp_path
    result = runner.invoke(args=["instruments", "load"])
    assert result.exit_code == 1 and "zz-bad.toml" in result.output
    with app.app_context():
        assert db.session.execute(select(func.count(InstrumentVersion.id))).scalar() == 0


def _row_counts():
    models = (Tambon, Facilitator, Coordinator, Round, Response, Rating, ResponseRevision)
    return {
        m.__name__: db.session.execute(select(func.count()).select_from(m)).scalar() for m in models
    }


def test_demo_needs_the_instruments_first(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 1 and "instruments load" in result.output


def test_demo_load_is_idempotent(app, runner, instruments):
    first = runner.invoke(args=["demo", "load"])
    assert first.exit_code == 0, first.output
    with app.app_context():
        after_first = _row_counts()
    second = runner.invoke(args=["demo", "load"])
    assert "nothing added" in second.output
    with app.app_context():
        assert _row_counts() == after_first
    # 3 tambons x 3 facilitators answered each of 2 rounds, 12 items each.
    assert after_first["Tambon"] == 3 and after_first["Response"] == 18
    assert after_first["Rating"] == 18 * 12
    assert "Demo sign-in: admin, bangchak" in first.output


def test_demo_rounds_are_six_months_apart_and_show_progress(app, demo):
    with app.app_context():
        rounds = db.session.execute(select(Round).order_by(Round.held_on)).scalars().all()
        assert [r.is_open for r in rounds] == [False, True]
        assert (rounds[1].held_on - rounds[0].held_on).days in range(178, 186)
        means = [
            db.session.execute(
                select(func.avg(Rating.current_level)).join(Response).filter_by(round_id=r.id)
            ).scalar()
            for r in rounds
        ]
        assert means[1] > means[0]
        tambons = {t.name_en for t in rounds[1].tambons}
        assert tambons == {"Bang Chak", "Tha Rai", "Mamuang Song Ton"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x", "--admin", "--password", "long enough pw"], "3-80 letters"),
        (["newadmin", "--admin", "--password", "short"], "at least 10"),
        (["someone", "--password", "long enough pw"], "needs at least one --tambon"),
        (["someone", "--tambon", "ไม่มีตำบลนี้", "--password", "long enough pw"], "no tambon"),
    ],
)
def test_create_coordinator_refuses_bad_input(app, runner, args, message):
    result = runner.invoke(args=["coordinators", "create", *args])
    assert result.exit_code != 0 and message in result.output
    with app.app_context():
        assert db.session.execute(select(func.count(Coordinator.id))).scalar() == 0


def test_create_coordinator_for_a_tambon(app, runner, demo):
    args = [
        "coordinators",
        "create",
        "tharai",
        "--tambon",
        "Tha Rai",
        "--password",
        "a good pw 123",
    ]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    duplicate = runner.invoke(args=args)
    assert duplicate.exit_code != 0 and "already exists" in duplicate.output
    with app.app_context():
        account = db.session.execute(select(Coordinator).filter_by(username="tharai")).scalar_one()
        assert [t.name_th for t in account.tambons] == ["ท่าไร่"]
        assert account.check_password("a good pw 123") and not account.is_admin

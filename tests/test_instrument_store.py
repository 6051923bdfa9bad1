"""Stored instrument versions: a changed file adds a revision, an unchanged one adds nothing."""

import shutil

from sqlalchemy import func, select

from app.extensions import db
from app.instruments import load_file
from app.instruments.store import latest_version, latest_versions, store_version
from app.models import InstrumentVersion
from tests.conftest import INSTRUMENTS_DIR


def _count():
    return db.session.execute(select(func.count(InstrumentVersion.id))).scalar()


def test_unchanged_content_is_not_stored_again(app):
    instrument = load_file(INSTRUMENTS_DIR / "facilitator-competency.toml")
    with app.app_context():
        first, added = store_version(instrument, "facilitator-competency.toml")
        again, added_again = store_version(instrument, "facilitator-competency.toml")
        db.session.commit()
        assert (added, added_again) == (True, False)
        assert again.id == first.id and _count() == 1


def test_changed_content_becomes_the_next_revision_and_old_text_stays(app, tmp_path):
    source = INSTRUMENTS_DIR / "facilitator-competency.toml"
    edited = tmp_path / source.name
    shutil.copy(source, edited)
    original = load_file(source)
    old_text = original.item("S4").text.th
    edited.write_text(
        source.read_text(encoding="utf-8").replace(old_text, old_text + " (ปรับถ้อยคำ)"),
        encoding="utf-8",
    )
    with app.app_context():
        first, _ = store_version(original, source.name)
        second, added = store_version(load_file(edited), source.name)
        db.session.commit()
        assert added and (first.revision, second.revision) == (1, 2)
        assert latest_version("facilitator-competency").id == second.id
        assert [v.revision for v in latest_versions()] == [2]
        db.session.expire_all()
        assert db.session.get(InstrumentVersion, first.id).instrument.item("S4").text.th == old_text

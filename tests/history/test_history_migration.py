"""The migration that adds the snapshot fills it for the responses that exist, and keeps
every rating (SQLite copies a table to alter it: a cascade must not empty the ratings)."""

import json

import flask_migrate
from sqlalchemy import text

from app.extensions import db
from tests.conftest import make_app

BEFORE_SNAPSHOT = "574fcb7c1b51"
ROWS = """
INSERT INTO province (id, name_th, name_en) VALUES (1, 'นครศรีธรรมราช', '');
INSERT INTO district (id, province_id, name_th, name_en) VALUES (1, 1, 'เมือง', '');
INSERT INTO tambon (id, district_id, name_th, name_en) VALUES (1, 1, 'บางจาก', '');
INSERT INTO facilitator (id, name, tambon_id, agency, team, created_at)
  VALUES (1, 'นางสุนีย์  ทองประเสริฐ', 1, 'พช.', 'u', '2026-05-01 00:00:00');
INSERT INTO facilitator (id, name, tambon_id, agency, team, created_at)
  VALUES (2, 'มานี มีนา', 1, '', 'v', '2026-05-01 00:00:00');
INSERT INTO facilitator_role (facilitator_id, role) VALUES (1, 'recording'), (1, 'coordination'),
  (2, 'recording');
INSERT INTO instrument_version (id, instrument_key, revision, declared_version, content_hash,
  content, source_file, loaded_at) VALUES (1, 'x', 1, '1', 'h', '{}', 'x.toml', '2026-05-01');
INSERT INTO round (id, name, held_on, instrument_version_id, join_code, is_open, created_at)
  VALUES (1, 'รอบที่ 1', '2026-05-16', 1, 'ABCDEF', false, '2026-05-01');
INSERT INTO round_tambon (round_id, tambon_id) VALUES (1, 1);
INSERT INTO response (id, round_id, facilitator_id, token_hash, revision, submitted_at, updated_at)
  VALUES (1, 1, 1, 'hash', 1, '2026-05-16', '2026-05-16');
INSERT INTO rating (response_id, item_code, position, current_level, target_level, note)
  VALUES (1, 'K1', 0, 2, 3, ''), (1, 'K2', 1, 3, 4, 'หมายเหตุ');
"""


def test_existing_responses_take_the_person_as_they_are(empty_database_url):
    app = make_app(empty_database_url)
    with app.app_context():
        flask_migrate.upgrade(revision=BEFORE_SNAPSHOT)
        for statement in ROWS.strip().split(";\n"):
            db.session.execute(text(statement))
        db.session.commit()
        flask_migrate.upgrade()
        snapshot = db.session.execute(
            text("SELECT name, tambon_id, roles, agency, team FROM response")
        ).one()
        assert tuple(snapshot) == ("นางสุนีย์  ทองประเสริฐ", 1, "coordination,recording", "พช.", "u")
        key, active = db.session.execute(
            text("SELECT name_key, active FROM facilitator WHERE id = 1")
        ).one()
        assert (key, bool(active)) == ("สุนีย์ทองประเสริฐ", True)  # titles and spaces ignored
        # The closed round keeps who had not answered it.
        kept = db.session.execute(text("SELECT roster_at_close FROM round")).scalar()
        kept = json.loads(kept) if isinstance(kept, str) else kept
        assert kept == [{"id": 2, "name": "มานี มีนา", "tambon_id": 1, "roles": ["recording"]}]
        assert db.session.execute(text("SELECT count(*) FROM rating")).scalar() == 2
        db.session.remove()
        db.engine.dispose()

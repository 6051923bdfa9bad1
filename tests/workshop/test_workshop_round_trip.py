"""Pack on the server → unpack on a laptop → answer there (record() and the phone's form) →
export → import on the server: the same responses and revisions, imported once or twice."""

import uuid
from datetime import datetime

from sqlalchemy import select

from app.extensions import db
from app.models import Facilitator, FacilitatorChange, Response, Round
from app.ratings import Mark, record
from app.workshop import files
from tests.assess_helpers import FACILITATOR, errors, filled
from tests.tiny_round import LATER


def _answers(current: float, target: float, note: str = "") -> list[Mark]:
    return [Mark(code, current, target, note) for code in FACILITATOR.item_codes]


def _round(code: str = "LATER") -> Round:
    return db.session.execute(select(Round).filter_by(join_code=code)).scalar_one()


def _person(name: str) -> Facilitator:
    return db.session.execute(select(Facilitator).filter_by(name=name)).scalar_one()


def responses(app, code: str = "LATER") -> dict:
    """Every response of the round: (name, tambon) -> the person as they answered, the
    current ratings and every revision (number, submission id, time, ratings)."""
    with app.app_context():
        found = {}
        for r in _round(code).responses:
            found[(r.facilitator.name, r.facilitator.tambon.name_th)] = {
                "as_they_were": (r.name, r.tambon.name_th, r.roles, r.agency, r.team),
                "ratings": [
                    (x.item_code, x.current_level, x.target_level, x.note) for x in r.ratings
                ],
                "revisions": [
                    (v.revision, v.submission_id, v.submitted_at, v.ratings) for v in r.history
                ],
                "token_hash": r.token_hash,
                "revision": r.revision,
            }
        return found


def _carry_to_laptop(app, laptop, tmp_path):
    packed = tmp_path / "round.ftw"
    result = app.test_cli_runner().invoke(args=["workshop", "pack", "LATER", "-o", str(packed)])
    assert result.exit_code == 0, result.output
    assert "2 tambons, 5 people" in result.output
    runner = laptop.test_cli_runner()
    first = runner.invoke(args=["workshop", "unpack", str(packed)])
    assert first.exit_code == 0, first.output
    assert "added; 2 tambons added; 5 people added, 0 already" in first.output
    again = runner.invoke(args=["workshop", "unpack", str(packed)])
    assert "already here; 0 tambons added; 0 people added, 5 already" in again.output


def _answer_on_the_laptop(laptop) -> None:
    """มานี by record(); บุญมา and a person added at the workshop by the phone's form;
    สมศรี twice (two revisions)."""
    with laptop.app_context():
        round_ = _round()
        record(round_, _person("มานี").id, _answers(1, 2, "จากแล็ปท็อป"), "lap-manee")
        record(round_, _person("สมศรี").id, _answers(2, 3), "lap-somsri-1")
        record(round_, _person("สมศรี").id, _answers(2, 4), "lap-somsri-2")
        boonma, tha_rai = _person("บุญมา").id, _person("บุญมา").tambon_id
    phone = laptop.test_client()
    sent = phone.post(
        f"/j/LATER/f/{boonma}", data=filled(FACILITATOR, "3", "4", submission_id=str(uuid.uuid4()))
    )
    assert sent.status_code == 303 and sent.headers["Location"].startswith("/r/")
    added = phone.post(
        "/j/LATER/add",
        data={
            "name": "นางดวงใจ มีสุข",
            "tambon": str(tha_rai),
            "roles": ["recording"],
            "agency": "กศน.",
            "team": "v",
        },
    )
    assert added.status_code == 302, errors(added.text)
    form = filled(FACILITATOR, "2", "5", submission_id=str(uuid.uuid4()))
    assert phone.post(added.headers["Location"], data=form).status_code == 303


def _export(laptop, tmp_path):
    path = tmp_path / "answers.ftw"
    result = laptop.test_cli_runner().invoke(args=["workshop", "export", "LATER", "-o", str(path)])
    assert result.exit_code == 0, result.output
    assert "4 responses (5 revisions), 4 people" in result.output
    return path


def test_pack_unpack_answer_export_import_gives_the_same_answers(app, server, laptop, tmp_path):
    _carry_to_laptop(app, laptop, tmp_path)
    _answer_on_the_laptop(laptop)
    # After the workshop, สมศรี also changed her answers on the server: that later one counts.
    with app.app_context():
        record(_round(), server.people["สมศรี"], _answers(3, 5), "server-somsri")
    answers = _export(laptop, tmp_path)
    before = responses(app)

    result = app.test_cli_runner().invoke(args=["workshop", "import", str(answers)])
    assert result.exit_code == 0, result.output
    assert "People added: 1 (นางดวงใจ มีสุข); matched on the roster: 3." in result.output
    assert "Responses added: 2; updated: 2; revisions added: 5; already here (skipped): 0." in (
        result.output
    )
    assert "A later answer on this server still counts for: สมศรี." in result.output

    on_laptop, on_server = responses(laptop), responses(app)
    # Answered only at the workshop: exactly the same response and revisions.
    for key in (("มานี", "ท่าไร่"), ("นางดวงใจ มีสุข", "ท่าไร่")):
        assert on_server[key] == on_laptop[key]
    # Answered on the server before: its revision first, the workshop's after it, and the
    # workshop's (later) counts.
    boonma = on_server[("บุญมา", "ท่าไร่")]
    assert boonma["revisions"][0] == before[("บุญมา", "ท่าไร่")]["revisions"][0]
    assert boonma["revisions"][1][1:] == on_laptop[("บุญมา", "ท่าไร่")]["revisions"][0][1:]
    assert boonma["ratings"] == on_laptop[("บุญมา", "ท่าไร่")]["ratings"]
    assert boonma["revision"] == 2 and boonma["ratings"][0][1:3] == (3.0, 4.0)
    # Changed on the server after the workshop: both kept, the server's later one counts.
    somsri = on_server[("สมศรี", "บางจาก")]
    assert [v[1] for v in somsri["revisions"]] == [
        "LATER-สมศรี",
        "server-somsri",
        "lap-somsri-1",
        "lap-somsri-2",
    ]
    assert [v[0] for v in somsri["revisions"]] == [1, 2, 3, 4]
    assert somsri["ratings"] == before[("สมศรี", "บางจาก")]["ratings"]
    assert somsri["ratings"][0][1:3] == (3.0, 5.0)
    # Untouched at the workshop: untouched.
    for key in (("ประเสริฐ", "บางจาก"), ("น้ำฝน", "ท่าไร่")):
        assert on_server[key] == before[key]
    with app.app_context():
        change = db.session.execute(select(FacilitatorChange).filter_by(by="workshop import"))
        assert [(c.action, c.after["name"]) for c in change.scalars()] == [("add", "นางดวงใจ มีสุข")]

    # The same file again: nothing changes.
    again = app.test_cli_runner().invoke(args=["workshop", "import", str(answers)])
    assert again.exit_code == 0, again.output
    assert "People added: 0; matched on the roster: 4." in again.output
    assert "revisions added: 0; already here (skipped): 5." in again.output
    assert responses(app) == on_server


def test_a_file_with_one_bad_answer_imports_nothing(app, server, laptop, tmp_path):
    _carry_to_laptop(app, laptop, tmp_path)
    _answer_on_the_laptop(laptop)
    with laptop.app_context():
        content = files.read(_export(laptop, tmp_path), files.ANSWERS)
    content["responses"][-1]["revisions"][0]["ratings"][0]["target"] = 0.5
    broken = tmp_path / "broken.ftw"
    files.write(broken, files.ANSWERS, content)
    before = responses(app)
    result = app.test_cli_runner().invoke(args=["workshop", "import", str(broken)])
    assert result.exit_code == 1
    assert "answers that do not fit the instrument" in result.output
    assert "Nothing was imported." in result.output
    assert responses(app) == before
    with app.app_context():
        assert (
            db.session.execute(select(Facilitator).filter_by(name="นางดวงใจ มีสุข")).first() is None
        )


def test_the_dry_run_writes_nothing(app, server, laptop, tmp_path):
    _carry_to_laptop(app, laptop, tmp_path)
    _answer_on_the_laptop(laptop)
    answers = _export(laptop, tmp_path)
    before = responses(app)
    result = app.test_cli_runner().invoke(args=["workshop", "import", "--dry-run", str(answers)])
    assert "Responses added: 2; updated: 2" in result.output and "Dry run" in result.output
    assert responses(app) == before


def test_files_of_the_wrong_kind_or_not_workshop_files_are_refused(app, server, tmp_path):
    packed = tmp_path / "round.ftw"
    runner = app.test_cli_runner()
    runner.invoke(args=["workshop", "pack", "LATER", "-o", str(packed)])
    wrong_kind = runner.invoke(args=["workshop", "import", str(packed)])
    assert (
        wrong_kind.exit_code == 1
        and "a round file (from workshop pack), not a workshop's answers" in wrong_kind.output
    )
    junk = tmp_path / "junk.ftw"
    junk.write_bytes(b"not gzip at all")
    assert "not a workshop file" in runner.invoke(args=["workshop", "unpack", str(junk)]).output
    unknown = runner.invoke(args=["workshop", "pack", "NOPE", "-o", str(packed)])
    assert unknown.exit_code == 1 and "No round with id or join code NOPE" in unknown.output


def test_the_later_submission_counts_whatever_the_order_it_arrives_in(app, server):
    with app.app_context():
        round_, person = _round(), server.people["มานี"]
        record(round_, person, _answers(2, 3), "newer", submitted_at=datetime(2026, 11, 20))
        record(round_, person, _answers(1, 1), "older", submitted_at=datetime(2026, 11, 10))
        response = db.session.execute(
            select(Response).filter_by(facilitator_id=person, round_id=round_.id)
        ).scalar_one()
        assert [v.submission_id for v in response.history] == ["newer", "older"]
        assert response.ratings[0].current_level == 2 and response.updated_at == datetime(
            2026, 11, 20
        )
        assert LATER  # the tiny round's answers are the server's


def test_unpacking_refuses_a_join_code_taken_by_another_round_here(app, server, laptop, tmp_path):
    packed = tmp_path / "round.ftw"
    app.test_cli_runner().invoke(args=["workshop", "pack", "LATER", "-o", str(packed)])
    content = files.read(packed, files.ROUND)
    content["instrument"]["content"]["version"] = "changed"
    altered = tmp_path / "altered.ftw"
    files.write(altered, files.ROUND, content)
    runner = laptop.test_cli_runner()
    refused = runner.invoke(args=["workshop", "unpack", str(altered)])
    assert refused.exit_code == 1
    assert "does not match its content hash" in refused.output
    assert "Nothing was changed." in refused.output
    with laptop.app_context():
        assert db.session.execute(select(Facilitator)).first() is None
    assert runner.invoke(args=["workshop", "unpack", str(packed)]).exit_code == 0
    with laptop.app_context():
        _round().instrument_version.content_hash = "0" * 64
        db.session.commit()
    taken = runner.invoke(args=["workshop", "unpack", str(packed)])
    assert taken.exit_code == 1 and "join code LATER is already used here" in taken.output


def test_a_person_without_a_readable_name_imports_nothing(app, server, laptop, tmp_path):
    _carry_to_laptop(app, laptop, tmp_path)
    _answer_on_the_laptop(laptop)
    with laptop.app_context():
        content = files.read(_export(laptop, tmp_path), files.ANSWERS)
    content["people"][-1]["name"] = "\u200b " * 3
    broken = tmp_path / "broken.ftw"
    files.write(broken, files.ANSWERS, content)
    before = responses(app)
    result = app.test_cli_runner().invoke(args=["workshop", "import", str(broken)])
    assert result.exit_code == 1 and "is no name (it needs a letter" in result.output
    assert responses(app) == before

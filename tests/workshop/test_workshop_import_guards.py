"""What an import refuses or mends: a closed round, a laptop clock that ran ahead, names that
break the roster's rules, and personal links that cannot open the same answers here."""

from datetime import datetime, timedelta

from sqlalchemy import func, select

from app.extensions import db
from app.models import Facilitator, Response
from app.models.base import utcnow
from app.names import identity_key
from app.ratings import record
from app.round_facts import close_round
from app.workshop import files
from tests.tiny_round import sign_in
from tests.workshop.test_workshop_import_page import _upload
from tests.workshop.test_workshop_round_trip import (
    _answer_on_the_laptop,
    _answers,
    _carry_to_laptop,
    _export,
    _person,
    _round,
    responses,
)


def _exported(app, laptop, tmp_path) -> dict:
    _carry_to_laptop(app, laptop, tmp_path)
    _answer_on_the_laptop(laptop)
    with laptop.app_context():
        return files.read(_export(laptop, tmp_path), files.ANSWERS)


def _import(app, tmp_path, content: dict, name: str = "changed.ftw"):
    path = tmp_path / name
    files.write(path, files.ANSWERS, content)
    return app.test_cli_runner().invoke(args=["workshop", "import", str(path)])


def test_a_closed_round_takes_no_answers_until_it_is_reopened(app, server, laptop, tmp_path):
    content = _exported(app, laptop, tmp_path)
    with app.app_context():
        close_round(_round())
        db.session.commit()
    before = responses(app)
    refused = _import(app, tmp_path, content)
    assert refused.exit_code == 1, refused.output
    assert (
        "is closed here: reopen it" in refused.output and "Nothing was imported." in refused.output
    )
    assert responses(app) == before
    client = app.test_client()
    sign_in(client, "admin")
    page = _upload(client, server.later, tmp_path / "changed.ftw").text
    assert "ปิดแล้วในเครื่องนี้" in page and "ไม่ได้นำเข้าอะไรเลย" in page
    assert responses(app) == before


def test_answers_dated_in_the_future_by_the_laptop_are_dated_at_the_import(
    app, server, laptop, tmp_path
):
    content = _exported(app, laptop, tmp_path)
    future = datetime(2099, 1, 1).isoformat()
    somsri = next(r for r in content["responses"] if r["as_they_were"]["name"] == "สมศรี")
    for revision in somsri["revisions"]:
        revision["submitted_at"] = future
    started = utcnow()
    result = _import(app, tmp_path, content)
    assert result.exit_code == 0, result.output
    assert "Dated at the import, as sent after it by the laptop's clock: 2 submissions." in (
        result.output
    )
    with app.app_context():
        person = _person("สมศรี")
        times = [v.submitted_at for v in _response(person).history]
        assert times and all(started <= t <= utcnow() for t in times[-2:])
        # An answer sent to the server afterwards is the one that counts.
        record(_round(), person.id, _answers(1, 1), "server-after-import")
        db.session.commit()
        assert _response(person).ratings[0].current_level == 1


def test_answers_dated_in_the_future_keep_the_order_they_were_sent_in(
    app, server, laptop, tmp_path
):
    content = _exported(app, laptop, tmp_path)
    somsri = next(r for r in content["responses"] if r["as_they_were"]["name"] == "สมศรี")
    first, second = somsri["revisions"]  # targets 3, then 4
    # The laptop's clock says the first was sent last: that one counts, dated at the import.
    first["submitted_at"] = datetime(2099, 2, 1).isoformat()
    second["submitted_at"] = datetime(2099, 1, 1).isoformat()
    assert _import(app, tmp_path, content).exit_code == 0
    with app.app_context():
        assert {r.target_level for r in _response(_person("สมศรี")).ratings} == {3.0}


def _response(person) -> Response:
    query = select(Response).filter_by(round_id=_round().id, facilitator_id=person.id)
    return db.session.execute(query).scalar_one()


def test_names_as_they_answered_follow_the_roster_rules(app, server, laptop, tmp_path):
    content = _exported(app, laptop, tmp_path)
    manee = next(r for r in content["responses"] if r["as_they_were"]["name"] == "มานี")
    manee["as_they_were"]["name"] = "มา\x00นี\u200b"
    manee["as_they_were"]["agency"] = " กศน.\x07 "
    result = _import(app, tmp_path, content)
    assert result.exit_code == 0, result.output
    with app.app_context():
        stored = _response(_person("มานี"))
        assert (stored.name, stored.agency) == ("มา นี", "กศน.")
    for field, value, message in [
        ("name", "นาง", "is no name"),
        ("name", "ก" * 201, "longer than 200 characters"),
        ("agency", "ก" * 101, "agency longer than 100 characters"),
        ("team", "w", "unknown team w"),
        ("roles", ["boss"], "unknown role"),
    ]:
        broken = _exported_again(content, field, value)
        before = responses(app)
        refused = _import(app, tmp_path, broken, "broken.ftw")
        assert refused.exit_code == 1 and message in refused.output, (field, refused.output)
        assert responses(app) == before


def _exported_again(content: dict, field: str, value) -> dict:
    """The same file with one person's `field` (as they answered) set to `value`, and a new
    submission id so that it is not skipped as already imported."""
    import copy

    changed = copy.deepcopy(content)
    response = changed["responses"][0]
    response["as_they_were"][field] = value
    response["revisions"][-1]["submission_id"] = "another-" + field
    return changed


def test_the_report_names_whose_workshop_link_does_not_open_their_answers_here(
    app, server, laptop, tmp_path
):
    content = _exported(app, laptop, tmp_path)
    with app.app_context():
        # มานี answered on the server too, before the import: her server link stays (as
        # does สมศรี's and บุญมา's: they had answered this round on the server already).
        record(_round(), _person("มานี").id, _answers(3, 3), "server-manee")
        db.session.commit()
    result = _import(app, tmp_path, content)
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "personal link" in x)
    assert line.endswith(": มานี, สมศรี, บุญมา."), line
    # Whoever answered only at the workshop opens their answers here with the workshop's link.
    with app.app_context():
        carried = {r["as_they_were"]["name"]: r["token_hash"] for r in content["responses"]}
        assert _response(_person("นางดวงใจ มีสุข")).token_hash == carried["นางดวงใจ มีสุข"]
        assert _response(_person("มานี")).token_hash != carried["มานี"]


def test_the_upload_page_gives_its_reasons_in_thai(app, server, laptop, tmp_path):
    _carry_to_laptop(app, laptop, tmp_path)
    client = app.test_client()
    sign_in(client, "admin")
    page = _upload(client, server.later, tmp_path / "round.ftw").text
    assert "นี่เป็นไฟล์รอบ (จาก workshop pack) ไม่ใช่ไฟล์คำตอบจากเวที" in page
    assert "a round file" not in page


def test_a_laptop_clock_ahead_is_no_reason_to_refuse_a_person_added_there(
    app, server, laptop, tmp_path
):
    content = _exported(app, laptop, tmp_path)
    added = next(p for p in content["people"] if p["added_here"])
    added["created_at"] = (datetime(2099, 1, 1)).isoformat()
    result = _import(app, tmp_path, content)
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert _person(added["name"]).created_at <= utcnow() + timedelta(seconds=1)


def test_someone_renamed_on_the_server_after_the_pack_is_found_not_added_again(
    app, server, laptop, tmp_path
):
    _carry_to_laptop(app, laptop, tmp_path)
    with app.app_context():
        manee = _person("มานี")
        manee.name, manee.name_key = "มานี รักดี", identity_key("มานี รักดี")
        db.session.commit()
        roster_before = db.session.execute(select(func.count(Facilitator.id))).scalar()
    _answer_on_the_laptop(laptop)
    with laptop.app_context():
        content = files.read(_export(laptop, tmp_path), files.ANSWERS)
    result = _import(app, tmp_path, content)
    assert result.exit_code == 0, result.output
    assert "People added: 1 (นางดวงใจ มีสุข)" in result.output
    with app.app_context():
        # Only the person added at the workshop is new; มานี's answers are on her record.
        assert db.session.execute(select(func.count(Facilitator.id))).scalar() == roster_before + 1
        answered = _response(_person("มานี รักดี"))
        assert answered.name == "มานี" and answered.ratings[0].note == "จากแล็ปท็อป"


def test_an_id_that_names_someone_else_here_is_not_believed(app, server, laptop, tmp_path):
    content = _exported(app, laptop, tmp_path)
    with app.app_context():
        someone_else = _person("สมศรี").id
    manee = next(p for p in content["people"] if p["name"] == "มานี")
    manee["origin_id"] = someone_else  # made at another moment than มานี
    result = _import(app, tmp_path, content)
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert _response(_person("มานี")).ratings[0].note == "จากแล็ปท็อป"


def test_a_note_with_a_unicode_line_separator_travels_whole(app, server, laptop, tmp_path):
    _carry_to_laptop(app, laptop, tmp_path)
    note = "บรรทัดหนึ่ง\u2028บรรทัดสอง\u0085สาม\u2029"
    with laptop.app_context():
        record(_round(), _person("มานี").id, _answers(1, 2, note), "lap-separators")
    exported = tmp_path / "sep.ftw"
    result = laptop.test_cli_runner().invoke(
        args=["workshop", "export", "LATER", "-o", str(exported)]
    )
    assert result.exit_code == 0, result.output
    imported_ = app.test_cli_runner().invoke(args=["workshop", "import", str(exported)])
    assert imported_.exit_code == 0, imported_.output
    with app.app_context():
        assert _response(_person("มานี")).ratings[0].note == note


def test_indexes_and_submission_ids_that_do_not_fit_are_refused(app, server, laptop, tmp_path):
    content = _exported(app, laptop, tmp_path)
    before = responses(app)
    with app.app_context():
        # An id of a submission stored here for somebody else.
        taken = next(v.submission_id for v in _response(_person("สมศรี")).history)

    def changed(change) -> dict:
        import copy

        edited = copy.deepcopy(content)
        change(edited)
        return edited

    def set_person(c):
        c["responses"][-1]["person"] = -1

    def set_place(c):
        c["people"][0]["place"] = -1

    def long_id(c):
        c["responses"][0]["revisions"][0]["submission_id"] = "x" * 65

    def someone_elses_id(c):
        manee = next(r for r in c["responses"] if r["as_they_were"]["name"] == "มานี")
        manee["revisions"][0]["submission_id"] = taken

    def bad_time(c):
        c["responses"][0]["revisions"][0]["submitted_at"] = "yesterday"

    for change in (set_person, set_place, long_id, someone_elses_id, bad_time):
        result = _import(app, tmp_path, changed(change), "edited.ftw")
        assert result.exit_code == 1 and "the workshop file is damaged" in result.output, (
            change.__name__,
            result.output,
        )
        assert "Error(" not in result.output
        assert responses(app) == before
    client = app.test_client()
    sign_in(client, "admin")
    page = _upload(client, server.later, tmp_path / "edited.ftw").text
    assert "ไฟล์เวทีเสียหาย" in page and "ValueError" not in page


def test_a_second_import_of_a_future_dated_file_redates_nothing(app, server, laptop, tmp_path):
    content = _exported(app, laptop, tmp_path)
    for response in content["responses"]:
        for revision in response["revisions"]:
            revision["submitted_at"] = datetime(2099, 1, 1).isoformat()
    first = _import(app, tmp_path, content)
    assert "Dated at the import" in first.output
    again = _import(app, tmp_path, content)
    assert again.exit_code == 0 and "already here (skipped): 5" in again.output
    assert "Dated at the import" not in again.output

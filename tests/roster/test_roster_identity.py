"""The identity rule in the roster import: cleaned names, look-alikes never added silently,
the id column (a facilitator id, or new), and a history row for each person changed."""

import io

import pytest
from sqlalchemy import func, select

from app.demo.data import DEMO_PASSWORD
from app.extensions import db
from app.models import Facilitator, FacilitatorChange
from app.roster.load import Scope, import_roster
from app.roster.messages import describe
from app.roster.plan import ADD, LIKELY, UNCHANGED, UPDATE

HEADER = "จังหวัด,อำเภอ,ตำบล,ชื่อ,บทบาท,หน่วยงาน,ทีม"
ID_HEADER = HEADER + ",รหัส"
PLACE = "นครศรีธรรมราช,เมืองนครศรีธรรมราช"
SUNEE = "สุนีย์ ทองประเสริฐ"
ADMIN = Scope(None)


def _csv(*lines: str, header: str = HEADER) -> bytes:
    return ("\r\n".join([header, *lines]) + "\r\n").encode()


def _line(name: str, tambon="บางจาก", roles="ประสานงาน", agency="พช.", team="u", id_=None):
    quoted = '"' + name.replace('"', '""') + '"'
    cells = [PLACE, tambon, quoted, roles, agency, team] + ([] if id_ is None else [str(id_)])
    return ",".join(cells)


def _import(app, data: bytes, scope=ADMIN, dry_run=False):
    with app.app_context():
        report = import_roster(data, scope, dry_run)
        with app.test_request_context():
            messages = [(p.line, p.code, describe(p)) for p in report.problems]
        lines = [(a.row.line, a.action, a.person.id if a.person else None) for a in report.lines]
        return report, messages, lines


def _people(app) -> dict[str, list]:
    with app.app_context():
        rows = db.session.execute(select(Facilitator)).scalars()
        found: dict[str, list] = {}
        for p in rows:
            found.setdefault(p.name, []).append((p.id, p.tambon.name_th, p.roles, p.agency))
        return found


def _id(app, name: str) -> int:
    with app.app_context():
        return db.session.execute(select(Facilitator.id).filter_by(name=name)).scalar_one()


def _count(app, model=Facilitator) -> int:
    with app.app_context():
        return db.session.execute(select(func.count()).select_from(model)).scalar_one()


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_title_is_likely_the_same_person_and_never_added(app, demo, dry_run):
    before = _count(app)
    sunee = _id(app, SUNEE)
    report, problems, lines = _import(app, _csv(_line("นาง" + SUNEE)), dry_run=dry_run)
    assert lines == [(2, LIKELY, sunee)]
    if dry_run:
        assert report.ok and report.likely == 1
    else:
        assert [(line, code) for line, code, _ in problems] == [(2, "likely_same")]
        assert f"น่าจะเป็นคนเดียวกับ {SUNEE} (รหัส {sunee})" in problems[0][2]
    assert _count(app) == before and _count(app, FacilitatorChange) == 0


@pytest.mark.parametrize("name", [SUNEE.replace(" ", "  "), SUNEE + "\u200b", f" {SUNEE}\u200b "])
def test_spaces_and_invisible_characters_are_the_same_person(app, demo, name):
    before = _count(app)
    report, _problems, lines = _import(app, _csv(_line(name)))
    assert report.ok and lines == [(2, UNCHANGED, _id(app, SUNEE))]
    assert _count(app) == before and _people(app)[SUNEE][0][1] == "บางจาก"


def test_the_three_look_alikes_of_the_issue_add_nobody(app, demo):
    before = _count(app)
    data = _csv(_line("นาง" + SUNEE), _line(SUNEE.replace(" ", "  ")), _line(SUNEE + "\u200b"))
    _report, problems, _ = _import(app, data, dry_run=True)
    # One tambon, one key: the second and third lines repeat the first.
    assert [(line, code) for line, code, _ in problems] == [
        (3, "duplicate_name"),
        (4, "duplicate_name"),
    ]
    assert "บรรทัด 2" in problems[0][2]
    assert _count(app) == before


def test_a_name_of_invisible_characters_only_is_refused(app, demo):
    _, problems, _ = _import(app, _csv(_line("\u200b\u200b"), _line("\u200b \u200d")))
    assert [(line, code) for line, code, _ in problems] == [
        (2, "missing_field"),
        (3, "missing_field"),
    ]
    _report, problems, _ = _import(app, _csv(_line("\u0e31\u0e49")))  # Thai marks alone
    assert [(line, code) for line, code, _ in problems] == [(2, "no_letter")]
    assert "ไม่มีตัวอักษร" in problems[0][2]


def test_a_name_is_stored_cleaned(app, demo):
    report, _, lines = _import(app, _csv(_line(" ป้าแจ่ม\u200b   ใจดี ")))
    assert report.ok and lines[0][1] == ADD
    assert "ป้าแจ่ม ใจดี" in _people(app)


def test_the_id_column_says_this_line_is_that_person(app, demo):
    sunee = _id(app, SUNEE)
    line = _line("นาง" + SUNEE, roles="บันทึก", id_=sunee)
    report, _, lines = _import(app, _csv(line, header=ID_HEADER), dry_run=True)
    assert lines == [(2, UPDATE, sunee)]
    assert report.lines[0].changes == {
        "name": (SUNEE, "นาง" + SUNEE),
        "roles": (("coordination",), ("recording",)),
    }
    report, _problems, _ = _import(app, _csv(line, header=ID_HEADER))
    assert report.ok and report.updated == 1
    assert _people(app)["นาง" + SUNEE] == [(sunee, "บางจาก", ("recording",), "พช.")]
    assert SUNEE not in _people(app)
    with app.app_context():
        change = db.session.execute(select(FacilitatorChange)).scalar_one()
        assert (change.facilitator_id, change.action, change.by) == (
            sunee,
            "import",
            "command line",
        )
        assert change.before == {"name": SUNEE, "roles": ["coordination"]}
        assert change.after == {"name": "นาง" + SUNEE, "roles": ["recording"]}


def test_an_id_moves_a_person_to_another_tambon(app, demo):
    sunee = _id(app, SUNEE)
    line = _line(SUNEE, tambon="ท่าไร่", id_=sunee)
    report, _, lines = _import(app, _csv(line, header=ID_HEADER))
    assert report.ok and lines == [(2, UPDATE, sunee)]
    assert _people(app)[SUNEE] == [(sunee, "ท่าไร่", ("coordination",), "พช.")]
    with app.app_context():
        change = db.session.execute(select(FacilitatorChange)).scalar_one()
        assert set(change.before) == {"tambon_id"} and change.before != change.after


def test_new_adds_a_look_alike_but_never_an_identical_name(app, demo):
    before = _count(app)
    data = _csv(_line("นาง" + SUNEE, id_="ใหม่"), header=ID_HEADER)
    report, _, lines = _import(app, data)
    assert report.ok and lines == [(2, ADD, None)] and _count(app) == before + 1
    with app.app_context():
        change = db.session.execute(select(FacilitatorChange)).scalar_one()
        assert change.before is None and change.after["name"] == "นาง" + SUNEE
    data = _csv(_line(SUNEE + "\u200b", id_="new"), header=ID_HEADER)
    report, problems, _ = _import(app, data)
    assert [(line, code) for line, code, _ in problems] == [(2, "new_but_same_name")]
    assert f"รหัส {_id(app, SUNEE)}" in problems[0][2]
    assert _count(app) == before + 1


def test_a_wrong_id_is_a_problem_of_its_line(app, demo):
    tha_rai_person = _id(app, "สมชาย ใจงามยิ่ง")
    sunee = _id(app, SUNEE)
    lines = [
        _line("คนใหม่ หนึ่ง", id_="abc"),
        _line("คนใหม่ สอง", id_="999999"),
        _line("คนใหม่ สาม", id_=tha_rai_person),  # not a person bangchak may change
        _line("นายประเสริฐ  แก้วมณีวงศ์", id_=sunee),  # likely someone else's name here
        _line("คนใหม่ สี่", id_=_id(app, "วิไลวรรณ ศรีสุขสวัสดิ์")),
        _line("คนใหม่ ห้า", id_=_id(app, "วิไลวรรณ ศรีสุขสวัสดิ์")),  # the same person again
    ]
    with app.app_context():
        from app.models import Coordinator

        bangchak = db.session.execute(select(Coordinator).filter_by(username="bangchak"))
        tambons = {t.id for t in bangchak.scalar_one().tambons}
    _, problems, _ = _import(app, _csv(*lines, header=ID_HEADER), Scope(tambons))
    assert [(line, code) for line, code, _ in problems] == [
        (2, "bad_id"),
        (3, "unknown_id"),
        (4, "unknown_id"),
        (5, "name_taken"),
        (7, "person_twice"),
    ]
    assert "บรรทัดที่ 6" in problems[-1][2]


def test_the_web_import_records_who_imported(app, client, demo):
    assert client.post("/signin", data={"username": "bangchak", "password": DEMO_PASSWORD})
    upload = {"file": (io.BytesIO(_csv(_line("ป้าแจ่ม ใจดี"))), "roster.csv")}
    assert client.post("/roster/import", data=upload).status_code == 302
    with app.app_context():
        change = db.session.execute(select(FacilitatorChange)).scalar_one()
        person = db.session.get(Facilitator, change.facilitator_id)
        assert (person.name, change.by, change.action) == ("ป้าแจ่ม ใจดี", "bangchak", "import")
        assert change.coordinator_id is not None


def test_the_english_id_column_and_its_new_word(app, demo):
    header = "province,district,tambon,name,roles,agency,team,id"
    report, _, lines = _import(app, _csv(_line("Mrs " + SUNEE, id_="NEW"), header=header))
    assert report.ok and lines == [(2, ADD, None)]


def test_every_invisible_format_character_is_cleaned_away():
    import sys
    import unicodedata

    from app.names import clean_name

    invisible = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    assert len(invisible) > 100
    assert clean_name("ก".join(invisible)) == "ก" * (len(invisible) - 1)


def test_a_deactivated_person_is_matched_and_the_dry_run_says_so(app, demo):
    with app.app_context():
        person = db.session.get(Facilitator, _id(app, SUNEE))
        person.active = False
        db.session.commit()
    with app.app_context(), app.test_request_context():
        from app.roster.messages import describe_line

        report = import_roster(_csv(_line(SUNEE)), ADMIN, dry_run=True)
        assert [line.action for line in report.lines] == [UNCHANGED]
        assert describe_line(report.lines[0]) == "คงเดิม (ถูกปิดใช้งานอยู่ จะไม่แสดงในรายชื่อใด)"

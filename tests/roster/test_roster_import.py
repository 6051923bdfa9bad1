"""Roster import: the whole file or nothing, each bad line reported with its line number."""

import io

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Facilitator, Tambon
from app.roster.load import Scope, import_roster
from app.roster.messages import describe
from tests import builders

PASSWORD = "correct horse battery"
EN_HEADER = "province,district,tambon,name,roles,agency,team"
TH_HEADER = "จังหวัด,อำเภอ,ตำบล,ชื่อ,บทบาท,หน่วยงาน,ทีม"
ADMIN = Scope(None)


@pytest.fixture
def places(app):
    """Tambons บางจาก and ท่าไร่ in district เมืองนครศรีธรรมราช; accounts admin and local."""
    with app.app_context():
        bang_chak = builders.tambon("บางจาก", "Bang Chak")
        district = bang_chak.district
        district.name_th, district.name_en = "เมืองนครศรีธรรมราช", "Mueang Nakhon Si Thammarat"
        district.province.name_th, district.province.name_en = "นครศรีธรรมราช", "Nakhon Si Thammarat"
        tha_rai = Tambon(district=district, name_th="ท่าไร่", name_en="Tha Rai")
        db.session.add(tha_rai)
        builders.coordinator("admin", PASSWORD, admin=True)
        builders.coordinator("local", PASSWORD, places=[bang_chak])
        db.session.commit()
        return {"บางจาก": bang_chak.id, "ท่าไร่": tha_rai.id}


def _csv(*lines: str, header: str = TH_HEADER, bom: bool = False) -> bytes:
    text = "\r\n".join([header, *lines]) + "\r\n"
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8")


GOOD = (
    "นครศรีธรรมราช,เมืองนครศรีธรรมราช,บางจาก,สุนีย์ ทองประเสริฐ,ประสานงาน,พช.,u",
    'จ.นครศรีธรรมราช,อ.เมืองนครศรีธรรมราช,ต.ท่าไร่,สมชาย ใจงามยิ่ง,"นำกระบวนการประชุม; coordination",'
    "เครือข่ายออมทรัพย์,U",
    'Nakhon Si Thammarat,Mueang Nakhon Si Thammarat,Bang Chak,=HYPERLINK("http://x"),Recording,,',
)


def _people(app) -> dict[str, tuple]:
    with app.app_context():
        found = db.session.execute(select(Facilitator)).scalars()
        return {p.name: (p.tambon.name_th, p.roles, p.agency, p.team) for p in found}


def _count(app) -> int:
    with app.app_context():
        return db.session.execute(select(func.count(Facilitator.id))).scalar()


def _import(app, data: bytes, scope=ADMIN, dry_run=False):
    with app.app_context():
        return import_roster(data, scope, dry_run)


@pytest.mark.parametrize(
    ("header", "bom"),
    [(TH_HEADER, False), (TH_HEADER, True), (EN_HEADER, False), (EN_HEADER, True)],
)
def test_a_good_file_is_imported_with_or_without_bom_thai_or_english(app, places, header, bom):
    report = _import(app, _csv(*GOOD, header=header, bom=bom))
    assert report.ok and (report.added, report.updated) == (3, 0)
    assert _people(app) == {
        "สุนีย์ ทองประเสริฐ": ("บางจาก", ("coordination",), "พช.", "u"),
        "สมชาย ใจงามยิ่ง": ("ท่าไร่", ("coordination", "meeting_process"), "เครือข่ายออมทรัพย์", "u"),
        '=HYPERLINK("http://x")': ("บางจาก", ("recording",), "", None),  # the literal text
    }


def test_columns_in_another_order_and_extra_columns_are_fine(app, places):
    header = "ลำดับ,ชื่อ,ทีม,บทบาท,หน่วยงาน,ตำบล,อำเภอ,จังหวัด"
    data = _csv("1,ป้าแจ่ม ใจดี,v,บันทึก,กศน.,บางจาก,เมืองนครศรีธรรมราช,นครศรีธรรมราช", header=header)
    assert _import(app, data).added == 1
    assert _people(app)["ป้าแจ่ม ใจดี"] == ("บางจาก", ("recording",), "กศน.", "v")


def test_importing_again_updates_and_does_not_duplicate(app, places):
    _import(app, _csv(*GOOD))
    changed = GOOD[0].replace("ประสานงาน,พช.,u", "บันทึก;ประสานงาน,อบต.บางจาก,v")
    report = _import(app, _csv(changed, GOOD[1]))
    assert (report.added, report.updated, report.unchanged) == (0, 1, 1)
    assert _count(app) == 3
    assert _people(app)["สุนีย์ ทองประเสริฐ"] == (
        "บางจาก", ("coordination", "recording"), "อบต.บางจาก", "v",
    )  # fmt: skip


BAD_LINES = [
    # (line as written, the problem code, what the message says)
    ("นครศรีธรรมราช,เมืองนครศรีธรรมราช,บางจาก,,ประสานงาน,พช.,u", "missing_field", "ชื่อ"),
    ("นครศรีธรรมราช,เมืองนครศรีธรรมราช,บางแก้ว,คนที่หนึ่ง,ประสานงาน,พช.,u", "unknown_tambon", "บางแก้ว"),
    ("นครศรีธรรมราช,เมืองนครศรีธรรมราช,บางจาก,คนที่สอง,หัวหน้า,พช.,u", "unknown_role", "หัวหน้า"),
    ("นครศรีธรรมราช,เมืองนครศรีธรรมราช,บางจาก,คนที่สาม,บันทึก,พช.,x", "bad_team", "x"),
    ("นครศรีธรรมราช,เมืองนครศรีธรรมราช,บางจาก,คนที่สี่,บันทึก,พช.", "cell_count", "6"),
    ("นครศรีธรรมราช,เมืองนครศรีธรรมราช,บางจาก," + "ก" * 201 + ",บันทึก,พช.,u", "too_long", "200"),
    ("สงขลา,หาดใหญ่,คลองแห,คนที่ห้า,บันทึก,พช.,u", "unknown_province", "สงขลา"),
    ("นครศรีธรรมราช,เมืองนครศรีธรรมราช,ตำบลบางจาก,สุนีย์ ทองประเสริฐ,บันทึก,,", "duplicate_name", "2"),
]


def test_each_bad_line_is_reported_with_its_line_number_and_nothing_is_written(app, places):
    data = _csv(GOOD[0], *[line for line, _, _ in BAD_LINES])
    report = _import(app, data)
    found = [(p.line, p.code) for p in report.problems]
    assert found == [(n, code) for n, (_, code, _) in enumerate(BAD_LINES, start=3)]
    with app.test_request_context():  # Thai, the default language
        messages = [describe(p) for p in report.problems]
    assert all(word in message for message, (_, _, word) in zip(messages, BAD_LINES))
    assert _count(app) == 0


def test_a_quoted_line_break_does_not_shift_the_line_numbers_the_spreadsheet_shows(app, places):
    data = _csv(
        'นครศรีธรรมราช,เมืองนครศรีธรรมราช,บางจาก,ป้าแจ่ม ใจดี,บันทึก,"กองทุน\nหมู่ 7",u',
        "นครศรีธรรมราช,เมืองนครศรีธรรมราช,บางจาก,ลุงเปลี่ยน,ครู,พช.,u",
    )
    assert [(p.line, p.code) for p in _import(app, data).problems] == [(3, "unknown_role")]


def test_a_cp874_file_is_refused_with_a_clear_message(app, places):
    data = "\r\n".join([TH_HEADER, GOOD[0]]).encode("cp874")
    report = _import(app, data)
    assert [(p.line, p.code) for p in report.problems] == [(0, "not_utf8")]
    with app.test_request_context():
        assert "CSV UTF-8" in describe(report.problems[0])
    assert _count(app) == 0


def test_a_header_without_the_columns_is_refused(app, places):
    report = _import(app, _csv(GOOD[0], header="จังหวัด,อำเภอ,ตำบล,ชื่อ"))
    assert [(p.line, p.code) for p in report.problems] == [(1, "missing_columns")]
    with app.test_request_context():
        assert "บทบาท" in describe(report.problems[0])  # the missing column, in Thai


def test_a_coordinator_imports_only_into_their_tambons(app, places):
    scope = Scope({places["บางจาก"]})
    report = _import(app, _csv(*GOOD[:2]), scope)
    assert [(p.line, p.code) for p in report.problems] == [(3, "not_your_tambon")]
    assert _count(app) == 0
    assert _import(app, _csv(GOOD[0]), scope).added == 1


def test_new_places_only_when_asked(app, places):
    line = "สงขลา,หาดใหญ่,คลองแห,คนที่ห้า,บันทึก,พช.,u"
    assert _import(app, _csv(line)).problems[0].code == "unknown_province"
    report = _import(app, _csv(line, line.replace("คนที่ห้า", "คนที่หก")), Scope(None, True))
    assert report.ok and (report.added, report.places_created) == (2, 3)
    assert _people(app)["คนที่หก"][0] == "คลองแห"


def test_a_dry_run_reports_and_writes_nothing(app, places):
    report = _import(app, _csv(*GOOD), dry_run=True)
    assert report.ok and report.added == 3 and _count(app) == 0


def _upload(client, data: bytes, **fields):
    form = {"file": (io.BytesIO(data), "roster.csv"), **fields}
    return client.post("/roster/import", data=form, content_type="multipart/form-data")


def _sign_in(client, username):
    assert (
        client.post("/signin", data={"username": username, "password": PASSWORD}).status_code == 302
    )


def test_the_page_needs_a_signed_in_coordinator(app, client, places):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("roster."):
            response = client.get(rule.rule)
            assert response.status_code == 302 and "/signin" in response.headers["Location"]
    assert _upload(client, _csv(GOOD[0])).status_code == 302
    assert _count(app) == 0


def test_uploading_a_good_file_says_how_many_were_added(app, client, places):
    _sign_in(client, "local")
    response = _upload(client, _csv(GOOD[0]))
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).text
    assert "เพิ่ม 1 คน" in page
    assert _people(app)["สุนีย์ ทองประเสริฐ"][0] == "บางจาก"


def test_uploading_a_bad_file_lists_the_lines_in_the_users_language(app, client, places):
    _sign_in(client, "local")
    client.post("/lang", data={"lang": "en", "next": "/"})
    page = _upload(client, _csv(GOOD[0], GOOD[1], BAD_LINES[2][0])).text
    assert "2 problems in the file: nothing was imported." in page
    assert "Line 3" in page and "Tambon “ต.ท่าไร่” is not one of your tambons." in page
    assert "Line 4" in page and "Unknown role “หัวหน้า”" in page
    assert _count(app) == 0


def test_only_an_admin_sees_and_may_use_the_create_places_box(app, client, places):
    line = "สงขลา,หาดใหญ่,คลองแห,คนที่ห้า,บันทึก,พช.,u"
    _sign_in(client, "local")
    assert "create_places" not in client.get("/roster/import").text
    _upload(client, _csv(line), create_places="y")
    assert _count(app) == 0
    client.post("/signout")
    _sign_in(client, "admin")
    assert "create_places" in client.get("/roster/import").text
    assert _upload(client, _csv(line), create_places="y").status_code == 302
    assert _count(app) == 1


def test_the_cli_imports_and_reports(app, runner, places, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes(_csv(*GOOD, bom=True))
    dry = runner.invoke(args=["roster", "import", str(path), "--dry-run", "--lang", "en"])
    assert dry.exit_code == 0 and "would add 3 facilitators" in dry.output and _count(app) == 0
    done = runner.invoke(args=["roster", "import", str(path), "--lang", "en"])
    assert done.exit_code == 0 and "3 facilitators added" in done.output and _count(app) == 3
    path.write_bytes(_csv(BAD_LINES[1][0]))
    bad = runner.invoke(args=["roster", "import", str(path), "--lang", "en"])
    assert bad.exit_code == 1 and "Line 2: Unknown tambon “บางแก้ว”" in bad.output

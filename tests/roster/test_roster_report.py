"""The import's full report: every problem of every line at once, the first 200 listed with
the total, long cells and large files answered with a message, and the dry run's table of
what each line would do (page and command line)."""

import io

import pytest
from sqlalchemy import func, select

from app.demo.data import DEMO_PASSWORD
from app.extensions import db
from app.models import Facilitator
from app.roster.load import Scope, import_roster
from app.roster.messages import LIST_PROBLEMS, listed_problems, more_problems
from app.roster.plan import ADD, LIKELY, UNCHANGED, UPDATE
from tests.html_tables import table

HEADER = "จังหวัด,อำเภอ,ตำบล,ชื่อ,บทบาท,หน่วยงาน,ทีม"
PLACE = "นครศรีธรรมราช,เมืองนครศรีธรรมราช"
ADMIN = Scope(None)


def _csv(*lines: str, header: str = HEADER) -> bytes:
    return ("\r\n".join([header, *lines]) + "\r\n").encode()


def _count(app) -> int:
    with app.app_context():
        return db.session.execute(select(func.count(Facilitator.id))).scalar_one()


def _sign_in(client, username: str = "bangchak"):
    data = {"username": username, "password": DEMO_PASSWORD}
    assert client.post("/signin", data=data).status_code == 302


def _upload(client, data: bytes, **fields):
    """A multipart upload, encoded here: the test client would spool a large one to a file
    that stays open when the request is refused."""
    boundary = "roster-report-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\n'
    parts.append(head.encode() + b"Content-Type: text/csv\r\n\r\n" + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    kind = f"multipart/form-data; boundary={boundary}"
    return client.post("/roster/import", data=body, content_type=kind)


def test_every_problem_of_a_line_is_reported_at_once(app, demo):
    lines = [
        f"{PLACE},บางแก้ว,คนที่หนึ่ง ทดสอบ,ประสานงาน,พช.,x",  # wrong tambon and wrong team
        f"{PLACE},บางจาก,,หัวหน้า,{'ก' * 101},w",  # no name, unknown role, long agency, team
        "สงขลา,หาดใหญ่,คลองแห,\u200b,บันทึก,,u",  # unknown province, no name
    ]
    with app.app_context():
        report = import_roster(_csv(*lines), ADMIN)
    assert [(p.line, p.code) for p in report.problems] == [
        (2, "bad_team"),
        (2, "unknown_tambon"),
        (3, "missing_field"),
        (3, "too_long"),
        (3, "unknown_role"),
        (3, "bad_team"),
        (4, "missing_field"),
        (4, "unknown_province"),
    ]
    assert _count(app) == 11


def test_the_page_shows_both_problems_of_one_line(app, client, demo):
    _sign_in(client)
    page = _upload(client, _csv(f"{PLACE},บางแก้ว,คนที่หนึ่ง ทดสอบ,ประสานงาน,พช.,x")).text
    rows = table(page, "problem-list")[1:]
    assert rows == [
        ["บรรทัดที่ 2", "ทีมต้องเป็น u, v หรือเว้นว่าง ไม่ใช่ “x”"],
        ["บรรทัดที่ 2", "ไม่พบตำบล “บางแก้ว” ในอำเภอ “เมืองนครศรีธรรมราช”"],
    ]
    assert "พบปัญหา 2 จุดในไฟล์ ยังไม่ได้นำเข้าข้อมูลใดเลย" in page


def _wrong_file(lines: int) -> bytes:
    """`lines` lines, each naming a tambon that does not exist."""
    body = "".join(f"{PLACE},ไม่มีตำบลนี้,คนที่ {n},บันทึก,,u\r\n" for n in range(lines))
    return (HEADER + "\r\n" + body).encode()


def test_seventy_thousand_wrong_lines_are_all_counted_and_200_listed(app, demo):
    with app.app_context():
        report = import_roster(_wrong_file(70_000), ADMIN)
        with app.test_request_context():
            listed, more = listed_problems(report)
            more_text = more_problems(more)
    assert len(report.problems) == 70_000 and {p.code for p in report.problems} == {
        "unknown_tambon"
    }
    assert len(listed) == LIST_PROBLEMS == 200
    assert listed[0][0] == "บรรทัดที่ 2" and listed[-1][0] == "บรรทัดที่ 201"
    assert more == 69_800 and more_text == "และปัญหาอีก 69,800 จุด"
    assert _count(app) == 11


def test_the_page_lists_200_problems_and_counts_the_rest(app, client, demo):
    _sign_in(client, "admin")
    page = _upload(client, _wrong_file(1_000)).text
    assert len(table(page, "problem-list")) == 1 + 200
    assert "และปัญหาอีก 800 จุด" in page
    assert "พบปัญหา 1,000 จุดในไฟล์ ยังไม่ได้นำเข้าข้อมูลใดเลย" in page


@pytest.mark.parametrize("length", [131_072, 200_000])
def test_a_cell_longer_than_the_csv_limit_gets_a_message(app, client, demo, length):
    _sign_in(client)
    name = "ก" * length
    page = _upload(client, _csv(f"{PLACE},บางจาก,{name},บันทึก,,u"))
    assert page.status_code == 200
    assert "ชื่อยาวเกิน 200 ตัวอักษร" in page.text
    assert name not in page.text


def test_a_line_that_is_one_huge_cell_gets_a_message(app, client, demo):
    _sign_in(client)
    page = _upload(client, _csv('"' + "ข" * 200_000))  # an unclosed quote: one cell
    assert page.status_code == 200
    assert "บรรทัดนี้มี 1 ช่อง แต่บรรทัดแรกมี 7 ช่อง" in page.text
    assert "ข" * 100 not in page.text


def test_a_role_cell_of_words_quoted_back_is_cut(app, demo):
    with app.app_context():
        report = import_roster(_csv(f"{PLACE},บางจาก,คนหนึ่ง,{'ค' * 150},,u"), ADMIN)
        with app.test_request_context():
            listed, _ = listed_problems(report)
    assert [p.code for p in report.problems] == ["unknown_role"]
    assert "ค" * 79 + "…" in listed[0][1] and "ค" * 80 not in listed[0][1]


def test_a_file_over_the_upload_limit_gets_a_message_in_the_page(app, client, demo):
    _sign_in(client)
    response = _upload(client, _wrong_file(20_000))  # about 1.7 MB
    assert response.status_code == 413
    assert "ไฟล์ต้องมีขนาดไม่เกิน 1 MB" in response.text
    assert 'name="file"' in response.text  # the form again, to choose a smaller file
    assert _count(app) == 11


def test_over_the_limit_without_signing_in_is_the_plain_refusal(app, client, demo):
    response = _upload(client, _wrong_file(20_000))
    assert response.status_code == 413 and 'name="file"' not in response.text


DRY_RUN = [
    f"{PLACE},บางจาก,ป้าแจ่ม ใจดี,บันทึก,กศน.,v",  # add
    f"{PLACE},บางจาก,สุนีย์ ทองประเสริฐ,บันทึก,พช.,v",  # update: roles and team
    f"{PLACE},บางจาก,วิไลวรรณ  ศรีสุขสวัสดิ์,บันทึก,กศน.,u",  # unchanged
    f"{PLACE},บางจาก,นายประเสริฐ แก้วมณีวงศ์,นำกระบวนการประชุม,อบต.บางจาก,u",  # likely
]


def test_the_dry_run_says_what_each_line_would_do(app, demo):
    with app.app_context():
        report = import_roster(_csv(*DRY_RUN), ADMIN, dry_run=True)
        actions = [(a.row.line, a.action, a.person and a.person.name) for a in report.lines]
        changes = report.lines[1].changes
    assert actions == [
        (2, ADD, None),
        (3, UPDATE, "สุนีย์ ทองประเสริฐ"),
        (4, UNCHANGED, "วิไลวรรณ ศรีสุขสวัสดิ์"),
        (5, LIKELY, "ประเสริฐ แก้วมณีวงศ์"),
    ]
    assert changes == {"roles": (("coordination",), ("recording",)), "team": ("u", "v")}
    assert report.ok and _count(app) == 11


def test_the_dry_run_page_shows_the_table(app, client, demo):
    _sign_in(client)
    response = _upload(client, _csv(*DRY_RUN), check_only="y")
    assert response.status_code == 200
    rows = table(response.text, "line-actions")[1:]
    with app.app_context():
        ids = {p.name: p.id for p in db.session.execute(select(Facilitator)).scalars()}
    assert rows == [
        ["2", "ป้าแจ่ม ใจดี", "บางจาก", "เพิ่ม"],
        ["3", "สุนีย์ ทองประเสริฐ", "บางจาก",
         f"แก้ไข (รหัส {ids['สุนีย์ ทองประเสริฐ']}): บทบาท: ประสานงาน → บันทึก; ทีม: u → v"],
        ["4", "วิไลวรรณ ศรีสุขสวัสดิ์", "บางจาก", "คงเดิม"],
        ["5", "นายประเสริฐ แก้วมณีวงศ์", "บางจาก",
         f"น่าจะเป็นคนเดียวกับ ประเสริฐ แก้วมณีวงศ์ (รหัส {ids['ประเสริฐ แก้วมณีวงศ์']}) "
         "การนำเข้าจริงจะไม่รับบรรทัดนี้ จนกว่าคอลัมน์รหัสจะระบุว่าหมายถึงใคร"],
    ]  # fmt: skip
    assert "เพิ่ม 1 คน แก้ไข 1 คน คงเดิม 1 คน น่าจะเป็นคนเดียวกับคนที่มีในรายชื่อแล้ว 1 คน" in (response.text)
    assert _count(app) == 11


def test_a_long_dry_run_shows_the_first_500_lines_and_the_counts(app, client, demo):
    _sign_in(client)
    lines = [f"{PLACE},บางจาก,คนที่ {n} ทดสอบ,บันทึก,,u" for n in range(600)]
    page = _upload(client, _csv(*lines), check_only="y").text
    assert len(table(page, "line-actions")) == 1 + 500
    assert "แสดง 500 บรรทัดแรก จากทั้งหมด 600 บรรทัด" in page
    assert "เพิ่ม 600 คน" in page


def test_the_cli_dry_run_prints_every_line(app, runner, demo, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes(_csv(*DRY_RUN))
    result = runner.invoke(args=["roster", "import", str(path), "--dry-run", "--lang", "en"])
    assert result.exit_code == 0, result.output
    out = result.output.splitlines()
    assert out[0] == "2\tป้าแจ่ม ใจดี\tบางจาก\tAdd"
    assert out[1].startswith("3\tสุนีย์ ทองประเสริฐ\tบางจาก\tUpdate (id ")
    assert out[1].endswith("roles: Coordination → Recording; team: u → v")
    assert out[2] == "4\tวิไลวรรณ ศรีสุขสวัสดิ์\tบางจาก\tUnchanged"
    assert out[3].startswith("5\tนายประเสริฐ แก้วมณีวงศ์\tบางจาก\tLikely the same person as ")
    assert "1 lines are likely the same person" in out[4]
    assert _count(app) == 11
    real = runner.invoke(args=["roster", "import", str(path), "--lang", "en"])
    assert real.exit_code == 1 and "Line 5: Likely the same person as ประเสริฐ" in real.output
    assert _count(app) == 11


def test_a_repeated_value_in_the_post_is_not_a_server_error(app, client, demo):
    _sign_in(client)
    first = (io.BytesIO(_csv(DRY_RUN[0])), "a.csv")
    second = (io.BytesIO(_csv(DRY_RUN[0].replace("ป้าแจ่ม", "ลุงเปลี่ยน"))), "b.csv")
    form = {"file": [first, second], "check_only": ["y", "y"]}
    response = client.post("/roster/import", data=form, content_type="multipart/form-data")
    assert response.status_code == 200 and "ป้าแจ่ม ใจดี" in response.text
    assert _count(app) == 11

"""Places on the admin page: one reading of จ./อ./ต. prefixes and "เมือง", Thai order,
grouped by district, and renaming a tambon."""

import io

import pytest
from sqlalchemy import func, select

from app.demo.data import DEMO_PASSWORD
from app.extensions import db
from app.models import District, Facilitator, Province, Response, Tambon
from app.names import district_name
from tests.html_tables import table

PROVINCE = "นครศรีธรรมราช"
CAPITAL = "เมืองนครศรีธรรมราช"


def sign_in(client, username: str) -> None:
    data = {"username": username, "password": DEMO_PASSWORD}
    assert client.post("/signin", data=data).status_code == 302


@pytest.fixture
def admin(client, demo):
    sign_in(client, "admin")
    return client


def _count(app, model) -> int:
    with app.app_context():
        return db.session.execute(select(func.count()).select_from(model)).scalar_one()


def _tambons(app) -> dict[str, tuple[str, str]]:
    """Tambon Thai name -> (district, province), as stored."""
    with app.app_context():
        found = db.session.execute(select(Tambon)).scalars()
        return {t.name_th: (t.district.name_th, t.district.province.name_th) for t in found}


def _add(client, province: str, district: str, tambon: str, **english):
    data = {"province_th": province, "district_th": district, "tambon_th": tambon, **english}
    return client.post("/admin/tambons", data=data)


def test_district_name_reads_mueang_as_the_provinces_capital_district():
    assert district_name("เมือง", PROVINCE) == CAPITAL
    assert district_name("อ.เมือง", "จ.นครศรีธรรมราช") == CAPITAL
    assert district_name("อำเภอเมือง", PROVINCE) == CAPITAL
    assert district_name("อ.เมืองนครศรีธรรมราช", PROVINCE) == CAPITAL
    assert district_name("อ.เมือง นครศรีธรรมราช", PROVINCE) == CAPITAL
    assert district_name("เมืองใหม่", PROVINCE) == "เมืองใหม่"
    assert district_name("Mueang", "Nakhon Si Thammarat") == "Mueang Nakhon Si Thammarat"
    assert district_name("ท่าศาลา", PROVINCE) == "ท่าศาลา"


@pytest.mark.parametrize(
    ("province", "district"),
    [
        ("จ.นครศรีธรรมราช", "อ.เมืองนครศรีธรรมราช"),
        ("จังหวัดนครศรีธรรมราช", "อำเภอเมืองนครศรีธรรมราช"),
        ("จังหวัด นครศรีธรรมราช", "เมือง"),
        (" นครศรีธรรมราช\u200b", "อ.เมือง"),
    ],
)
def test_prefixed_names_find_the_existing_province_and_district(app, admin, province, district):
    provinces, districts = _count(app, Province), _count(app, District)
    response = _add(admin, province, district, "ต.ท่าวัง")
    assert response.status_code == 302
    assert (_count(app, Province), _count(app, District)) == (provinces, districts)
    assert _tambons(app)["ท่าวัง"] == (CAPITAL, PROVINCE)  # stored without the prefix


def test_a_new_province_and_district_are_stored_without_prefixes(app, admin):
    assert _add(admin, "จ.สงขลา", "อำเภอหาดใหญ่", "ตำบลคลองแห").status_code == 302
    assert _tambons(app)["คลองแห"] == ("หาดใหญ่", "สงขลา")
    assert _add(admin, "จังหวัดสงขลา", "เมือง", "บ่อยาง").status_code == 302
    assert _tambons(app)["บ่อยาง"] == ("เมืองสงขลา", "สงขลา")  # "เมือง" + the province
    assert _add(admin, "สงขลา", "อ.เมือง", "เขารูปช้าง").status_code == 302
    assert _tambons(app)["เขารูปช้าง"] == ("เมืองสงขลา", "สงขลา")
    with app.app_context():
        assert db.session.execute(select(func.count(Province.id))).scalar() == 2


def test_a_tambon_already_there_is_refused_in_any_spelling(app, admin):
    tambons = _count(app, Tambon)
    page = _add(admin, "จ.นครศรีธรรมราช", "อ.เมือง", "ต.บางจาก").text
    assert 'id="tambon_th-error">อำเภอนี้มีตำบลชื่อนี้อยู่แล้ว' in page
    assert _count(app, Tambon) == tambons


def test_a_name_of_invisible_characters_is_no_name(app, admin):
    page = _add(admin, PROVINCE, CAPITAL, "\u200b\u200b").text
    assert 'id="tambon_th-error"' in page
    assert _count(app, Tambon) == 3


def test_the_tambons_page_lists_places_grouped_in_thai_order(app, admin):
    for province, district, tambon in [
        ("แพร่", "เด่นชัย", "ไทรย้อย"),
        ("กระบี่", "เหนือคลอง", "เกาะศรีบอยา"),
        ("กระบี่", "เกาะลันตา", "ใสหงาย"),
        ("กระบี่", "เกาะลันตา", "คลองยาง"),
    ]:
        assert _add(admin, province, district, tambon).status_code == 302
    rows = table(admin.get("/admin/tambons").text, "places")
    groups = [r[0] for r in rows if len(r) == 1]
    # Leading vowels sort with their consonant: เกาะ with ก, แพร่ with พ, เหนือ with น.
    assert groups == ["กระบี่ › เกาะลันตา", "กระบี่ › เหนือคลอง", f"{PROVINCE} › {CAPITAL}",
                      "แพร่ › เด่นชัย"]  # fmt: skip
    lanta = rows.index(["กระบี่ › เกาะลันตา"])
    assert [r[0] for r in rows[lanta + 1 : lanta + 3]] == ["คลองยาง", "ใสหงาย"]
    capital = rows.index([f"{PROVINCE} › {CAPITAL}"])
    assert [r[0] for r in rows[capital + 1 : capital + 4]] == ["ท่าไร่", "บางจาก", "มะม่วงสองต้น"]


def _tambon_id(app, name: str) -> int:
    with app.app_context():
        return db.session.execute(select(Tambon.id).filter_by(name_th=name)).scalar_one()


def test_renaming_a_tambon_keeps_its_people_and_answers(app, admin):
    tambon_id = _tambon_id(app, "บางจาก")
    with app.app_context():
        people = set(db.session.execute(select(Facilitator.id).filter_by(tambon_id=tambon_id)))
        answers = set(db.session.execute(select(Response.id).filter_by(tambon_id=tambon_id)))
    assert "บางจาก" in admin.get(f"/admin/tambons/{tambon_id}/rename").text
    data = {"name_th": "ต.บางจากใหม่", "name_en": " Bang Chak  Mai "}
    response = admin.post(f"/admin/tambons/{tambon_id}/rename", data=data)
    assert response.status_code == 302
    assert "เปลี่ยนชื่อตำบลบางจากเป็นบางจากใหม่แล้ว" in admin.get("/admin/tambons").text
    with app.app_context():
        tambon = db.session.get(Tambon, tambon_id)
        assert (tambon.name_th, tambon.name_en) == ("บางจากใหม่", "Bang Chak Mai")
        assert set(db.session.execute(select(Facilitator.id).filter_by(tambon_id=tambon_id))) == (
            people
        )
        assert set(db.session.execute(select(Response.id).filter_by(tambon_id=tambon_id))) == (
            answers
        )
    assert people and answers


def test_renaming_to_a_name_the_district_has_is_refused(app, admin):
    tambon_id = _tambon_id(app, "บางจาก")
    page = admin.post(f"/admin/tambons/{tambon_id}/rename", data={"name_th": "ตำบลท่าไร่"}).text
    assert 'id="name_th-error">อำเภอนี้มีตำบลชื่อนี้อยู่แล้ว' in page
    assert _tambons(app)["บางจาก"] == (CAPITAL, PROVINCE)
    # Its own name, in another spelling, is fine.
    data = {"name_th": "ต.บางจาก", "name_en": "Bang Chak"}
    assert admin.post(f"/admin/tambons/{tambon_id}/rename", data=data).status_code == 302


def test_rename_bad_input_gets_a_message_or_a_404(app, admin):
    tambon_id = _tambon_id(app, "บางจาก")
    assert admin.get("/admin/tambons/99999/rename").status_code == 404
    assert admin.post("/admin/tambons/99999/rename", data={"name_th": "x"}).status_code == 404
    page = admin.post(f"/admin/tambons/{tambon_id}/rename", data={"name_th": " "}).text
    assert 'id="name_th-error">' in page
    page = admin.post(
        f"/admin/tambons/{tambon_id}/rename", data={"name_th": "ก" * 101, "name_en": ""}
    ).text
    assert 'id="name_th-error">' in page
    # A repeated value: the first is read.
    data = {"name_th": ["ใหม่หนึ่ง", "ใหม่สอง"], "name_en": ["a", "b"]}
    assert admin.post(f"/admin/tambons/{tambon_id}/rename", data=data).status_code == 302
    assert "ใหม่หนึ่ง" in _tambons(app)


def test_a_coordinator_cannot_rename(app, client, demo):
    sign_in(client, "bangchak")
    tambon_id = _tambon_id(app, "บางจาก")
    assert (
        client.post(f"/admin/tambons/{tambon_id}/rename", data={"name_th": "x"}).status_code == 403
    )
    assert "บางจาก" in _tambons(app)


def test_the_import_finds_a_tambon_added_with_prefixes_in_either_spelling(app, admin):
    assert _add(admin, "จ.นครศรีธรรมราช", "อ.เมือง", "ต.ท่าวัง").status_code == 302
    header = "จังหวัด,อำเภอ,ตำบล,ชื่อ,บทบาท,หน่วยงาน,ทีม\r\n"
    lines = [
        "นครศรีธรรมราช,เมืองนครศรีธรรมราช,ท่าวัง,คนที่หนึ่ง ทดสอบ,บันทึก,,u",
        "จ.นครศรีธรรมราช,อ.เมือง,ต.ท่าวัง,คนที่สอง ทดสอบ,บันทึก,,u",
        "จังหวัดนครศรีธรรมราช,เมือง,ตำบลท่าวัง,คนที่สาม ทดสอบ,บันทึก,,u",
    ]
    data = (header + "\r\n".join(lines)).encode()
    upload = {"file": (io.BytesIO(data), "roster.csv")}
    response = admin.post("/roster/import", data=upload, content_type="multipart/form-data")
    assert response.status_code == 302
    with app.app_context():
        tambon = db.session.execute(select(Tambon).filter_by(name_th="ท่าวัง")).scalar_one()
        names = db.session.execute(select(Facilitator.name).filter_by(tambon_id=tambon.id))
        assert set(names.scalars()) == {"คนที่หนึ่ง ทดสอบ", "คนที่สอง ทดสอบ", "คนที่สาม ทดสอบ"}
    assert _count(app, Province) == 1

"""Admin pages: adding tambons, creating accounts, deactivating, setting a new password."""

from sqlalchemy import func, select

from app.extensions import db
from app.models import Coordinator, District, Province, Tambon
from tests.html_tables import table
from tests.tiny_round import PASSWORD, sign_in

NEW_TAMBON = {"province_th": "นครศรีธรรมราช", "province_en": "Nakhon Si Thammarat",
              "district_th": "เมืองนครศรีธรรมราช", "district_en": "Mueang",
              "tambon_th": "ท่าไร่", "tambon_en": "Tha Rai"}  # fmt: skip


def _count(app, model) -> int:
    with app.app_context():
        return db.session.execute(select(func.count()).select_from(model)).scalar_one()


def test_an_admin_adds_a_tambon_with_its_district_and_province(app, as_admin, tiny):
    provinces = _count(app, Province)
    response = as_admin.post("/admin/tambons", data=NEW_TAMBON)
    assert response.status_code == 302
    page = as_admin.get(response.headers["Location"]).text
    assert "เพิ่มตำบลท่าไร่ แล้ว" in page
    rows = table(page, "places")  # grouped by district: a heading row, then its tambons
    group = rows.index(["นครศรีธรรมราช › เมืองนครศรีธรรมราช"])
    assert rows[group + 1] == ["ท่าไร่", "Tha Rai", "0", "เปลี่ยนชื่อ"]
    # A second tambon in the same district reuses the province and the district.
    as_admin.post("/admin/tambons", data={**NEW_TAMBON, "tambon_th": "บางจาก", "tambon_en": ""})
    assert _count(app, Province) == provinces + 1
    with app.app_context():
        district = db.session.execute(
            select(District).filter_by(name_th="เมืองนครศรีธรรมราช")
        ).scalar_one()
        names = db.session.execute(
            select(Tambon.name_th).filter_by(district_id=district.id)
        ).scalars()
        assert sorted(names) == ["ท่าไร่", "บางจาก"]


def test_a_tambon_already_in_its_district_is_refused_next_to_the_field(app, as_admin, tiny):
    as_admin.post("/admin/tambons", data=NEW_TAMBON)
    tambons = _count(app, Tambon)
    page = as_admin.post("/admin/tambons", data=NEW_TAMBON).text
    assert 'id="tambon_th-error">อำเภอนี้มีตำบลชื่อนี้อยู่แล้ว' in page
    assert 'value="เมืองนครศรีธรรมราช"' in page  # nothing typed is lost
    assert _count(app, Tambon) == tambons


def test_a_missing_thai_name_is_refused_in_thai_and_in_english(as_admin, tiny):
    page = as_admin.post("/admin/tambons", data={**NEW_TAMBON, "district_th": " "}).text
    assert 'id="district_th-error">กรุณาใส่ชื่อภาษาไทย' in page
    as_admin.post("/lang", data={"lang": "en", "next": "/"})
    page = as_admin.post("/admin/tambons", data={**NEW_TAMBON, "district_th": ""}).text
    assert 'id="district_th-error">Enter the Thai name.' in page


def _new_account(**changes) -> dict:
    data = {"username": "khun.ua", "display_name": "คุณเอื้อ", "tambons": [],
            "password": "a long password", "confirm": "a long password"}  # fmt: skip
    return {**data, **changes}


def test_an_admin_creates_a_coordinator_who_sees_only_their_tambon(app, as_admin, tiny):
    data = _new_account(tambons=[str(tiny.tha_rai)])
    response = as_admin.post("/admin/accounts/new", data=data)
    assert response.status_code == 302
    assert "สร้างบัญชี khun.ua แล้ว" in as_admin.get("/admin/accounts").text
    other = app.test_client()
    other.post("/signin", data={"username": "khun.ua", "password": "a long password"})
    page = other.get(f"/rounds/{tiny.later}/gaps").text
    assert "บุญมา" in page and "สมศรี" not in page
    with app.app_context():
        account = db.session.execute(select(Coordinator).filter_by(username="khun.ua")).scalar_one()
        assert account.password_hash.startswith("scrypt:")


def test_account_mistakes_are_shown_next_to_their_fields(app, as_admin, tiny):
    accounts = _count(app, Coordinator)
    page = as_admin.post("/admin/accounts/new", data=_new_account(
        username="bangchak", password="short", confirm="other")).text  # fmt: skip
    assert 'id="username-error">มีผู้ใช้ชื่อนี้แล้ว' in page
    assert 'id="password-error">ใช้ 10 ถึง 200 ตัวอักษร' in page
    assert 'id="confirm-error">รหัสผ่านทั้งสองช่องไม่ตรงกัน' in page
    assert 'id="tambons-error">เลือกอย่างน้อยหนึ่งตำบล หรือกำหนดให้บัญชีนี้เป็นผู้ดูแลระบบ' in page
    page = as_admin.post("/admin/accounts/new", data=_new_account(tambons=["99999"])).text
    assert "เลือกตำบลจากรายการเท่านั้น" in page
    page = as_admin.post("/admin/accounts/new", data=_new_account(username="ผู้ใช้")).text
    assert 'id="username-error">ใช้ตัวอักษรภาษาอังกฤษ' in page
    assert _count(app, Coordinator) == accounts


def test_an_admin_account_sees_every_tambon(app, as_admin, tiny):
    as_admin.post("/admin/accounts/new", data=_new_account(is_admin="y"))
    other = app.test_client()
    other.post("/signin", data={"username": "khun.ua", "password": "a long password"})
    assert other.get("/admin/accounts").status_code == 200


def test_deactivating_an_account_ends_its_sessions(app, client, tiny):
    coordinator = app.test_client()
    sign_in(coordinator, "bangchak")
    assert coordinator.get(f"/rounds/{tiny.later}").status_code == 200
    sign_in(client, "admin")
    url = f"/admin/accounts/{tiny.accounts['bangchak']}"
    form = {"display_name": "bangchak", "tambons": [str(tiny.bang_chak)]}  # "active" unticked
    assert client.post(url, data=form).status_code == 302
    assert coordinator.get(f"/rounds/{tiny.later}").status_code == 302
    refused = coordinator.post("/signin", data={"username": "bangchak", "password": PASSWORD})
    assert refused.status_code == 200
    assert "ปิดการใช้งาน" in client.get("/admin/accounts").text


def test_an_admin_changes_what_a_coordinator_sees(app, client, tiny):
    sign_in(client, "admin")
    url = f"/admin/accounts/{tiny.accounts['bangchak']}"
    form = {"display_name": "bangchak", "active": "y", "tambons": [str(tiny.tha_rai)]}
    client.post(url, data=form)
    coordinator = app.test_client()
    sign_in(coordinator, "bangchak")
    assert coordinator.get(f"/rounds/{tiny.later}/radar/{tiny.bang_chak}").status_code == 404
    assert coordinator.get(f"/rounds/{tiny.later}/radar/{tiny.tha_rai}").status_code == 200


def test_an_admin_cannot_lock_themselves_out(app, as_admin, tiny):
    url = f"/admin/accounts/{tiny.accounts['admin']}"
    page = as_admin.post(url, data={"display_name": "admin"}).text
    assert 'id="is_admin-error">ถอดสิทธิ์ผู้ดูแลระบบของตนเองไม่ได้' in page
    assert 'id="active-error">ปิดการใช้งานบัญชีของตนเองไม่ได้' in page
    assert as_admin.get("/admin/accounts").status_code == 200


def test_a_new_password_ends_the_old_sessions(app, client, tiny):
    coordinator = app.test_client()
    sign_in(coordinator, "bangchak")
    sign_in(client, "admin")
    url = f"/admin/accounts/{tiny.accounts['bangchak']}/password"
    short = client.post(url, data={"password": "short", "confirm": "short"}).text
    assert "ใช้ 10 ถึง 200 ตัวอักษร" in short
    assert coordinator.get(f"/rounds/{tiny.later}").status_code == 200
    new = {"password": "another long one", "confirm": "another long one"}
    assert client.post(url, data=new).status_code == 302
    assert coordinator.get(f"/rounds/{tiny.later}").status_code == 302
    again = app.test_client()
    response = again.post("/signin", data={"username": "bangchak", "password": "another long one"})
    assert response.status_code == 302


def test_an_admin_who_sets_their_own_password_stays_signed_in(as_admin, tiny):
    url = f"/admin/accounts/{tiny.accounts['admin']}/password"
    new = {"password": "another long one", "confirm": "another long one"}
    assert as_admin.post(url, data=new).status_code == 302
    assert as_admin.get("/admin/accounts").status_code == 200


def test_admin_forms_are_csrf_protected(csrf_app, tiny):
    client = csrf_app.test_client()
    sign_in_page = client.get("/signin").text
    token = sign_in_page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post("/signin", data={"username": "admin", "password": PASSWORD, "csrf_token": token})
    assert client.get("/admin/tambons").status_code == 200
    assert client.post("/admin/tambons", data=NEW_TAMBON).status_code == 400

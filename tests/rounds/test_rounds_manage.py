"""Rounds managed: rename, re-date, change tambons while nobody there answered, delete a round
nobody answered, close after a confirmation; the tambon choices grouped by province and
district; the progress page's default comparison shares respondents with the round."""

import re
import uuid
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import (
    District,
    Facilitator,
    InstrumentVersion,
    Province,
    Round,
    Tambon,
    round_tambon,
)
from app.ratings import record
from tests import builders

PASSWORD = "correct horse battery"


@dataclass(frozen=True)
class World:
    tambons: dict[str, int]  # bangchak, tharai, mamuang, chaiyamontri (Mueang Nakhon),
    # thasala (Tha Sala), tharai_surat, other_surat (Kanchanadit, Surat Thani)
    districts: dict[str, int]  # mueang, thasala, kanchanadit
    rounds: dict[str, int]  # answered (Bang Chak answered, Tha Rai not), empty, surat
    mover: int  # answered in Bang Chak, has moved to Tha Rai since


def _place(district: District, name: str) -> Tambon:
    tambon = Tambon(district=district, name_th=name, name_en="")
    db.session.add(tambon)
    return tambon


def _answer(round_: Round, person: Facilitator) -> None:
    answers = builders.answers(round_.instrument_version.instrument)
    record(round_, person.id, answers, str(uuid.uuid4()))


@pytest.fixture
def world(app, instruments) -> World:
    with app.app_context():
        nakhon = Province(name_th="นครศรีธรรมราช", name_en="Nakhon Si Thammarat")
        surat = Province(name_th="สุราษฎร์ธานี", name_en="Surat Thani")
        mueang = District(province=nakhon, name_th="เมืองนครศรีธรรมราช", name_en="")
        thasala = District(province=nakhon, name_th="ท่าศาลา", name_en="")
        kanchanadit = District(province=surat, name_th="กาญจนดิษฐ์", name_en="")
        t = {key: _place(district, name) for key, district, name in (
            ("mamuang", mueang, "มะม่วงสองต้น"), ("bangchak", mueang, "บางจาก"),
            ("tharai", mueang, "ท่าไร่"), ("chaiyamontri", mueang, "ไชยมนตรี"),
            ("thasala", thasala, "ท่าศาลา"), ("tharai_surat", kanchanadit, "ท่าไร่"),
            ("other_surat", kanchanadit, "กะแดะ"))}  # fmt: skip
        db.session.flush()
        nakhon_tambons = [
            t[k] for k in ("bangchak", "tharai", "mamuang", "chaiyamontri", "thasala")
        ]
        builders.coordinator("admin", PASSWORD, admin=True)
        builders.coordinator("local", PASSWORD, places=nakhon_tambons)
        version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
        answered = builders.round_(version, [t["bangchak"], t["tharai"]], name="รอบตอบแล้ว")
        empty = builders.round_(version, [t["bangchak"], t["mamuang"]], name="รอบว่าง")
        surat_round = builders.round_(version, [t["bangchak"], t["tharai_surat"]], name="รอบสุราษฎร์")
        mover = builders.facilitator(t["bangchak"], "สมใจ ย้ายตำบล")
        builders.facilitator(t["tharai"], "ยังไม่ได้ ตอบ")
        db.session.commit()
        _answer(answered, mover)
        mover.tambon_id = t["tharai"].id  # moved since: the response keeps Bang Chak
        db.session.commit()
        return World(
            tambons={k: v.id for k, v in t.items()},
            districts={"mueang": mueang.id, "thasala": thasala.id, "kanchanadit": kanchanadit.id},
            rounds={"answered": answered.id, "empty": empty.id, "surat": surat_round.id},
            mover=mover.id,
        )


def _sign_in(client, username: str = "local") -> None:
    assert client.post("/signin", data={"username": username, "password": PASSWORD}).status_code


def _round(app, round_id: int) -> tuple | None:
    """(name, held_on, tambon ids) of the stored round, or None when it is gone."""
    with app.app_context():
        round_ = db.session.get(Round, round_id)
        if round_ is None:
            return None
        return round_.name, round_.held_on, sorted(t.id for t in round_.tambons)


def _edit(client, round_id: int, tambons, name="รอบตอบแล้ว", held_on="14/11/2569", **more):
    data = {"name": name, "held_on": held_on, "tambons": [str(t) for t in tambons]} | more
    return client.post(f"/rounds/{round_id}/edit", data=data)


def test_a_round_is_renamed_and_redated(app, client, world):
    _sign_in(client)
    form = client.get(f"/rounds/{world.rounds['answered']}/edit").text
    assert 'value="รอบตอบแล้ว"' in form and 'value="14/11/2569"' in form
    assert re.search(rf'value="{world.tambons["bangchak"]}" checked', form)
    tambons = [world.tambons["bangchak"], world.tambons["tharai"]]
    response = _edit(client, world.rounds["answered"], tambons, name="รอบที่ 2 (แก้ชื่อ)",
                     held_on="2569-11-20")  # fmt: skip
    assert response.status_code == 302
    assert _round(app, world.rounds["answered"]) == ("รอบที่ 2 (แก้ชื่อ)", date(2026, 11, 20),
                                                     sorted(tambons))  # fmt: skip
    page = client.get("/rounds").text
    assert "บันทึกรอบการประเมินแล้ว" in page and "20 พ.ย. 2569" in page


def test_a_redate_follows_the_date_rules(app, client, world):
    _sign_in(client)
    tambons = [world.tambons["bangchak"], world.tambons["tharai"]]
    before = _round(app, world.rounds["answered"])
    page = _edit(client, world.rounds["answered"], tambons, held_on="3112-11-20").text
    assert "เช่น 14/11/2569 หรือ 2569-11-14" in page
    page = _edit(client, world.rounds["answered"], tambons, held_on="1/1/2572").text
    assert "วันที่นี้ห่างจากวันนี้เกินหนึ่งปี" in page
    assert _round(app, world.rounds["answered"]) == before
    _edit(client, world.rounds["answered"], tambons, held_on="1/1/2572", date_confirmed="y")
    assert _round(app, world.rounds["answered"])[1] == date(2029, 1, 1)
    # Renamed later, its date kept as it is: not asked again.
    renamed = _edit(client, world.rounds["answered"], tambons, name="รอบอนาคต", held_on="1/1/2572")
    assert renamed.status_code == 302
    assert _round(app, world.rounds["answered"])[:2] == ("รอบอนาคต", date(2029, 1, 1))


def test_a_tambon_where_someone_answered_stays(app, client, world):
    """The response keeps Bang Chak although the person has moved to Tha Rai since."""
    _sign_in(client)
    before = _round(app, world.rounds["answered"])
    form = client.get(f"/rounds/{world.rounds['answered']}/edit").text
    assert "ตำบลที่มีคนตอบแล้วต้องอยู่ในรอบต่อไป: บางจาก" in form
    page = _edit(client, world.rounds["answered"], [world.tambons["tharai"]]).text
    assert "มีคนใน บางจาก ตอบในรอบนี้แล้ว จึงเอาออกจากรอบไม่ได้" in page
    assert _round(app, world.rounds["answered"]) == before


def test_a_tambon_where_nobody_answered_is_removed_another_added(app, client, world):
    _sign_in(client)
    tambons = [world.tambons["bangchak"], world.tambons["thasala"]]
    assert _edit(client, world.rounds["answered"], tambons).status_code == 302
    assert _round(app, world.rounds["answered"])[2] == sorted(tambons)


def test_only_tambons_the_user_may_see_are_added(app, client, world):
    _sign_in(client)
    before = _round(app, world.rounds["answered"])
    tambons = [world.tambons["bangchak"], world.tambons["tharai"], world.tambons["tharai_surat"]]
    page = _edit(client, world.rounds["answered"], tambons).text
    assert "เลือกได้เฉพาะตำบลที่อยู่ในความรับผิดชอบของคุณ" in page
    assert f'value="{world.tambons["tharai_surat"]}"' not in page
    assert _round(app, world.rounds["answered"]) == before


def test_a_round_with_a_tambon_not_theirs_is_managed_by_an_admin_only(app, client, world):
    _sign_in(client)
    surat = world.rounds["surat"]
    for url in (f"/rounds/{surat}/edit", f"/rounds/{surat}/delete", f"/rounds/{surat}/close"):
        assert client.get(url).status_code == 403
    assert client.post(f"/rounds/{surat}/delete").status_code == 403
    assert _edit(client, surat, [world.tambons["bangchak"]]).status_code == 403
    page = client.get("/rounds").text
    assert (
        f'href="/rounds/{surat}/edit"' not in page and f'href="/rounds/{surat}/delete"' not in page
    )
    assert _round(app, surat)[2] == sorted(
        [world.tambons["bangchak"], world.tambons["tharai_surat"]]
    )
    client.post("/signout")
    _sign_in(client, "admin")
    assert (
        _edit(client, surat, [world.tambons["tharai_surat"]], name="รอบสุราษฎร์").status_code == 302
    )
    assert _round(app, surat)[2] == [world.tambons["tharai_surat"]]


def test_a_round_somebody_answered_cannot_be_deleted(app, client, world):
    _sign_in(client)
    answered = world.rounds["answered"]
    assert f'href="/rounds/{answered}/delete"' not in client.get("/rounds").text
    page = client.get(f"/rounds/{answered}/delete").text
    assert "มีคนตอบในรอบนี้แล้ว จึงลบรอบนี้ไม่ได้" in page
    assert f'action="/rounds/{answered}/delete"' not in page
    response = client.post(f"/rounds/{answered}/delete", follow_redirects=True)
    assert "มีคนตอบในรอบนี้แล้ว จึงลบรอบนี้ไม่ได้" in response.text
    assert _round(app, answered) is not None


def test_a_round_nobody_answered_is_deleted_after_a_confirmation(app, client, world):
    _sign_in(client)
    empty = world.rounds["empty"]
    assert f'href="/rounds/{empty}/delete"' in client.get("/rounds").text
    page = client.get(f"/rounds/{empty}/delete").text
    assert "ลบรอบ รอบว่าง ใช่ไหม" in page and f'action="/rounds/{empty}/delete"' in page
    response = client.post(f"/rounds/{empty}/delete", follow_redirects=True)
    assert "ลบรอบ รอบว่าง แล้ว" in response.text and "รอบว่าง</a>" not in response.text
    assert _round(app, empty) is None
    with app.app_context():
        links = (
            select(func.count()).select_from(round_tambon).where(round_tambon.c.round_id == empty)
        )
        assert db.session.execute(links).scalar() == 0
    assert client.get(f"/rounds/{empty}/delete").status_code == 404


def test_close_asks_for_confirmation(app, client, world):
    _sign_in(client)
    answered = world.rounds["answered"]
    assert f'href="/rounds/{answered}/close"' in client.get("/rounds").text
    page = client.get(f"/rounds/{answered}/close").text
    assert "ปิดรอบ รอบตอบแล้ว ใช่ไหม" in page
    assert f'action="/rounds/{answered}/close"' in page and "ใช่ ปิดรอบการประเมิน" in page
    with app.app_context():
        assert db.session.get(Round, answered).is_open  # asking closed nothing
    assert client.post(f"/rounds/{answered}/close").status_code == 302
    with app.app_context():
        assert not db.session.get(Round, answered).is_open


def _new(client, **data):
    base = {"name": "รอบใหม่", "held_on": "1/3/2570", "instrument": "facilitator-competency"}
    return client.post("/rounds/new", data=base | data)


def _new_round_tambons(app) -> list[int] | None:
    with app.app_context():
        round_ = db.session.execute(select(Round).filter_by(name="รอบใหม่")).scalar_one_or_none()
        return sorted(t.id for t in round_.tambons) if round_ else None


def test_a_tambon_sent_twice_is_taken_once(app, client, world):
    _sign_in(client)
    bangchak = str(world.tambons["bangchak"])
    assert _new(client, tambons=[bangchak, bangchak]).status_code == 302
    assert _new_round_tambons(app) == [world.tambons["bangchak"]]


NOT_LISTED, NOT_THEIRS = "เลือกตำบลจากรายการเท่านั้น", "เลือกได้เฉพาะตำบลที่อยู่ในความรับผิดชอบของคุณ"


@pytest.mark.parametrize(
    ("sent", "message"),
    [("abc", NOT_LISTED), ("-1", NOT_LISTED), (" 1", NOT_LISTED),
     ("99999999999999999999", NOT_THEIRS)],
)  # fmt: skip
def test_a_tambon_that_is_not_a_choice_is_a_message(app, client, world, sent, message):
    _sign_in(client)
    response = _new(client, tambons=[str(world.tambons["bangchak"]), sent])
    assert response.status_code == 200 and message in response.text
    assert _new_round_tambons(app) is None


def test_a_whole_district_is_chosen_with_one_box_without_javascript(app, client, world):
    _sign_in(client)
    assert _new(client, districts=[str(world.districts["mueang"])]).status_code == 302
    mueang = ("bangchak", "tharai", "mamuang", "chaiyamontri")
    assert _new_round_tambons(app) == sorted(world.tambons[k] for k in mueang)


def test_a_district_not_theirs_is_refused(app, client, world):
    _sign_in(client)
    page = _new(client, districts=[str(world.districts["kanchanadit"])]).text
    assert "เลือกได้เฉพาะตำบลที่อยู่ในความรับผิดชอบของคุณ" in page
    assert _new_round_tambons(app) is None


def _legends_and_labels(page: str) -> list[str]:
    found = re.findall(r"<legend>([^<]+)</legend>|<label for=\"tambon-\d+\">([^<]+)</label>", page)
    return [legend or label for legend, label in found]


def test_the_tambons_are_grouped_by_province_and_district_in_thai_order(client, world):
    _sign_in(client, "admin")
    page = client.get("/rounds/new").text
    assert _legends_and_labels(page) == [
        "ตำบลที่เข้าร่วม",
        "จังหวัดนครศรีธรรมราช",
        "อำเภอท่าศาลา", "ท่าศาลา",
        "อำเภอเมืองนครศรีธรรมราช",
        "ไชยมนตรี", "ท่าไร่ (เมืองนครศรีธรรมราช)", "บางจาก", "มะม่วงสองต้น",
        "จังหวัดสุราษฎร์ธานี",
        "อำเภอกาญจนดิษฐ์", "กะแดะ", "ท่าไร่ (กาญจนดิษฐ์)",
    ]  # fmt: skip
    assert page.count("ทุกตำบลในอำเภอนี้") == 3
    assert f'name="districts" value="{world.districts["mueang"]}"' in page
    assert "rounds.js" in page and "<script>" not in page


def test_a_coordinator_sees_only_their_tambons_and_no_duplicate_label(client, world):
    _sign_in(client)
    page = client.get("/rounds/new").text
    labels = _legends_and_labels(page)
    assert "ท่าไร่" in labels and "จังหวัดสุราษฎร์ธานี" not in labels  # one ท่าไร่ they see
    assert "กะแดะ" not in page


@pytest.fixture
def three_rounds(app, world) -> dict[str, int]:
    """Earlier rounds of one instrument: 'shared' (someone of 'later' answered), 'newer but
    nobody shared' (held after it, but by someone else), 'later'; and 'alone', shared by nobody."""
    with app.app_context():
        version = db.session.get(Round, world.rounds["answered"]).instrument_version
        place = db.session.get(Tambon, world.tambons["bangchak"])
        people = [builders.facilitator(place, f"คนที่ {n}") for n in range(3)]
        made = {}
        for key, held_on, who in (("shared", date(2026, 5, 1), people[0]),
                                  ("nobody", date(2026, 8, 1), people[1]),
                                  ("later", date(2026, 11, 1), people[0]),
                                  ("alone", date(2026, 11, 2), people[2])):  # fmt: skip
            round_ = builders.round_(version, [place], name=f"รอบ {key}")
            round_.held_on = held_on
            db.session.commit()
            _answer(round_, who)
            made[key] = round_.id
        return made


def test_progress_looks_back_to_the_latest_round_sharing_respondents(client, three_rounds):
    _sign_in(client, "admin")
    page = client.get(f"/rounds/{three_rounds['later']}/progress").text
    assert f'<option value="{three_rounds["shared"]}" selected>' in page
    assert f'<option value="{three_rounds["nobody"]}">' in page  # offered, not chosen
    assert "จากรอบ shared (1 พ.ค. 2569) ถึงรอบ later (1 พ.ย. 2569)" in page


def test_progress_without_a_round_sharing_anyone_has_no_default(client, three_rounds):
    _sign_in(client, "admin")
    page = client.get(f"/rounds/{three_rounds['alone']}/progress").text
    assert " selected>" not in page and 'id="tambon-progress"' not in page
    assert f'<option value="{three_rounds["later"]}">' in page  # still offered by hand


def test_the_list_counts_answers_where_they_were_given(app, client, world):
    """The mover answered for Bang Chak and is in Tha Rai now: Bang Chak counts the answer."""
    with app.app_context():
        builders.coordinator(
            "bangchak", PASSWORD, places=[db.session.get(Tambon, world.tambons["bangchak"])]
        )
        db.session.commit()
    _sign_in(client, "bangchak")
    page = client.get("/rounds").text
    row = re.search(r"รอบตอบแล้ว</a></th>(.*?)</tr>", page, re.DOTALL).group(1)
    assert re.findall(r'<td class="num">(\d+)</td>', row) == ["1", "1"]  # tambons, answers

"""A person's page, edit, deactivate and delete: only in the user's tambons, every change logged."""

from sqlalchemy import select

from app.extensions import db
from app.models import Facilitator, FacilitatorChange, Response
from tests.facilitators.roster_world import sign_in

SUNEE = "นางสุนีย์ ทองประเสริฐ"


def _edit(person: Facilitator | None = None, **changes) -> dict:
    data = {"name": "กมล สุขใจ", "tambon": "", "roles": ["coordination"], "agency": "พช.",
            "team": "u"}  # fmt: skip
    return data | changes


def _changes(app, person_id) -> list[FacilitatorChange]:
    with app.app_context():
        query = select(FacilitatorChange).filter_by(facilitator_id=person_id)
        return list(db.session.execute(query.order_by(FacilitatorChange.id)).scalars())


def test_the_page_shows_details_rounds_answers_and_links_to_the_dashboard(client, roster):
    sign_in(client, "local")
    page = client.get(f"/facilitators/{roster.people[SUNEE]}").text
    assert "<h1>นางสุนีย์ ทองประเสริฐ</h1>" in page and "ประสานงาน" in page
    assert page.index("รอบเปิด") < page.index("รอบปิด")  # the newest round first
    assert f'href="/rounds/{roster.open_round}"' in page and "ครั้งที่ 2" in page
    assert page.count('<td class="num">3</td><td class="num">4</td>') == len(roster.items)
    assert page.count('<td class="num">1</td><td class="num">2</td>') == len(roster.items)
    # A new link is offered for the open round only.
    assert f"/rounds/{roster.open_round}/new-link" in page
    assert f"/rounds/{roster.closed_round}/new-link" not in page


def test_a_coordinator_cannot_see_or_change_a_person_of_another_tambon(app, client, roster):
    sign_in(client, "local")
    somchai = roster.people["สมชาย ใจงามยิ่ง"]
    for path in ("", "/edit", "/deactivate", "/delete", "/merge"):
        assert client.get(f"/facilitators/{somchai}{path}").status_code == 404
    for path in ("/edit", "/deactivate", "/reactivate", "/delete", "/merge",
                 f"/rounds/{roster.open_round}/new-link"):  # fmt: skip
        data = _edit(name="ถูกเปลี่ยน", tambon=str(roster.tha_rai)) | {"confirm": "yes"}
        assert client.post(f"/facilitators/{somchai}{path}", data=data).status_code == 404
    with app.app_context():
        person = db.session.get(Facilitator, somchai)
        assert (person.name, person.active) == ("สมชาย ใจงามยิ่ง", True)
        assert db.session.execute(select(FacilitatorChange)).first() is None
    assert client.get("/facilitators/999999").status_code == 404
    assert client.get("/facilitators/99999999999999999999").status_code == 404


def test_edit_records_only_the_changed_fields_before_and_after(app, client, roster):
    sign_in(client, "local")
    kamon = roster.people["กมล สุขใจ"]
    form = client.get(f"/facilitators/{kamon}/edit").text
    assert 'value="กมล สุขใจ"' in form and 'value="พช."' in form
    data = _edit(name="  นาย กมล\u200b  สุขใจดี ", tambon=str(roster.bang_chak),
                 roles=["recording", "coordination"], team="v")  # fmt: skip
    response = client.post(f"/facilitators/{kamon}/edit", data=data)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/{kamon}")
    [change] = _changes(app, kamon)
    assert change.action == "edit" and change.by == "local" and change.coordinator_id
    assert change.before == {"name": "กมล สุขใจ", "roles": ["coordination"], "team": "u"}
    assert change.after == {"name": "นาย กมล สุขใจดี", "roles": ["coordination", "recording"],
                            "team": "v"}  # fmt: skip
    page = client.get(f"/facilitators/{kamon}").text
    assert "แก้ไขข้อมูล" in page and "กมล สุขใจ → นาย กมล สุขใจดี" in page and "โดย local" in page
    assert "ทีม: u → v" in page


def test_saving_without_a_change_logs_nothing(app, client, roster):
    sign_in(client, "local")
    kamon = roster.people["กมล สุขใจ"]
    data = _edit(tambon=str(roster.bang_chak))
    assert client.post(f"/facilitators/{kamon}/edit", data=data).status_code == 302
    assert _changes(app, kamon) == []


def test_edit_refuses_a_likely_duplicate_and_names_them(app, client, roster):
    sign_in(client, "local")
    kamon = roster.people["กมล สุขใจ"]
    data = _edit(name="สุนีย์  ทองประเสริฐ", tambon=str(roster.bang_chak))
    page = client.post(f"/facilitators/{kamon}/edit", data=data)
    assert page.status_code == 200
    assert f"“นางสุนีย์ ทองประเสริฐ” (หมายเลข {roster.people[SUNEE]:d})" in page.text
    assert "รวมสองรายการ" in page.text
    with app.app_context():
        assert db.session.get(Facilitator, kamon).name == "กมล สุขใจ"
    assert _changes(app, kamon) == []


def test_edit_refuses_bad_input_with_a_message(app, client, roster):
    sign_in(client, "local")
    kamon = roster.people["กมล สุขใจ"]
    url = f"/facilitators/{kamon}/edit"
    here = str(roster.bang_chak)
    cases = [
        (_edit(name="\u200b\u200b", tambon=here), "ชื่อต้องมีตัวอักษร"),
        (_edit(name="ก" * 201, tambon=here), "ไม่เกิน 200"),
        (_edit(tambon=str(roster.tha_rai)), "เลือกตำบลที่อยู่ในความดูแลของคุณ"),
        (_edit(tambon="abc"), "เลือกตำบลที่อยู่ในความดูแลของคุณ"),
        (_edit(tambon=here, roles=[]), "เลือกบทบาทอย่างน้อยหนึ่งบทบาท"),
        (_edit(tambon=here, roles=["boss"]), "เลือกบทบาทอย่างน้อยหนึ่งบทบาท"),
        (_edit(tambon=here, team="x"), "ทีมต้องเป็น u, v"),
        (_edit(tambon=[here, str(roster.tha_rai)]), "เลือกใหม่อีกครั้ง"),
        (_edit(tambon=here, agency="ก" * 101), "ไม่เกิน 100"),
    ]
    for data, message in cases:
        page = client.post(url, data=data)
        assert page.status_code == 200 and message in page.text, message
    with app.app_context():
        assert db.session.get(Facilitator, kamon).name == "กมล สุขใจ"
    assert _changes(app, kamon) == []


def test_moving_a_person_needs_both_tambons_and_keeps_their_answers(app, client, roster):
    sign_in(client, "admin")
    sunee = roster.people[SUNEE]
    data = _edit(name=SUNEE, tambon=str(roster.tha_rai), roles=["recording"], team="")
    assert client.post(f"/facilitators/{sunee}/edit", data=data).status_code == 302
    with app.app_context():
        person = db.session.get(Facilitator, sunee)
        assert (person.tambon_id, person.roles, person.team) == (
            roster.tha_rai,
            ("recording",),
            None,
        )
        responses = db.session.execute(select(Response).filter_by(facilitator_id=sunee))
        snapshots = {(r.tambon_id, r.roles_text, r.team) for r in responses.scalars()}
        assert snapshots == {(roster.bang_chak, "coordination", "u")}
    [change] = _changes(app, sunee)
    assert change.before["tambon_id"] == roster.bang_chak
    assert change.after["tambon_id"] == roster.tha_rai and change.after["team"] is None
    page = client.get(f"/facilitators/{sunee}").text
    assert "ตำบล: บางจาก → ท่าไร่" in page and "ไม่อยู่ในทีมใด" in page


def test_deactivate_asks_first_then_logs_and_reactivate_undoes(app, client, roster):
    sign_in(client, "local")
    kamon = roster.people["กมล สุขใจ"]
    url = f"/facilitators/{kamon}/deactivate"
    assert "ปิดการใช้งาน กมล สุขใจ ใช่ไหม" in client.get(url).text
    assert client.post(url).status_code == 200  # no "yes": the question again
    with app.app_context():
        assert db.session.get(Facilitator, kamon).active
    assert client.post(url, data={"confirm": "yes"}).status_code == 302
    with app.app_context():
        person = db.session.get(Facilitator, kamon)
        assert not person.active and person.deactivated_at is not None
    assert client.post(f"/facilitators/{kamon}/reactivate").status_code == 302
    with app.app_context():
        person = db.session.get(Facilitator, kamon)
        assert person.active and person.deactivated_at is None
    actions = [(c.action, c.before, c.after) for c in _changes(app, kamon)]
    assert actions == [("deactivate", {"active": True}, {"active": False}),
                       ("reactivate", {"active": False}, {"active": True})]  # fmt: skip


def test_delete_only_a_person_who_never_answered(app, client, roster):
    sign_in(client, "local")
    sunee, kamon = roster.people[SUNEE], roster.people["กมล สุขใจ"]
    refused = client.post(f"/facilitators/{sunee}/delete", data={"confirm": "yes"},
                          follow_redirects=True)  # fmt: skip
    assert "เคยตอบแบบประเมินแล้ว จึงลบไม่ได้: ให้ปิดการใช้งานแทน" in refused.text
    assert "ลบ กมล สุขใจ ใช่ไหม" in client.get(f"/facilitators/{kamon}/delete").text
    assert client.post(f"/facilitators/{kamon}/delete").status_code == 200  # asked again
    done = client.post(f"/facilitators/{kamon}/delete", data={"confirm": "yes"})
    assert done.status_code == 302
    with app.app_context():
        assert db.session.get(Facilitator, kamon) is None
        assert db.session.get(Facilitator, sunee) is not None
        [change] = db.session.execute(select(FacilitatorChange)).scalars()
        assert (change.facilitator_id, change.action, change.after) == (None, "delete", None)
        assert change.before["name"] == "กมล สุขใจ" and change.before["id"] == kamon
    assert client.get(f"/facilitators/{kamon}").status_code == 404

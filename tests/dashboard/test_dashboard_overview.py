"""The list of rounds and the round overview: who has answered, per tambon (see conftest)."""

from sqlalchemy import select

from app.extensions import db
from app.models import Round
from app.round_facts import load_round_facts
from tests.html_tables import table
from tests.tiny_round import sign_in


def _tambon_row(page: str, name: str) -> list[str]:
    """The overview row of tambon `name`, without its district: tambon, answered, roster, %."""
    (found,) = [r[1:5] for r in table(page, "answered") if len(r) > 1 and r[1] == name]
    return found


def test_the_overview_counts_answers_against_the_roster(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}").text
    # Bang Chak: สมศรี and ประเสริฐ answered, 2 on the roster; Tha Rai: 2 of 3 (มานี not yet).
    assert _tambon_row(page, "บางจาก") == ["บางจาก", "2", "2", "100"]
    assert _tambon_row(page, "ท่าไร่") == ["ท่าไร่", "2", "3", "67"]
    # 4 of 5 answered: 80 %.
    assert table(page, "answered")[-1][:4] == ["ทุกตำบล", "4", "5", "80"]


def test_the_overview_counts_the_people_the_round_facts_count(app, as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}").text
    with app.app_context():
        facts = load_round_facts(db.session.get(Round, tiny.later))
        for key, place in facts.tambons.items():
            roster = sum(p.unit == key for p in facts.persons)
            answered = len(facts.respondents(key))
            shown = [r for r in table(page, "answered") if len(r) > 1 and r[1] == place.name_th]
            assert shown[0][2:4] == [str(answered), str(roster)]


def test_a_coordinator_sees_only_their_tambon_in_the_overview(as_bangchak, tiny):
    page = as_bangchak.get(f"/rounds/{tiny.later}").text
    rows = table(page, "answered")
    assert [r[1] for r in rows[1:-1]] == ["บางจาก"]
    assert rows[-1][1:3] == ["2", "2"]  # the total: Bang Chak's alone
    assert "ท่าไร่" not in page


def test_the_overview_links_every_view(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}").text
    for view in ("radar", "river", "stairs", "gaps", "pairs", "progress"):
        assert f'href="/rounds/{tiny.later}/{view}"' in page
    assert f'href="/rounds/{tiny.later}/radar/{tiny.bang_chak}"' in page


def test_the_rounds_list_shows_the_visible_rounds_newest_first(app, client, tiny):
    sign_in(client, "bangchak")
    rows = table(client.get("/rounds").text, "rounds")
    # รอบที่ 2 (14 Nov), กองทุน (1 Aug), รอบที่ 1 (16 May), each with Bang Chak only.
    assert [(r[0], r[1], r[3]) for r in rows[1:]] == [
        ("รอบที่ 2", "14 พ.ย. 2569", "1"),
        ("กองทุน", "1 ส.ค. 2569", "1"),
        ("รอบที่ 1", "16 พ.ค. 2569", "1"),
    ]


def test_a_coordinator_of_a_tambon_in_no_round_sees_no_round(app, client, tiny):
    sign_in(client, "outsider")
    page = client.get("/rounds").text
    assert "รอบที่" not in page and "ยังไม่มีรอบการประเมิน" in page
    with app.app_context():
        assert db.session.execute(select(Round.id)).all()


def test_signing_in_leads_to_the_rounds(client, tiny):
    response = client.post(
        "/signin", data={"username": "bangchak", "password": "correct horse battery"}
    )
    assert response.headers["Location"] == "/rounds"

"""Filters by agency, role and team (as each person answered), and the radar grid's tambon
chooser, on a small round worked out by hand.

Round "รอบกรอง", every item answered alike by each person:

| person | tambon | agency | role            | team | every item |
|--------|--------|--------|-----------------|------|------------|
| ก้อย   | กลาง   | พช.    | coordination    | u    | 2 → 3      |
| ขวัญ   | กลาง   | กศน.   | recording       | v    | 1 → 3      |
| คำ     | ริมน้ำ  | พช.    | meeting_process | v    | 3 → 4      |
| งาม    | ริมน้ำ  | ธกส.   | coordination    | u    | 4 → 4      |

After answering, ก้อย moved to team v and agency ออมสิน on the roster: the filters still
count her as she answered (team u, พช.). จันทร์ (กลาง, team v) has not answered.
"""

import csv
import io
from dataclasses import dataclass

import openpyxl
import pytest

from app.extensions import db
from app.models import Facilitator, InstrumentVersion
from app.ratings import record
from tests import builders
from tests.html_tables import table
from tests.tiny_round import FAST_HASH

PEOPLE = {  # name: (tambon, agency, role, team, current, target)
    "ก้อย": ("กลาง", "พช.", "coordination", "u", 2, 3),
    "ขวัญ": ("กลาง", "กศน.", "recording", "v", 1, 3),
    "คำ": ("ริมน้ำ", "พช.", "meeting_process", "v", 3, 4),
    "งาม": ("ริมน้ำ", "ธกส.", "coordination", "u", 4, 4),
}


@dataclass(frozen=True)
class Built:
    round: int
    klang: int
    rimnam: int


@pytest.fixture
def built(app, instruments) -> Built:
    from app.models import Coordinator
    from app.ratings import Mark

    with app.app_context():
        version = db.session.get(InstrumentVersion, instruments["facilitator-competency"])
        places = {
            "กลาง": builders.tambon("กลาง", "Klang"),
            "ริมน้ำ": builders.tambon("ริมน้ำ", "Rim Nam"),
        }
        round_ = builders.round_(version, places.values(), name="รอบกรอง", code="FILTER")
        codes = version.instrument.item_codes
        for name, (place, agency, role, team, current, target) in PEOPLE.items():
            person = builders.facilitator(places[place], name, (role,), team, agency)
            marks = [Mark(c, float(current), float(target)) for c in codes]
            record(round_, person.id, marks, f"filter-{name}")
        builders.facilitator(places["กลาง"], "จันทร์", ("recording",), "v", "พช.")
        moved = db.session.query(Facilitator).filter_by(name="ก้อย").one()
        moved.team, moved.agency = "v", "ออมสิน"
        for username, admin, theirs in (("admin", True, []), ("klang", False, [places["กลาง"]])):
            account = Coordinator(username=username, display_name=username, is_admin=admin)
            account.password_hash, account.tambons = FAST_HASH, theirs
            db.session.add(account)
        db.session.commit()
        return Built(round_.id, places["กลาง"].id, places["ริมน้ำ"].id)


def _sign_in(client, username):
    response = client.post(
        "/signin", data={"username": username, "password": "correct horse battery"}
    )
    assert response.status_code == 302


@pytest.fixture
def admin(client, built):
    _sign_in(client, "admin")
    return client


@pytest.fixture
def klang(client, built):
    _sign_in(client, "klang")
    return client


def _whole_k1(page: str) -> list[str]:
    """Answered, mean current, mean target, mean gap of K1 in the whole round's table."""
    k1 = next(r for r in table(page, "round-numbers") if r[0] == "K1")
    return k1[2:6]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["4", "2.50", "3.50", "1.00"]),  # (2+1+3+4)/4, (3+3+4+4)/4
        ("team=v", ["2", "2.00", "3.50", "1.50"]),  # ขวัญ 1→3, คำ 3→4
        ("team=u", ["2", "3.00", "3.50", "0.50"]),  # ก้อย as she answered (u), งาม
        ("agency=พช.", ["2", "2.50", "3.50", "1.00"]),  # ก้อย (as she answered), คำ
        ("role=coordination", ["2", "3.00", "3.50", "0.50"]),  # ก้อย, งาม
        ("role=recording&team=v", ["1", "1.00", "3.00", "2.00"]),  # ขวัญ
        ("agency=ธกส.&team=v", ["0", "–", "–", "–"]),  # nobody
    ],
)
def test_each_filter_gives_the_mean_of_its_people(admin, built, query, expected):
    page = admin.get(f"/rounds/{built.round}/radar?{query}").text
    whole = _whole_k1(page)
    assert whole[0] == expected[0]
    if expected[0] != "0":
        assert whole[1:] == expected[1:]


def test_the_grid_table_is_filtered_per_tambon(admin, built):
    page = admin.get(f"/rounds/{built.round}/radar?team=v").text
    rows = table(page, "tambon-numbers")[1:]
    # กลาง: only ขวัญ (1 → 3); ริมน้ำ: only คำ (3 → 4). First item of the instrument is K1.
    by_name = {r[0].split()[0]: r for r in rows if "ตอบแล้ว" in r[0]}
    assert by_name["กลาง"][2] == "1.00" and "1 " in by_name["กลาง"][0]
    assert by_name["ริมน้ำ"][2] == "3.00"
    assert "ทีม v" in page  # the filter is named on the page


def test_a_filtered_chart_has_its_own_url_and_bytes(admin, built):
    plain = admin.get(f"/rounds/{built.round}/radar").text
    team_v = admin.get(f"/rounds/{built.round}/radar?team=v").text
    src = lambda page: [u for u in _img_sources(page)]  # noqa: E731
    assert all("team=v" not in u for u in src(plain))
    assert all("team=v" in u for u in src(team_v))
    first = admin.get(src(plain)[0].replace("&amp;", "&"))
    filtered = admin.get(src(team_v)[0].replace("&amp;", "&"))
    assert first.status_code == filtered.status_code == 200
    assert first.data != filtered.data and first.headers["ETag"] != filtered.headers["ETag"]


def _img_sources(page: str) -> list[str]:
    import re

    return re.findall(r'<img src="([^"]+)"', page)


def test_the_tambon_radar_is_filtered_and_keeps_the_snapshot(admin, built):
    base = f"/rounds/{built.round}/radar/{built.klang}"
    page = admin.get(f"{base}?team=v").text
    rows = {r[0]: r for r in table(page, "tambon-numbers")}
    # ขวัญ only: ก้อย answered as team u, although the roster says v today. จันทร์ (team v)
    # has not answered: 1 of 2 of team v.
    assert rows["K1"][2:4] == ["1", "1.00"]
    assert all("team=v" in src for src in _img_sources(page))
    assert "1 จาก 2" in page or "1 of 2" in page
    assert "จันทร์" in page
    team_u = admin.get(f"{base}?team=u").text
    assert {r[0]: r for r in table(team_u, "tambon-numbers")}["K1"][2:4] == ["1", "2.00"]
    assert "จันทร์" not in team_u


def test_the_gap_table_filters_and_shows_agency_role_and_team(admin, built):
    page = admin.get(f"/rounds/{built.round}/gaps").text
    rows = {r[0]: r for r in table(page, "gaps")[1:]}
    assert rows["ก้อย"][2:5] == ["พช.", "ประสานงาน", "u"]  # as she answered
    assert rows["ขวัญ"][2:5] == ["กศน.", "บันทึก", "v"]
    v_only = admin.get(f"/rounds/{built.round}/gaps?team=v").text
    assert sorted(r[0] for r in table(v_only, "gaps")[1:]) == ["ขวัญ", "คำ"]
    # Training list of team v: every item mean gap (2 + 1) / 2 = 1.50, 2 answered.
    first = table(v_only, "training-list")[1]
    assert first[3] == "1.50" and first[-1] == "2"
    # By total gap: ขวัญ 12 items × 2 = 24 before คำ 12 × 1 = 12.
    by_total = admin.get(f"/rounds/{built.round}/gaps?team=v&rows=total").text
    assert [r[0] for r in table(by_total, "gaps")[1:]] == ["ขวัญ", "คำ"]
    assert table(by_total, "gaps")[1][-1] == "24.00"


def test_a_filter_combines_with_a_tambon(admin, built):
    page = admin.get(f"/rounds/{built.round}/gaps?tambon={built.rimnam}&agency=พช.").text
    assert [r[0] for r in table(page, "gaps")[1:]] == ["คำ"]
    assert table(page, "training-list")[1][-1] == "1"


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("team=w", "“team”"),
        ("role=boss", "“role”"),
        ("agency=ออมสิน", "ออมสิน"),  # only on today's roster, nobody answered as such
    ],
)
@pytest.mark.parametrize("view", ["radar", "gaps", "charts/radar.png"])
def test_an_unknown_value_is_a_clear_400(admin, built, query, words, view):
    response = admin.get(f"/rounds/{built.round}/{view}?{query}")
    assert response.status_code == 400
    if not view.startswith("charts"):
        assert words in response.text


def test_the_filter_menus_offer_what_the_round_holds(admin, klang, built):
    page = admin.get(f"/rounds/{built.round}/radar").text
    assert '<option value="ธกส.">' in page and '<option value="กศน.">' in page
    assert 'value="ออมสิน"' not in page  # nobody answered as ออมสิน


def test_a_coordinator_s_menus_and_figures_stay_in_scope(klang, built):
    page = klang.get(f"/rounds/{built.round}/radar?team=u").text
    assert 'value="ธกส."' not in page  # งาม is of ริมน้ำ
    assert _whole_k1(page)[:2] == ["1", "2.00"]  # ก้อย only
    assert klang.get(f"/rounds/{built.round}/radar?agency=ธกส.").status_code == 400


def test_the_grid_shows_the_chosen_tambons_only(admin, built):
    page = admin.get(f"/rounds/{built.round}/radar?tambons={built.rimnam}").text
    names = [r[0] for r in table(page, "tambon-numbers")[1:] if "ตอบแล้ว" in r[0]]
    assert len(names) == 1 and names[0].startswith("ริมน้ำ")
    grid = next(u for u in _img_sources(page) if "radar-grid" in u)
    assert f"tambons={built.rimnam}" in grid
    both = admin.get(f"/rounds/{built.round}/radar?tambons={built.rimnam}&tambons={built.klang}")
    assert len([r for r in table(both.text, "tambon-numbers")[1:] if "ตอบแล้ว" in r[0]]) == 2
    assert (
        f'value="{built.rimnam}" checked' in page and f'value="{built.klang}" checked' not in page
    )


def test_the_chooser_refuses_tambons_out_of_scope(klang, admin, built, app):
    for bad in (str(built.rimnam), "abc", "99999"):
        response = klang.get(f"/rounds/{built.round}/radar?tambons={bad}")
        assert response.status_code == 400 and bad in response.text
        chart = klang.get(f"/rounds/{built.round}/charts/radar-grid.png?tambons={bad}")
        assert chart.status_code == 400
    # ริมน้ำ is not offered to Klang's coordinator.
    page = klang.get(f"/rounds/{built.round}/radar").text
    assert f'name="tambons" value="{built.rimnam}"' not in page


def _plan(client, round_id, query="") -> list[dict]:
    response = client.get(f"/rounds/{round_id}/exports/training-plan.csv?{query}")
    assert response.status_code == 200, response.text
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"), newline="")))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_the_training_plan_export_is_filtered(admin, built):
    every = _plan(admin, built.round)
    team_v = _plan(admin, built.round, "team=v")
    k1 = lambda rows, scope, tambon="": next(  # noqa: E731
        r for r in rows if r["scope"] == scope and r["tambon"] == tambon and r["item_code"] == "K1"
    )
    assert k1(every, "round")["respondents"] == "4"
    assert [k1(team_v, "round")[c] for c in ("respondents", "mean_current", "mean_gap")] == [
        "2", "2", "1.5",
    ]  # fmt: skip
    assert k1(team_v, "tambon", "กลาง")["mean_current"] == "1"  # ขวัญ
    assert k1(team_v, "tambon", "ริมน้ำ")["mean_current"] == "3"  # คำ
    # ขวัญ (1 → 3) learns from คำ (3); คำ (3 → 4) from งาม (4), who is of team u: the filter
    # chooses whose needs are planned, not who may teach them (as on the pairs page).
    assert k1(team_v, "round")["teachers"] == "คำ; งาม"
    assert k1(team_v, "round")["outside_training"] == "0"
    assert k1(team_v, "tambon", "ริมน้ำ")["teachers"] == "งาม"


def test_the_export_page_offers_the_filter_and_refuses_it_elsewhere(admin, built):
    page = admin.get(f"/rounds/{built.round}/exports?team=v").text
    assert "training-plan.csv?" in page and "team=v" in page
    assert "ratings.csv?lang=th&amp;team" not in page
    refused = admin.get(f"/rounds/{built.round}/exports/ratings.csv?team=v")
    assert refused.status_code == 400
    assert admin.get(f"/rounds/{built.round}/exports/training-plan.csv?team=x").status_code == 400


def test_the_command_line_plan_takes_the_filter(runner, built, tmp_path):
    out = tmp_path / "plan.xlsx"
    args = ["export", "training-plan", "FILTER", "--format", "xlsx", "-o", str(out)]
    result = runner.invoke(args=[*args, "--agency", "พช."])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    rows = list(book["training-plan"].iter_rows(values_only=True))
    k1 = next(r for r in rows[1:] if r[2] == "round" and r[8] == "K1")
    assert k1[11] == 2 and k1[12] == 2.5  # ก้อย 2 (as she answered) and คำ 3
    about = {r[0]: r[1] for r in book["columns"].iter_rows(values_only=True) if r and r[0]}
    assert about.get("agency") == "พช."
    for refused in (["--agency", "ออมสิน"], ["--team", "x"], ["--role", "boss"]):
        assert runner.invoke(args=[*args, *refused]).exit_code == 2
    wrong = ["export", "ratings", "FILTER", "-o", str(tmp_path / "r.csv"), "--team", "v"]
    assert runner.invoke(args=wrong).exit_code == 2

"""In a real headless Chromium: "all of this district" ticks its tambons (rounds.js, no CSP
complaint), and without scripts the server still takes the whole district."""

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import District, Province, Round, Tambon
from tests import builders
from tests.live_server import live_server as serving

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery"


@pytest.fixture
def district(app, instruments) -> list[int]:
    with app.app_context():
        mueang = District(province=Province(name_th="นครศรีธรรมราช"), name_th="เมือง")
        tambons = [Tambon(district=mueang, name_th=name) for name in ("บางจาก", "ท่าไร่")]
        db.session.add_all(tambons)
        db.session.flush()
        builders.coordinator("local", PASSWORD, places=tambons)
        db.session.commit()
        return [t.id for t in tambons]


def _new_round_page(browser, base: str, scripts: bool, complaints: list[str]):
    page = browser.new_context(java_script_enabled=scripts).new_page()
    page.on("console", lambda message: complaints.append(message.text))
    page.goto(f"{base}/signin")
    page.fill("#username", "local")
    page.fill("#password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/rounds")
    page.goto(f"{base}/rounds/new")
    return page


@pytest.mark.parametrize("scripts", [True, False])
def test_all_of_a_district_with_and_without_scripts(app, chromium, district, scripts):
    complaints = []
    with serving(app) as base:
        page = _new_round_page(chromium, base, scripts, complaints)
        page.fill("#name", "รอบทั้งอำเภอ")
        page.fill("#held_on", "1/3/2570")
        page.get_by_label("ทุกตำบลในอำเภอนี้").check()
        ticked = [page.get_by_label(name).is_checked() for name in ("บางจาก", "ท่าไร่")]
        assert ticked == [scripts, scripts]  # ticked on screen only by the script
        page.get_by_role("button", name="เปิดรอบการประเมิน").click()
        page.wait_for_url(f"{base}/rounds/*/join")
    assert [c for c in complaints if "Content Security Policy" in c] == []
    with app.app_context():
        round_ = db.session.execute(select(Round)).scalar_one()
        assert sorted(t.id for t in round_.tambons) == sorted(district)
        assert str(round_.held_on) == "2027-03-01"

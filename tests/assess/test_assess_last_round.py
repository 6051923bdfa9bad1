"""Where I stood last round: marked on the form opened with the personal link (never on the
public form), and compared on the result page."""

import re

from sqlalchemy import select

from app.assess.previous import last_round
from app.extensions import db
from app.facilitators.changes import Actor
from app.facilitators.manage import new_link
from app.models import Facilitator, Response, Round

PERSON = "สุนีย์ ทองประเสริฐ"  # answered DEMO25 and DEMO26 in the demo


def _answer(code: str) -> Response:
    """PERSON's response in round `code` (inside an app context)."""
    query = (
        select(Response)
        .join(Facilitator)
        .join(Round)
        .where(Facilitator.name == PERSON, Round.join_code == code)
    )
    return db.session.execute(query).scalar_one()


def _link(app, code: str = "DEMO26") -> tuple[str, dict]:
    """A new personal link for PERSON in round `code`, and her levels in DEMO25."""
    with app.app_context():
        person = db.session.execute(select(Facilitator).filter_by(name=PERSON)).scalar_one()
        round_ = db.session.execute(select(Round).filter_by(join_code=code)).scalar_one()
        _response, token = new_link(person, round_, Actor("test", None, None))
        db.session.commit()
        earlier = _answer("DEMO25")
        levels = {r.item_code: (r.current_level, r.target_level) for r in earlier.ratings}
        return token, levels


def _marks(page: str, kind: str) -> dict[str, str]:
    """item code -> the level whose row carries the mark "last round: <kind>"."""
    found = re.findall(
        rf'<p class="ind row-\d+" id="(\w+)-([\d.]+)">(?:(?!</p>).)*?'
        rf'<span class="was">รอบก่อน: {kind}</span>',
        page,
        re.S,
    )
    return dict(found)


def test_the_change_form_marks_where_i_stood_last_round(app, client, demo):
    token, levels = _link(app)
    page = client.get(f"/r/{token}/edit").text
    assert "รอบก่อน" in page and "รอบที่ 1" in page
    assert _marks(page, "ปัจจุบัน") == {k: f"{c:g}" for k, (c, _t) in levels.items()}
    assert _marks(page, "เป้าหมาย") == {k: f"{t:g}" for k, (_c, t) in levels.items()}


def test_the_public_form_shows_nobody_s_earlier_answers(app, client, demo):
    with app.app_context():
        person = db.session.execute(select(Facilitator).filter_by(name=PERSON)).scalar_one()
        demo26 = db.session.execute(select(Round).filter_by(join_code="DEMO26")).scalar_one()
        # Not yet answered this round, answered the last one: her form from the roster.
        db.session.delete(_answer("DEMO26"))
        db.session.commit()
        assert last_round(demo26, person) is not None
        url = f"/j/DEMO26/f/{person.id}"
    page = client.get(url).text
    assert 'name="K1-current"' in page
    assert '<span class="was">' not in page and 'class="was-note"' not in page


def test_the_result_page_shows_the_change_since_last_round(app, client, demo):
    token, levels = _link(app)
    page = client.get(f"/r/{token}").text
    assert "เทียบกับ รอบที่ 1" in page
    with app.app_context():
        response = _answer("DEMO26")
        now = {r.item_code: r.current_level for r in response.ratings}
    for code, (current, target) in levels.items():
        change = now[code] - current
        shown = "±0" if change == 0 else f"{change:+g}"
        assert f'{shown} <small class="was-levels">(เดิม {current:g} → {target:g})</small>' in page


def test_last_round_is_the_latest_earlier_round_of_the_same_instrument(app, demo):
    with app.app_context():
        person = db.session.execute(select(Facilitator).filter_by(name=PERSON)).scalar_one()
        demo25, demo26 = (
            db.session.execute(select(Round).filter_by(join_code=c)).scalar_one()
            for c in ("DEMO25", "DEMO26")
        )
        assert last_round(demo26, person).round.id == demo25.id
        assert last_round(demo25, person) is None  # nothing before the first round


def test_the_levels_of_a_personal_link_are_only_for_its_holder(app, client, demo):
    token, _levels = _link(app)
    reply = client.get(f"/r/{token}/levels.json")
    assert reply.status_code == 200 and "no-store" in reply.headers["Cache-Control"]
    data = reply.get_json()
    assert data["instrument"] == "facilitator-competency" and data["held_on"] == "2026-11-14"
    with app.app_context():
        response = _answer("DEMO26")
        assert data["person"] == response.facilitator_id
        assert data["levels"] == {
            r.item_code: [r.current_level, r.target_level] for r in response.ratings
        }
    assert client.get(f"/r/{'x' * 43}/levels.json").status_code == 404

"""A round keeps what was true: the person as they answered stays with their response, so
changing their roles, tambon, team, agency or name later never changes a figure or a file of
a round they answered."""

import io

import pytest
from sqlalchemy import select

from app.dashboard.overview import tambon_tallies
from app.exports.files import write_export
from app.extensions import db
from app.models import Facilitator, Response, Round, Tambon
from app.ratings import Mark, record
from app.round_facts import close_round, load_round_facts, reopen_round
from app.scoring import training_plan
from tests import builders

EXPORTS = ("ratings", "ratings-wide", "training-plan")
SUNEE = "สุนีย์ ทองประเสริฐ"


def _round(code: str) -> Round:
    return db.session.execute(select(Round).filter_by(join_code=code)).scalar_one()


def _person(name: str) -> Facilitator:
    return db.session.execute(select(Facilitator).filter_by(name=name)).scalar_one()


def _files(code: str) -> dict[tuple[str, str, str], bytes]:
    """Every export of the round, in both formats and both languages, as bytes."""
    round_ = _round(code)
    files = {}
    for name in EXPORTS:
        for lang in ("th", "en"):
            text = io.StringIO(newline="")
            write_export(text, name, "csv", round_, None, lang)
            binary = io.BytesIO()
            write_export(binary, name, "xlsx", round_, None, lang)
            files[name, "csv", lang] = text.getvalue().encode("utf-8")
            files[name, "xlsx", lang] = binary.getvalue()
    return files


def _figures(code: str):
    facts = load_round_facts(_round(code))
    plan = training_plan(facts.answers, facts.persons, facts.item_order, facts.expected)
    return facts.persons, facts.answers, plan


def test_the_same_round_gives_the_same_bytes_twice(app, demo):
    with app.app_context():
        assert _files("DEMO25") == _files("DEMO25")


def test_a_closed_round_stays_the_same_when_its_people_change(app, demo):
    """Sunee moves from coordination to recording, to another tambon, to team v, renames."""
    with app.app_context():
        before, figures = _files("DEMO25"), _figures("DEMO25")
        sunee = _person(SUNEE)
        elsewhere = builders.tambon("ปากพูน", "Pak Phun")
        sunee.roles, sunee.team, sunee.agency = ("recording",), "v", "อบต.ปากพูน"
        sunee.tambon, sunee.name = elsewhere, "นางสุนีย์ ทองประเสริฐ-ใหม่"
        db.session.commit()
    with app.app_context():
        assert _files("DEMO25") == before
        assert _figures("DEMO25") == figures


def test_role_change_would_have_changed_the_expected_levels(app, demo):
    """The test above could fail: the roles do reach the file (expected level column)."""
    with app.app_context():
        response = db.session.execute(
            select(Response).join(Round).where(Round.join_code == "DEMO25")
            .where(Response.name == SUNEE)
        ).scalar_one()  # fmt: skip
        before = _files("DEMO25")["ratings", "csv", "th"]
        response.roles_text = "recording"
        db.session.commit()
        assert _files("DEMO25")["ratings", "csv", "th"] != before


def test_each_submission_keeps_the_person_as_they_are_then(app, demo):
    """In the open round, answering again after a change takes the new roles and tambon."""
    with app.app_context():
        round_ = _round("DEMO26")
        sunee = _person(SUNEE)
        old_tambon = sunee.tambon_id
        response = db.session.execute(
            select(Response).filter_by(round_id=round_.id, facilitator_id=sunee.id)
        ).scalar_one()
        assert (response.tambon_id, response.roles, response.team) == (
            old_tambon, ("coordination",), "u",
        )  # fmt: skip
        sunee.roles, sunee.team = ("coordination", "recording"), "v"
        db.session.commit()
        answers = [Mark(r.item_code, r.current_level, r.target_level) for r in response.ratings]
        record(round_, sunee.id, answers, "again-after-the-change")
        db.session.refresh(response)
        assert (response.roles, response.team) == (("coordination", "recording"), "v")


def test_a_respondent_counts_where_they_answered(app, demo, client):
    """After Sunee moves to Tha Rai, Bang Chak still counts her answer in the closed round."""
    with app.app_context():
        round_ = _round("DEMO25")
        units_before = {a.person: a.unit for a in load_round_facts(round_).answers}
        sunee = _person(SUNEE)
        bang_chak = str(sunee.tambon_id)
        tha_rai = db.session.execute(select(Tambon).filter_by(name_th="ท่าไร่")).scalar_one()
        sunee.tambon = tha_rai
        db.session.commit()
        facts = load_round_facts(_round("DEMO25"))
        assert {a.person: a.unit for a in facts.answers} == units_before
        assert units_before[sunee.id] == bang_chak
        assert [p.unit for p in facts.persons if p.id == sunee.id] == [bang_chak]


@pytest.mark.parametrize("code", ["DEMO25", "DEMO26"])
def test_a_deactivated_person_who_answered_still_counts(app, demo, code):
    with app.app_context():
        before = _figures(code)
        _person(SUNEE).active = False
        db.session.commit()
        assert _figures(code) == before


def test_a_deactivated_person_leaves_the_roster_of_an_open_round(app, demo, client):
    """Arunee (team v) has not answered DEMO26: deactivated, she is no longer waited for."""
    with app.app_context():
        arunee = _person("อารีย์ ชูช่วยชาติ")
        waiting = {p.id for p in load_round_facts(_round("DEMO26")).persons} - {
            a.person for a in load_round_facts(_round("DEMO26")).answers
        }
        assert arunee.id in waiting
        arunee.active = False
        db.session.commit()
        arunee_id = arunee.id
        facts = load_round_facts(_round("DEMO26"))
        assert arunee_id not in {p.id for p in facts.persons}
    roster = client.get("/j/DEMO26").text
    assert "อารีย์" not in roster and "สุนีย์" in roster
    assert client.get(f"/j/DEMO26/f/{arunee_id}").status_code == 404


def _tallies(code: str) -> list[tuple]:
    return sorted(
        (t.tambon.name_th, t.roster, t.answered) for t in tambon_tallies(_round(code), None)
    )


def test_a_closed_rounds_roster_is_kept_when_it_closes(app, demo):
    """DEMO25 closed with อารีย์ (team v) not answering: whatever happens to her, or to the
    roster, its 'answered N of M' and its waiting list stay."""
    with app.app_context():
        tallies, figures = _tallies("DEMO25"), _figures("DEMO25")
        arunee = _person("อารีย์ ชูช่วยชาติ")
        assert ("บางจาก", 4, 3) in tallies
        arunee.active = False
        tha_rai = db.session.execute(select(Tambon).filter_by(name_th="ท่าไร่")).scalar_one()
        arunee.tambon, arunee.name = tha_rai, "อารีย์ ชูช่วยชาติ-ใหม่"
        builders.facilitator(_person(SUNEE).tambon, "คนมาใหม่ หลังปิดรอบ")
        db.session.commit()
        assert _tallies("DEMO25") == tallies
        assert _figures("DEMO25") == figures


def test_closing_keeps_the_roster_and_reopening_lets_it_go(app, demo):
    with app.app_context():
        round_ = _round("DEMO26")
        close_round(round_)
        db.session.commit()
        waiting = {p["name"] for p in round_.roster_at_close}
        assert waiting == {"อารีย์ ชูช่วยชาติ", "อับดุลเลาะห์ ยูโซะมะ"}
        builders.facilitator(_person(SUNEE).tambon, "คนมาใหม่ หลังปิดรอบ")
        db.session.commit()
        assert ("บางจาก", 4, 3) in _tallies("DEMO26")
        reopen_round(round_)
        db.session.commit()
        assert round_.roster_at_close is None
        assert ("บางจาก", 5, 3) in _tallies("DEMO26")


def test_an_answer_stays_in_its_round_when_its_person_moves_away(app, demo):
    """Sunee moves to a tambon outside DEMO26, then changes her answers: still in the round."""
    with app.app_context():
        round_ = _round("DEMO26")
        sunee = _person(SUNEE)
        bang_chak = sunee.tambon_id
        sunee.tambon = builders.tambon("ปากพูน", "Pak Phun")
        db.session.commit()
        record(round_, sunee.id, builders.answers(round_.instrument_version.instrument, 3, 4), "m")
        response = db.session.execute(
            select(Response).filter_by(round_id=round_.id, facilitator_id=sunee.id)
        ).scalar_one()
        assert response.tambon_id == bang_chak
        assert sunee.id in load_round_facts(round_).respondents()

"""Merging two records of one person: the responses move, nothing is lost, and a closed
round's exports stay byte for byte what they were."""

import io

from sqlalchemy import select

from app.demo.data import DEMO_PASSWORD
from app.exports.catalogue import EXPORTS
from app.exports.files import write_export
from app.extensions import db
from app.models import Facilitator, FacilitatorChange, Response, Round, Tambon
from app.ratings import record, token_hash
from tests import builders
from tests.facilitators.roster_world import answers, sign_in

SUNEE = "นางสุนีย์ ทองประเสริฐ"


def _find(model, **key):
    return db.session.execute(select(model).filter_by(**key)).scalar_one()


def _twin(app, roster) -> int:
    """A second record of สุนีย์, typed without her title and with a typo in the surname
    (no likely-duplicate refusal then), who answered the open round once."""
    with app.app_context():
        place = db.session.get(Tambon, roster.bang_chak)
        twin = builders.facilitator(place, "สุนีย ทองประเสริฐ", roles=("recording",), team="v")
        db.session.commit()
        round_ = db.session.get(Round, roster.open_round)
        _record(round_, twin.id, answers(roster.items, 4, 5), "s-twin")
        return twin.id


def _record(round_, person_id, answers_, submission):
    return record(round_, person_id, answers_, submission, token="twin-token-" + submission)


def test_the_merge_page_finds_the_other_record_and_shows_both(app, client, roster):
    twin = _twin(app, roster)
    sunee = roster.people[SUNEE]
    sign_in(client, "local")
    found = client.get(f"/facilitators/{sunee}/merge?q=ทองประ").text
    assert f"/facilitators/{sunee}/merge?other={twin}" in found
    assert f"merge?other={sunee}" not in found  # never the person themselves
    page = client.get(f"/facilitators/{sunee}/merge?other={twin}").text
    assert "สุนีย ทองประเสริฐ" in page and "ทั้งสองรายการตอบรอบ รอบเปิด" in page
    assert f'name="round_{roster.open_round}"' in page
    assert f'name="round_{roster.closed_round}"' not in page  # only she answered it: no choice


def test_a_merge_where_both_answered_loses_nothing(app, client, roster):
    twin = _twin(app, roster)
    sunee = roster.people[SUNEE]
    with app.app_context():
        mine = _find(Response, facilitator_id=sunee, round_id=roster.open_round)
        kept_id, old_hash = mine.id, mine.token_hash
        history = [(h.revision, h.submission_id, h.ratings) for h in mine.history]
        db.session.add(FacilitatorChange(facilitator_id=twin, by="import", action="import",
                                         after={"name": "สุนีย ทองประเสริฐ"}))  # fmt: skip
        db.session.commit()
    sign_in(client, "local")
    url = f"/facilitators/{sunee}/merge"
    # The choice per round is required.
    refused = client.post(url, data={"other": str(twin)})
    assert refused.status_code == 200 and "เลือกว่าจะใช้คำตอบชุดใด" in refused.text
    done = client.post(url, data={"other": str(twin), f"round_{roster.open_round}": "other"})
    assert done.status_code == 302
    with app.app_context():
        assert db.session.get(Facilitator, twin) is None
        counted = _find(Response, facilitator_id=sunee, round_id=roster.open_round)
        # The twin's response counts now, snapshot untouched; hers is set aside.
        assert counted.token_hash == token_hash("twin-token-s-twin")
        assert (counted.name, counted.roles_text, counted.team) == (
            "สุนีย ทองประเสริฐ", "recording", "v")  # fmt: skip
        assert {r.current_level for r in counted.ratings} == {4}
        assert db.session.get(Response, kept_id) is None
        assert _find(Response, facilitator_id=sunee, round_id=roster.closed_round)
        changes = db.session.execute(
            select(FacilitatorChange).filter_by(facilitator_id=sunee).order_by(FacilitatorChange.id)
        ).scalars().all()  # fmt: skip
        assert [c.action for c in changes] == ["import", "merge"]  # the twin's history moved
        merge = changes[1]
    assert merge.before["other"]["id"] == twin and merge.before["other"]["name"] == "สุนีย ทองประเสริฐ"
    [aside] = merge.before["set_aside"]
    assert (aside["response_id"], aside["round_id"], aside["token_hash"]) == (
        kept_id, roster.open_round, old_hash)  # fmt: skip
    assert aside["revision"] == 2 and aside["name"] == SUNEE and aside["roles"] == "coordination"
    assert len(aside["ratings"]) == len(roster.items)
    assert {(r["current_level"], r["target_level"]) for r in aside["ratings"]} == {(3, 4)}
    assert [
        (h["revision"], h["submission_id"], h["ratings"]) for h in aside["revisions"]
    ] == history
    assert [h["submission_id"] for h in aside["revisions"]] == ["s-open-1", "s-open-2"]
    page = client.get(f"/facilitators/{sunee}").text
    assert "รวมกับอีกรายการหนึ่ง" in page and f"สุนีย ทองประเสริฐ (#{twin})" in page
    assert "คำตอบที่ไม่ได้ใช้ (เก็บไว้): รอบเปิด ครั้งที่ 2" in page
    assert "เก็บไว้ 2 ครั้งที่บันทึก" in page


def test_choosing_this_records_answers_sets_the_others_aside(app, client, roster):
    twin = _twin(app, roster)
    sunee = roster.people[SUNEE]
    sign_in(client, "admin")
    data = {"other": str(twin), f"round_{roster.open_round}": "kept"}
    assert client.post(f"/facilitators/{sunee}/merge", data=data).status_code == 302
    with app.app_context():
        counted = _find(Response, facilitator_id=sunee, round_id=roster.open_round)
        assert counted.revision == 2 and counted.name == SUNEE
        merge = _find(FacilitatorChange, action="merge")
        assert merge.before["set_aside"][0]["token_hash"] == token_hash("twin-token-s-twin")


def test_a_merge_with_oneself_or_someone_unseen_is_refused(app, client, roster):
    sunee, somchai = roster.people[SUNEE], roster.people["สมชาย ใจงามยิ่ง"]
    sign_in(client, "local")
    itself = client.post(f"/facilitators/{sunee}/merge", data={"other": str(sunee)})
    assert itself.status_code == 200 and "รวมรายการเข้ากับตัวเองไม่ได้" in itself.text
    assert client.get(f"/facilitators/{sunee}/merge?other={somchai}").status_code == 404
    assert (
        client.post(f"/facilitators/{sunee}/merge", data={"other": str(somchai)}).status_code == 404
    )
    assert client.post(f"/facilitators/{sunee}/merge", data={"other": "abc"}).status_code == 404
    with app.app_context():
        assert db.session.execute(select(FacilitatorChange)).first() is None
        assert db.session.get(Facilitator, somchai) is not None


# --- A closed round's exports, byte for byte (demo data: DEMO25 is closed). ---------------


def _exports(app, code: str) -> dict[str, bytes]:
    """Every export of the round in both formats, as the bytes of the file."""
    files = {}
    with app.app_context():
        round_ = _find(Round, join_code=code)
        for name in EXPORTS:
            text = io.StringIO(newline="")
            write_export(text, name, "csv", round_, None, "th")
            files[f"{name}.csv"] = text.getvalue().encode("utf-8")
            binary = io.BytesIO()
            write_export(binary, name, "xlsx", round_, None, "th")
            files[f"{name}.xlsx"] = binary.getvalue()
    return files


def _demo_twin(
    app, round_code: str, name: str, twin_name: str, tambon: str | None = None
) -> tuple[int, int]:
    """A second record of demo person `name`, who answered round `round_code`."""
    with app.app_context():
        person = _find(Facilitator, name=name)
        place = _find(Tambon, name_th=tambon) if tambon else person.tambon
        twin = builders.facilitator(place, twin_name, roles=("recording",), team="v", agency="กศน.")
        db.session.commit()
        round_ = _find(Round, join_code=round_code)
        instrument = round_.instrument_version.instrument
        _record(round_, twin.id, builders.answers(instrument, 1, 2), f"twin-{round_code}")
        return person.id, twin.id


def test_a_closed_rounds_exports_are_byte_identical_after_a_merge(app, client, demo):
    # สุนีย์ answered both demo rounds; her twin answered the open one. Keeping her record,
    # with the twin's answers counting in DEMO26: DEMO25 must not change by one byte.
    sunee, twin = _demo_twin(app, "DEMO26", "สุนีย์ ทองประเสริฐ", "สุนีย ทองประเสรีฐ")
    before = _exports(app, "DEMO25")
    assert before["ratings.csv"].count("สุนีย์ ทองประเสริฐ".encode()) > 0
    sign_in_demo(client)
    with app.app_context():
        demo26 = _find(Round, join_code="DEMO26").id
    data = {"other": str(twin), f"round_{demo26}": "other"}
    assert client.post(f"/facilitators/{sunee}/merge", data=data).status_code == 302
    after = _exports(app, "DEMO25")
    assert after.keys() == before.keys()
    for name in before:
        assert after[name] == before[name], name


def sign_in_demo(client) -> None:
    response = client.post("/signin", data={"username": "admin", "password": DEMO_PASSWORD})
    assert response.status_code == 302


def test_a_closed_rounds_exports_are_byte_identical_when_its_answers_move(app, client, demo):
    # The record that answered DEMO25 is merged into one with another name, tambon, roles and
    # team: the DEMO25 response now belongs to that person, and the round's files are the same.
    sunee, twin = _demo_twin(app, "DEMO26", "สุนีย์ ทองประเสริฐ", "นาง สุนีย์ ทองประเสริฐ", "ท่าไร่")
    before = _exports(app, "DEMO25")
    sign_in_demo(client)
    with app.app_context():
        demo26 = _find(Round, join_code="DEMO26").id
    data = {"other": str(sunee), f"round_{demo26}": "kept"}
    assert client.post(f"/facilitators/{twin}/merge", data=data).status_code == 302
    with app.app_context():
        moved = _find(Response, round_id=_find(Round, join_code="DEMO25").id, facilitator_id=twin)
        assert moved.name == "สุนีย์ ทองประเสริฐ"
    after = _exports(app, "DEMO25")
    for name in before:
        assert after[name] == before[name], name

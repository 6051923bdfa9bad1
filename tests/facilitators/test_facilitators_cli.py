"""`flask facilitators …`: the same rules from the command line, admin scope."""

import re

from sqlalchemy import func, select

from app.extensions import db
from app.models import Facilitator, FacilitatorChange, Response
from app.ratings import token_hash
from tests.security.security_world import table_counts

SUNEE = "นางสุนีย์ ทองประเสริฐ"


def _run(runner, *args):
    return runner.invoke(args=["facilitators", *map(str, args)])


def _refused(app, runner, *args, message: str) -> None:
    """The command fails with `message`, a non-zero exit and not one row changed."""
    before = table_counts(app)
    result = _run(runner, *args)
    assert result.exit_code != 0 and message in result.output, result.output
    assert table_counts(app) == before


def test_help_lists_the_commands(runner, app):
    result = _run(runner, "--help")
    assert result.exit_code == 0
    for command in ("list", "show", "edit", "merge", "deactivate", "new-link", "delete"):
        assert re.search(rf"^\s+{command}\s", result.output, re.M), command


def test_list_in_thai_order_with_search_and_tambon(runner, roster):
    result = _run(runner, "list")
    assert result.exit_code == 0
    names = [line.split("\t")[1] for line in result.output.splitlines()]
    assert names[:3] == ["กมล สุขใจ", "เกศินี ใจดี", "ข้าวหอม_50%"] and len(names) == 6
    found = _run(runner, "list", "--search", "นาง สุนีย์").output.splitlines()
    assert [line.split("\t")[:2] for line in found] == [[str(roster.people[SUNEE]), SUNEE]]
    assert found[0].split("\t")[2:] == ["บางจาก", "coordination", "พช.", "u", "2", "active"]
    tha_rai = _run(runner, "list", "--tambon", roster.tha_rai).output
    assert "สมชาย ใจงามยิ่ง" in tha_rai and SUNEE not in tha_rai
    unknown = _run(runner, "list", "--tambon", "999999")
    assert unknown.exit_code != 0 and "no tambon has id 999999" in unknown.output


def test_show_gives_rounds_and_history(runner, roster):
    sunee = roster.people[SUNEE]
    assert _run(runner, "edit", sunee, "--agency", "อบต.").exit_code == 0
    result = _run(runner, "show", sunee)
    assert result.exit_code == 0
    assert "รอบเปิด" in result.output and "รอบปิด" in result.output and "revision 2" in result.output
    assert "command line\tDetails changed\tAgency: พช. -> อบต." in result.output


def test_edit_changes_only_what_is_given_and_logs_it(app, runner, roster):
    kamon = roster.people["กมล สุขใจ"]
    args = ("edit", kamon, "--roles", "recording,coordination", "--team", "none")
    result = _run(runner, *args)
    assert result.exit_code == 0 and "Saved" in result.output
    with app.app_context():
        person = db.session.get(Facilitator, kamon)
        assert (person.name, person.roles, person.team) == (
            "กมล สุขใจ", ("coordination", "recording"), None)  # fmt: skip
        [change] = db.session.execute(select(FacilitatorChange)).scalars()
        assert (change.by, change.coordinator_id, change.action) == ("command line", None, "edit")
        assert change.before == {"roles": ["coordination"], "team": "u"}
        assert change.after == {"roles": ["coordination", "recording"], "team": None}
    assert "Nothing was changed" in _run(runner, *args).output


def test_edit_refuses_bad_input_and_writes_nothing(app, runner, roster):
    kamon = roster.people["กมล สุขใจ"]
    _refused(app, runner, "edit", kamon, "--name", "สุนีย์ ทองประเสริฐ",
             message="likely the same person")  # fmt: skip
    _refused(app, runner, "edit", kamon, "--name", "\u200b", message="at least one letter")
    _refused(app, runner, "edit", kamon, "--name", "ก" * 201, message="at most 200")
    _refused(app, runner, "edit", kamon, "--tambon", 999999, message="Choose one of your tambons")
    _refused(app, runner, "edit", kamon, "--roles", "boss", message="roles are one or more")
    _refused(app, runner, "edit", kamon, "--team", "x", message="'x' is not one of")
    _refused(app, runner, "edit", 999999, "--name", "x", message="no facilitator with id 999999")
    _refused(app, runner, "edit", "abc", message="'abc' is not a valid integer")


def test_deactivate_and_undo(app, runner, roster):
    kamon = roster.people["กมล สุขใจ"]
    assert "is deactivated" in _run(runner, "deactivate", kamon).output
    assert "กมล" not in _run(runner, "list").output
    assert "กมล สุขใจ" in _run(runner, "list", "--all").output
    assert "Already deactivated" in _run(runner, "deactivate", kamon).output
    assert "is active" in _run(runner, "deactivate", kamon, "--undo").output
    with app.app_context():
        actions = db.session.execute(select(FacilitatorChange.action)).scalars().all()
        assert sorted(actions) == ["deactivate", "reactivate"]
    _refused(app, runner, "deactivate", 999999, message="no facilitator")


def test_delete_only_who_never_answered(app, runner, roster):
    _refused(app, runner, "delete", roster.people[SUNEE], message="deactivate them instead")
    result = _run(runner, "delete", roster.people["กมล สุขใจ"])
    assert result.exit_code == 0 and "Deleted กมล สุขใจ" in result.output
    with app.app_context():
        assert db.session.get(Facilitator, roster.people["กมล สุขใจ"]) is None


def test_merge_with_a_choice_per_round(app, runner, roster):
    sunee, somchai = roster.people[SUNEE], roster.people["สมชาย ใจงามยิ่ง"]
    # Both answered the open round: a choice is needed, and must be well formed.
    _refused(app, runner, "merge", sunee, somchai, message="Choose which answers count in: รอบเปิด")
    _refused(app, runner, "merge", sunee, somchai, "--keep", "x=kept", message="ROUND_ID=kept")
    _refused(app, runner, "merge", sunee, somchai, "--keep", f"{roster.open_round}=mine",
             message="ROUND_ID=kept")  # fmt: skip
    _refused(app, runner, "merge", sunee, sunee, message="cannot be merged with themselves")
    _refused(app, runner, "merge", sunee, 999999, message="no facilitator with id 999999")
    result = _run(runner, "merge", sunee, somchai, "--keep", f"{roster.open_round}=kept")
    assert result.exit_code == 0 and "1 response(s) set aside" in result.output
    with app.app_context():
        assert db.session.get(Facilitator, somchai) is None
        count = select(func.count(Response.id)).where(Response.facilitator_id == sunee)
        assert db.session.execute(count).scalar_one() == 2
        merge = db.session.execute(select(FacilitatorChange)).scalar_one()
        assert merge.before["set_aside"][0]["name"] == "สมชาย ใจงามยิ่ง"


def test_new_link_prints_a_working_link(app, runner, roster):
    sunee = roster.people[SUNEE]
    result = _run(runner, "new-link", sunee, roster.open_round)
    assert result.exit_code == 0
    link = result.output.strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:5000/r/[A-Za-z0-9_-]{43}", link)
    token = link.rsplit("/", 1)[1]
    with app.app_context():
        response = db.session.execute(
            select(Response).filter_by(facilitator_id=sunee, round_id=roster.open_round)
        ).scalar_one()
        assert response.token_hash == token_hash(token)
    assert app.test_client().get(f"/r/{token}").status_code == 200
    app.config["PUBLIC_URL"] = "https://ft.example.org/"
    assert _run(runner, "new-link", sunee, roster.open_round).output.startswith(
        "https://ft.example.org/r/")  # fmt: skip
    _refused(app, runner, "new-link", sunee, roster.closed_round, message="The round is closed")
    _refused(app, runner, "new-link", sunee, 999999, message="no round with id 999999")
    _refused(app, runner, "new-link", roster.people["กมล สุขใจ"], roster.open_round,
             message="has not answered this round")  # fmt: skip


def test_ids_out_of_range_are_refused(app, runner, roster):
    _refused(app, runner, "show", 99999999999999999999, message="not in the range")
    _refused(app, runner, "list", "--tambon", 0, message="not in the range")
    _refused(app, runner, "new-link", 1, -3, message="No such option")
    _refused(app, runner, "show", 999999, message="no facilitator with id 999999")
    _refused(app, runner, "delete", 999999, message="no facilitator with id 999999")
    _refused(app, runner, "merge", 1, message="Missing argument 'OTHER_ID'")

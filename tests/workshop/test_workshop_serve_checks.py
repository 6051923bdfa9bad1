"""What `workshop serve` checks before it serves: no account with the public demo password
on the network, a port it can have, a port that is a number; and `coordinators password`."""

import socket

from sqlalchemy import func, select

from app.demo.data import DEMO_PASSWORD
from app.extensions import db
from app.models import Coordinator, Round
from app.workshop import files
from app.workshop.pack import pack_round


def test_the_demo_accounts_are_not_served_to_the_network(app, demo):
    runner = app.test_cli_runner()
    refused = runner.invoke(args=["workshop", "serve", "--port", "1"])
    assert refused.exit_code == 1
    assert "The demo accounts admin, bangchak are in this database" in refused.output
    assert "coordinators password admin" in refused.output
    assert "On the wall" not in refused.output


def test_a_new_password_ends_the_demo_password_and_every_sign_in(app, demo):
    runner = app.test_cli_runner()
    with app.app_context():
        before = db.session.execute(select(Coordinator).filter_by(username="admin")).scalar()
        token_before = before.session_token
    short = runner.invoke(args=["coordinators", "password", "admin", "--password", "short"])
    assert short.exit_code == 2 and "at least 10 characters" in short.output
    nobody = runner.invoke(args=["coordinators", "password", "nobody", "--password", "x" * 12])
    assert nobody.exit_code == 2 and "no account is named nobody" in nobody.output
    done = runner.invoke(args=["coordinators", "password", "admin", "--password", "a-new-secret"])
    assert done.exit_code == 0, done.output
    with app.app_context():
        admin = db.session.execute(select(Coordinator).filter_by(username="admin")).scalar()
        assert admin.check_password("a-new-secret") and not admin.check_password(DEMO_PASSWORD)
        assert admin.session_token != token_before
    # bangchak still has the demo password: still refused, naming only bangchak.
    refused = runner.invoke(args=["workshop", "serve", "--port", "1"])
    assert refused.exit_code == 1 and "The demo accounts bangchak are" in refused.output


def test_a_port_in_use_or_not_a_number_is_a_clear_error(app, instruments, monkeypatch):
    runner = app.test_cli_runner()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = runner.invoke(args=["workshop", "serve", "--loopback", "--port", str(port)])
    assert busy.exit_code == 1, busy.output
    assert f"Cannot listen on port {port}" in busy.output and "--port 8080" in busy.output
    assert "Traceback" not in busy.output
    monkeypatch.setenv("PORT", "abc")
    wrong = runner.invoke(args=["workshop", "serve", "--loopback"])
    assert wrong.exit_code == 2 and "Invalid value for '--port'" in wrong.output
    outside = runner.invoke(args=["workshop", "serve", "--loopback", "--port", "70000"])
    assert outside.exit_code == 2 and "70000" in outside.output


def test_the_demo_password_is_refused_for_any_account(app, instruments):
    runner = app.test_cli_runner()
    made = runner.invoke(
        args=["coordinators", "create", "someone", "--admin", "--password", DEMO_PASSWORD]
    )
    assert made.exit_code == 2 and "the demo password is public" in made.output
    with app.app_context():
        assert db.session.execute(select(Coordinator)).first() is None


def test_a_round_file_with_a_join_code_no_round_could_have_is_refused(app, server, tmp_path):
    from tests.workshop.test_workshop_round_trip import _round

    with app.app_context():
        content = pack_round(_round())
        rounds_before = db.session.execute(select(func.count(Round.id))).scalar()
    content["round"]["join_code"] = "../../x"
    broken = tmp_path / "round.ftw"
    files.write(broken, files.ROUND, content)
    result = app.test_cli_runner().invoke(args=["workshop", "unpack", str(broken)])
    assert result.exit_code == 1 and "the workshop file is damaged" in result.output
    with app.app_context():
        assert db.session.execute(select(func.count(Round.id))).scalar() == rounds_before

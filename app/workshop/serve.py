"""`flask workshop serve`: the app served to the laptop's network by Waitress.

Waitress reads each request whole in its own asynchronous layer before a worker thread sees
it, so a phone on a slow hotspot holds no thread while it sends; it runs on Windows too.
The join links, QR codes and posters use the laptop's address on that network (PUBLIC_URL,
unless it is set already).
"""

import errno
import ipaddress
import os
import select
import socket

import click
from flask import current_app, url_for
from flask.cli import with_appcontext
from sqlalchemy import select as query

from app.extensions import db
from app.models import Coordinator, Round

LOOPBACK = "127.0.0.1"
# Waitress's settings for a hall of phones: enough threads for a burst of submissions, and
# room for many idle or slow connections, which cost no thread while they send.
THREADS = 8
CONNECTION_LIMIT = 500
CHANNEL_TIMEOUT = 60  # seconds a connection may stay silent before it is closed


def network_address() -> str:
    """The laptop's address on its network: the interface it would use to reach a private
    network, else an address of its host name, else 127.0.0.1. No packet is sent."""
    return _routed_address() or _host_name_address() or LOOPBACK


def _usable(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_unspecified or ip.is_link_local)


def _routed_address() -> str | None:
    # "Connecting" a UDP socket only asks the system which interface would route there.
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
    except OSError:
        return None
    return address if _usable(address) else None


def _host_name_address() -> str | None:
    try:
        addresses = socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        return None
    return next((a for a in addresses if _usable(a)), None)


def public_base(address: str, port: int) -> str:
    return f"http://{address}:{port}"


def _open_rounds() -> list[Round]:
    rounds = query(Round).filter_by(is_open=True).order_by(Round.held_on.desc(), Round.id.desc())
    return list(db.session.execute(rounds).scalars())


def _announce(base: str, port: int, rounds: list[Round]) -> None:
    click.echo(f"On this laptop, open  http://127.0.0.1:{port}/  (sign in, rounds, poster)")
    click.echo(f"Phones reach it at    {base}/  (same Wi-Fi or hotspot, no internet needed)")
    with current_app.test_request_context():
        for round_ in rounds:
            link = base + url_for("assess.roster", code=round_.join_code)
            click.echo(f"On the wall: {link}   ({round_.name}, join code {round_.join_code})")
    click.echo("Ctrl+C stops the server.")


def _demo_accounts() -> list[str]:
    """The accounts that still have the demo password anyone can read in the README."""
    from app.demo.data import COORDINATORS, DEMO_PASSWORD

    names = [username for username, *_ in COORDINATORS]
    accounts = db.session.execute(query(Coordinator).where(Coordinator.username.in_(names)))
    return [a.username for a in accounts.scalars() if a.check_password(DEMO_PASSWORD)]


def _refuse_demo_accounts() -> None:
    found = _demo_accounts()
    if found:
        raise click.ClickException(
            f"The demo accounts {', '.join(found)} are in this database with the demo password "
            "printed in the README: anyone on the workshop's Wi-Fi could sign in with them. "
            "Give each a password of its own (flask --app wsgi coordinators password "
            f"{found[0]}), or use a fresh database (without `make run`'s demo data)."
        )


def _hints(loopback: bool, address: str, rounds: list[Round]) -> None:
    """Warnings for what would stop a workshop: no network, no round, no account."""
    if not loopback and address == LOOPBACK:
        click.echo(
            "Warning: this laptop is on no network, so phones cannot reach it. Connect it to "
            "the hall's Wi-Fi or a phone's hotspot, then start again.",
            err=True,
        )
    if not rounds:
        click.echo(
            "No open round here yet: unpack one (flask --app wsgi workshop unpack round.ftw) "
            "or open one under Rounds.",
            err=True,
        )
    if db.session.execute(query(Coordinator.id).limit(1)).first() is None:
        click.echo(
            "No account to sign in with yet: flask --app wsgi coordinators create NAME --admin",
            err=True,
        )


def _check_port(host: str, port: int) -> None:
    """A clear error, before Waitress starts, when the port cannot be had."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            why = "another program (or another copy of this server) is using it. Stop it, or"
        elif error.errno == errno.EACCES:
            why = "ports below 1024 need an administrator. Instead,"
        else:
            why = f"{error.strerror or error}. Instead,"
        raise click.ClickException(
            f"Cannot listen on port {port}: {why} choose another port: --port 8080 or PORT=8080."
        ) from None


def _server(app, host: str, port: int):
    """Waitress, listening on `host`:`port`."""
    import waitress

    _check_port(host, port)
    return waitress.create_server(
        app,
        host=host,
        port=port,
        threads=THREADS,
        connection_limit=CONNECTION_LIMIT,
        channel_timeout=CHANNEL_TIMEOUT,
        asyncore_use_poll=hasattr(select, "poll"),  # no 1,024-socket limit where poll exists
        ident="freedom-table",
    )


@click.command("serve")
@click.option("--port", type=click.IntRange(1, 65535),
              default=lambda: os.environ.get("PORT") or "8000",
              show_default="8000, or PORT")  # fmt: skip
@click.option("--loopback", is_flag=True, hidden=True, help="Listen on 127.0.0.1 only (tests).")
@with_appcontext
def serve_command(port: int, loopback: bool) -> None:
    """Serve the app to this laptop's network (Waitress), for a workshop without internet."""
    app = current_app._get_current_object()
    if not loopback:
        _refuse_demo_accounts()
    host = LOOPBACK if loopback else "0.0.0.0"
    address = LOOPBACK if loopback else network_address()
    server = _server(app, host, port)
    if not app.config.get("PUBLIC_URL"):
        app.config["PUBLIC_URL"] = public_base(address, port)
    rounds = _open_rounds()
    _announce(app.config["PUBLIC_URL"].rstrip("/"), port, rounds)
    _hints(loopback, address, rounds)
    db.session.remove()  # the checks' connection goes back to the pool before serving
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.close()

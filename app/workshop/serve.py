"""`flask workshop serve`: the app served to the laptop's network by Waitress.

Waitress reads each request whole in its own asynchronous layer before a worker thread sees
it, so a phone on a slow hotspot holds no thread while it sends; it runs on Windows too.
The join links, QR codes and posters use the laptop's address on that network (PUBLIC_URL,
unless it is set already).
"""

import ipaddress
import os
import select
import socket

import click
from flask import current_app, url_for
from flask.cli import with_appcontext
from sqlalchemy import select as query

from app.extensions import db
from app.models import Round

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


def _announce(base: str, port: int) -> None:
    click.echo(f"On this laptop, open  http://127.0.0.1:{port}/  (sign in, rounds, poster)")
    click.echo(f"Phones reach it at    {base}/  (same Wi-Fi or hotspot, no internet needed)")
    with current_app.test_request_context():
        for round_ in _open_rounds():
            link = base + url_for("assess.roster", code=round_.join_code)
            click.echo(f"On the wall: {link}   ({round_.name}, join code {round_.join_code})")
    click.echo("Ctrl+C stops the server.")


@click.command("serve")
@click.option("--port", type=int, default=lambda: int(os.environ.get("PORT") or 8000),
              show_default="8000, or PORT")  # fmt: skip
@click.option("--loopback", is_flag=True, hidden=True, help="Listen on 127.0.0.1 only (tests).")
@with_appcontext
def serve_command(port: int, loopback: bool) -> None:
    """Serve the app to this laptop's network (Waitress), for a workshop without internet."""
    import waitress

    app = current_app._get_current_object()
    host = LOOPBACK if loopback else "0.0.0.0"
    address = LOOPBACK if loopback else network_address()
    if not app.config.get("PUBLIC_URL"):
        app.config["PUBLIC_URL"] = public_base(address, port)
    _announce(app.config["PUBLIC_URL"].rstrip("/"), port)
    waitress.serve(
        app,
        host=host,
        port=port,
        threads=THREADS,
        connection_limit=CONNECTION_LIMIT,
        channel_timeout=CHANNEL_TIMEOUT,
        asyncore_use_poll=hasattr(select, "poll"),  # no 1,024-socket limit where poll exists
        ident="freedom-table",
    )

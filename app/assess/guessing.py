"""Slow down guessing join codes.

A join code opens a round's roster (names) and the forms of those who have not answered
yet. Codes are 6 characters of 31 (887 million), so a guesser needs millions of tries;
after MAX_MISSES codes that opened nothing within WINDOW, from one source, every code
lookup from it is refused (429) until the oldest miss leaves the window. A workshop
behind one address mistypes a few codes, not sixty in a quarter of an hour.

Kept in the database, not in the app server's memory, so every app server counts the same.
"""

import ipaddress
from datetime import datetime, timedelta

from flask import abort, make_response, render_template, request
from flask_babel import gettext as _
from sqlalchemy import delete, func, select

from app.extensions import db
from app.models import JoinCodeMiss, Round
from app.models.base import utcnow
from app.rounds.codes import find_round, typed

WINDOW = timedelta(minutes=15)
MAX_MISSES = 60
KEEP = timedelta(hours=24)


def source(address: str) -> str:
    """Who is counted: an IPv4 address, or the /64 of an IPv6 address (one home or phone
    holds a whole /64, so counting single IPv6 addresses would count nothing)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:45]
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _recent_misses(who: str) -> tuple[int, datetime | None]:
    """How many misses of `who` are in the window, and when the oldest of them was."""
    query = select(func.count(), func.min(JoinCodeMiss.at)).where(
        JoinCodeMiss.source == who, JoinCodeMiss.at >= utcnow() - WINDOW
    )
    return tuple(db.session.execute(query).one())


def _refuse(oldest: datetime, code: str):
    """The code box again, saying how long to wait; Retry-After for any other client."""
    wait = max(1, int((oldest + WINDOW - utcnow()).total_seconds()) + 1)
    error = _("Too many codes that open no round were tried from this network. Wait "
              "%(minutes)d minutes and try again.", minutes=max(1, round(wait / 60)))  # fmt: skip
    page = render_template("assess/join.html", code=code, error=error)
    abort(make_response(page, 429, {"Retry-After": str(wait)}))


def _count_miss(who: str) -> None:
    db.session.execute(delete(JoinCodeMiss).where(JoinCodeMiss.at < utcnow() - KEEP))
    db.session.add(JoinCodeMiss(source=who))
    db.session.commit()


def find_round_or_refuse(code: str) -> Round | None:
    """The round of `code` (as `find_round`), counting a code that opens none; refused
    (429) while the visitor's source has too many recent misses."""
    who = source(request.remote_addr or "")
    misses, oldest = _recent_misses(who)
    if misses >= MAX_MISSES:
        _refuse(oldest, code)
    round_ = find_round(code)
    if round_ is None and typed(code):
        _count_miss(who)
    return round_

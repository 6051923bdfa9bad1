"""Slow down guessing join codes.

A join code opens a round's roster (names) and the forms of those who have not answered
yet. Codes are 6 characters of 31 (887 million), so a guesser needs millions of tries;
after MAX_MISSES codes that opened nothing within WINDOW, from one source, a code lookup
from it is refused (429) until the oldest miss leaves the window. Only codes that open no
round are counted. A round this browser has already opened (kept in its session), or a
retry of answers already stored, is never refused: the phones of a workshop behind one
public address go on working while one of them mistypes. A browser that has not opened
the round is refused even with the right code while its source is over the limit, or the
refusal itself would tell a guesser which codes are right.

Kept in the database, not in the app server's memory, so every app server counts the same.
"""

import ipaddress
from datetime import datetime, timedelta

from flask import abort, make_response, render_template, request, session
from flask_babel import gettext as _
from sqlalchemy import delete, func, select

from app.extensions import db
from app.models import JoinCodeMiss, Round
from app.models.base import utcnow
from app.numbers import whole
from app.rounds.codes import find_round, typed

WINDOW = timedelta(minutes=15)
MAX_MISSES = 60
KEEP = timedelta(hours=24)
KNOWN_ROUNDS = 20  # rounds a browser remembers having opened (a phone shared in a workshop)


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
              "%(minutes)d minutes and try again.", minutes=max(1, whole(wait / 60)))  # fmt: skip
    page = render_template("assess/join.html", code=code, error=error)
    abort(make_response(page, 429, {"Retry-After": str(wait)}))


def _count_miss(who: str) -> None:
    db.session.execute(delete(JoinCodeMiss).where(JoinCodeMiss.at < utcnow() - KEEP))
    db.session.add(JoinCodeMiss(source=who))
    db.session.commit()


def find_round_or_refuse(code: str, known: int | None = None) -> Round | None:
    """The round of `code` (as `find_round`), counting a code that opens none. Refused (429)
    while the visitor's source has too many recent misses, unless this browser has opened
    the round before or the round's id is `known` (the request proves it, e.g. a retry)."""
    round_ = find_round(code)
    if round_ is not None and round_.id in [*_known_rounds(), known]:
        return round_
    who = source(request.remote_addr or "")
    misses, oldest = _recent_misses(who)
    if misses >= MAX_MISSES:
        _refuse(oldest, code)
    if round_ is None and typed(code):
        _count_miss(who)
    if round_ is not None:
        _remember(round_)
    return round_


def _known_rounds() -> list[int]:
    """The rounds this browser has opened (its session's own list)."""
    known = session.get("rounds", [])
    return [n for n in known if isinstance(n, int)] if isinstance(known, list) else []


def _remember(round_: Round) -> None:
    session["rounds"] = ([round_.id] + [n for n in _known_rounds() if n != round_.id])[
        :KNOWN_ROUNDS
    ]

"""The report of a scope, as HTML and as PDF, in the language asked (request or CLI)."""

from datetime import datetime
from functools import partial

from flask import render_template, url_for
from flask_babel import force_locale
from sqlalchemy import select

from app.dashboard.rounds import latest_earlier, same_instrument, sharing_respondents
from app.dashboard.scope import Scope
from app.extensions import db
from app.i18n import BANGKOK
from app.models import Round
from app.rounds.access import scope_for

from .gather import Report, build_report, no_url
from .pdf import pdf_bytes


def earlier_scope(scope: Scope, others: list[Round], user=None) -> Scope | None:
    """The previous round to compare with (as the progress page picks it), in the user's
    scope of it (`user` None: the same tambons as `scope`, for the command line)."""
    chosen = latest_earlier(scope.round, others, sharing_respondents(scope, others))
    if chosen is None:
        return None
    if user is not None:
        return scope_for(user, chosen)
    return Scope(db.session.get(Round, chosen), scope.tambon_ids)


def every_round_like(round_: Round) -> list[Round]:
    """Every other round of the same instrument (the command line sees every round)."""
    rounds = db.session.execute(select(Round).where(Round.id != round_.id)).scalars()
    return [other for other in rounds if same_instrument(other, round_)]


def report_of(scope: Scope, lang: str, earlier: Scope | None, on_screen: bool = False) -> Report:
    """The report; `on_screen`: its charts link to the dashboard's chart URLs."""
    url = partial(chart_url, scope.round.id) if on_screen else no_url
    with force_locale(lang):
        return build_report(scope, lang, earlier, datetime.now(BANGKOK).date(), url)


def chart_url(round_id: int, name: str, **params: object) -> str:
    """The dashboard's PNG of chart `name` of the round."""
    return url_for("dashboard.chart", round_id=round_id, name=name, fmt="png", **params)


def report_html(report: Report, pdf: bool = False) -> str:
    """The report page (pdf: without the screen-only links and stylesheet link)."""
    with force_locale(report.lang):
        return render_template("report/report.html", report=report, pdf=pdf)


def report_pdf(report: Report) -> bytes:
    return pdf_bytes(report_html(report, pdf=True))


def report_file_bytes(round_: Round, tambon_ids, lang: str) -> bytes:
    """The PDF of the round's tambons `tambon_ids` (None: all), compared with the previous
    round of the same tambons: what `flask report` and the background worker write."""
    scope = Scope(round_, None if tambon_ids is None else frozenset(tambon_ids))
    return report_pdf(report_of(scope, lang, earlier_scope(scope, every_round_like(round_))))

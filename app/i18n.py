"""Thai first, English one tap away: the language choice, and dates in the Buddhist era."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import Blueprint, current_app, redirect, request
from flask_babel import get_locale

bp = Blueprint("i18n", __name__)

LANG_COOKIE = "lang"
THAI_MONTHS = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
ENGLISH_MONTHS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
BANGKOK = ZoneInfo("Asia/Bangkok")


def select_locale() -> str:
    """The language the visitor chose (kept in a cookie), else Thai."""
    chosen = request.cookies.get(LANG_COOKIE)
    return chosen if chosen in current_app.config["LANGUAGES"] else "th"


def current_lang() -> str:
    return str(get_locale() or "th")


def format_day(day: date, lang: str) -> str:
    """A date as people write it: 21 พ.ย. 2569 (Buddhist era) in Thai, 21 Nov 2026 in English."""
    if lang == "th":
        return f"{day.day} {THAI_MONTHS[day.month - 1]} {day.year + 543}"
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"


def format_moment(moment: datetime, lang: str) -> str:
    """A stored UTC timestamp in Thailand's time: date as `format_day`, then HH:MM."""
    local = moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(BANGKOK)
    return f"{format_day(local.date(), lang)} {local:%H:%M}"


@bp.post("/lang")
def choose_language():
    """Remember the chosen language for a year and go back to the page the visitor was on."""
    lang = request.form.get("lang", "th")
    back = request.form.get("next", "/")
    # Only a path on this site: never send a visitor to another host.
    if not back.startswith("/") or back.startswith(("//", "/\\")):
        back = "/"
    response = redirect(back)
    if lang in current_app.config["LANGUAGES"]:
        response.set_cookie(
            LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="Lax", httponly=True
        )
    return response


def init_app(app) -> None:
    """Template filters and globals for language and dates."""
    app.register_blueprint(bp)
    app.add_template_global(current_lang, "current_lang")
    app.add_template_filter(lambda d: format_day(d, current_lang()), "day")
    app.add_template_filter(lambda m: format_moment(m, current_lang()), "moment")

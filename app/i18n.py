"""Thai first, English one tap away: the language choice, and dates in the Buddhist era."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import Blueprint, current_app, redirect, request
from flask_babel import get_locale

from app.security import site_path

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
BUDDHIST_ERA_OFFSET = 543
# Years as people type them: 2400-2700 can only be Buddhist era (1857-2157 CE) and 1900-2200
# only Christian era, so the two ranges never overlap and no year is read two ways.
BUDDHIST_YEARS = range(2400, 2701)
CHRISTIAN_YEARS = range(1900, 2201)
# Message keys of parse_day's ValueError.
NOT_A_DATE, YEAR_OUT_OF_RANGE = "not_a_date", "year_out_of_range"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TYPED = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


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


def parse_day(text: str, lang: str = "th") -> date:
    """The date typed as YYYY-MM-DD or D/M/YYYY, its year in either era (see BUDDHIST_YEARS).

    Raises ValueError(NOT_A_DATE) or ValueError(YEAR_OUT_OF_RANGE). The rule is the same in
    both languages (`lang` is kept for the callers' symmetry with format_day): 2569 typed
    in the English interface is still the Buddhist year 2569.
    """
    typed = (text or "").strip().translate(_THAI_DIGITS)
    if match := _ISO.fullmatch(typed):
        year, month, day = (int(part) for part in match.groups())
    elif match := _TYPED.fullmatch(typed):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise ValueError(NOT_A_DATE)
    if year in BUDDHIST_YEARS:
        year -= BUDDHIST_ERA_OFFSET
    elif year not in CHRISTIAN_YEARS:
        raise ValueError(YEAR_OUT_OF_RANGE)
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(NOT_A_DATE) from None


def format_day_input(day: date, lang: str) -> str:
    """A date as it is typed in a date field: 14/11/2569 in Thai, 14/11/2026 in English."""
    year = day.year + BUDDHIST_ERA_OFFSET if lang == "th" else day.year
    return f"{day.day}/{day.month}/{year}"


def today_in_thailand() -> date:
    return datetime.now(BANGKOK).date()


def more_than_a_year_apart(day: date, today: date) -> bool:
    """Whether `day` is more than a year before or after `today`."""
    return not _year_later(day, -1) <= today <= _year_later(day, 1)


def _year_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def format_moment(moment: datetime, lang: str) -> str:
    """A stored UTC timestamp in Thailand's time: date as `format_day`, then HH:MM."""
    local = moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(BANGKOK)
    return f"{format_day(local.date(), lang)} {local:%H:%M}"


@bp.post("/lang")
def choose_language():
    """Remember the chosen language for a year and go back to the page the visitor was on."""
    lang = request.form.get("lang", "th")
    # Only a path on this site: never send a visitor to another host.
    response = redirect(site_path(request.form.get("next")) or "/")
    if lang in current_app.config["LANGUAGES"]:
        remember_language(response, lang)
    return response


def remember_language(response, lang: str) -> None:
    """The visitor's language, kept a year in a cookie."""
    response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)


def init_app(app) -> None:
    """Template filters and globals for language and dates."""
    app.register_blueprint(bp)
    app.add_template_global(current_lang, "current_lang")
    app.add_template_filter(lambda d: format_day(d, current_lang()), "day")
    app.add_template_filter(lambda m: format_moment(m, current_lang()), "moment")

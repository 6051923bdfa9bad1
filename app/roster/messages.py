"""The words of an import report, in the reader's language."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.roster.load import Report
from app.roster.parse import Problem

FIELD_LABELS = {
    "province": _l("province"),
    "district": _l("district"),
    "tambon": _l("tambon"),
    "name": _l("name"),
    "roles": _l("roles"),
    "agency": _l("agency"),
    "team": _l("team"),
}
MESSAGES = {
    "not_utf8": _l(
        "The file is not UTF-8 text (it may have been saved as Thai Windows / TIS-620). "
        "In Excel choose Save As, then “CSV UTF-8 (Comma delimited)”; in LibreOffice choose "
        "the character set “Unicode (UTF-8)”."
    ),
    "not_comma": _l("The columns must be separated by commas (,), not semicolons or tabs."),
    "no_rows": _l("The file lists no facilitators."),
    "missing_columns": _l(
        "The first line must name the columns; missing: %(columns)s. "
        "The columns are: province, district, tambon, name, roles, agency, team "
        "(or จังหวัด, อำเภอ, ตำบล, ชื่อ, บทบาท, หน่วยงาน, ทีม)."
    ),
    "duplicate_column": _l("The column “%(column)s” appears twice."),
    "cell_count": _l("This line has %(found)s cells; the first line has %(expected)s."),
    "missing_field": _l("The %(field)s is empty."),
    "too_long": _l("The %(field)s is longer than %(max)s characters."),
    "unknown_role": _l(
        "Unknown role “%(value)s”: use ประสานงาน, นำกระบวนการประชุม, บันทึก "
        "(or coordination, meeting_process, recording), separated by ; or ,."
    ),
    "bad_team": _l("The team must be u, v or empty, not “%(value)s”."),
    "duplicate_name": _l("%(name)s is already listed for this tambon on line %(first)s."),
    "unknown_province": _l("Unknown province “%(province)s”."),
    "unknown_district": _l("Unknown district “%(district)s” in province “%(province)s”."),
    "unknown_tambon": _l("Unknown tambon “%(tambon)s” in district “%(district)s”."),
    "not_your_tambon": _l("Tambon “%(tambon)s” is not one of your tambons."),
}


def describe(problem: Problem) -> str:
    """The problem in the current language, without its line number."""
    params = dict(problem.params)
    if "field" in params:
        params["field"] = str(FIELD_LABELS[params["field"]])
    if "columns" in params:
        params["columns"] = ", ".join(str(FIELD_LABELS[c]) for c in params["columns"])
    return str(MESSAGES[problem.code]) % params


def where(problem: Problem) -> str:
    """ "Line 3", or "The file" for a problem of the whole file."""
    return _("Line %(line)s", line=problem.line) if problem.line else _("The file")


def summary(report: Report, dry_run: bool) -> str:
    """One sentence: how many were (or would be) added, updated, left as they were."""
    counts = {
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "places": report.places_created,
    }
    if dry_run:
        return _(
            "The file is good. Importing it would add %(added)s facilitators, update "
            "%(updated)s and leave %(unchanged)s as they are (new places: %(places)s). "
            "Nothing was imported yet.",
            **counts,
        )
    return _(
        "Imported: %(added)s facilitators added, %(updated)s updated, %(unchanged)s "
        "unchanged (new places: %(places)s).",
        **counts,
    )

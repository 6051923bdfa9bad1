"""The words of an import report, in the reader's language."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from app.i18n import current_lang
from app.roster.load import Report
from app.roster.parse import Problem
from app.roster.plan import ADD, LIKELY, UNCHANGED, UPDATE, LineAction
from app.roster.roles import role_names

FIELD_LABELS = {
    "province": _l("province"),
    "district": _l("district"),
    "tambon": _l("tambon"),
    "name": _l("name"),
    "roles": _l("roles"),
    "agency": _l("agency"),
    "team": _l("team"),
    "id": _l("id"),
}
LIST_PROBLEMS = 200  # problems listed; the rest are counted
LIST_LINES = 500  # lines of a dry run shown on the page; the rest are counted
_ECHO = 80  # characters of a value quoted back in a message
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
    "no_letter": _l("The %(field)s has no letter: only spaces or invisible characters."),
    "bad_id": _l("The id must be a facilitator's number, or “new”, not “%(value)s”."),
    "unknown_id": _l("No facilitator with the id %(id)s among those you may change."),
    "name_taken": _l(
        "%(name)s (id %(id)s) is already on the roster of this tambon, with this name or one "
        "likely the same: to make them one person, merge the two on the facilitators' pages."
    ),
    "person_twice": _l("%(name)s is already changed by line %(first)s."),
    "new_but_same_name": _l(
        "%(name)s (id %(id)s) is already on the roster of this tambon with exactly this "
        "name: two people cannot read the same on a roster. Put %(id)s in the id column to "
        "update them."
    ),
    "likely_same": _l(
        "Likely the same person as %(name)s (id %(id)s), already on the roster: nothing "
        "was added. In the id column write %(id)s to update them, or “new” to add a new "
        "person."
    ),
    "unknown_province": _l("Unknown province “%(province)s”."),
    "unknown_district": _l("Unknown district “%(district)s” in province “%(province)s”."),
    "unknown_tambon": _l("Unknown tambon “%(tambon)s” in district “%(district)s”."),
    "not_your_tambon": _l("Tambon “%(tambon)s” is not one of your tambons."),
}


def describe(problem: Problem) -> str:
    """The problem in the current language, without its line number."""
    params = {k: _short(v) for k, v in problem.params.items()}
    if "field" in params:
        params["field"] = str(FIELD_LABELS[params["field"]])
    if "columns" in params:
        params["columns"] = ", ".join(str(FIELD_LABELS[c]) for c in params["columns"])
    return str(MESSAGES[problem.code]) % params


def _short(value):
    # A value quoted back is cut: a 100,000-character cell is not worth a page.
    if isinstance(value, str) and len(value) > _ECHO:
        return value[: _ECHO - 1] + "…"
    return value


def listed_problems(report: Report) -> tuple[list[tuple[str, str]], int]:
    """(where, message) of the first LIST_PROBLEMS problems, and how many more there are."""
    shown = report.problems[:LIST_PROBLEMS]
    return [(where(p), describe(p)) for p in shown], len(report.problems) - len(shown)


def more_problems(count: int) -> str:
    """ "and 69,800 more problems"."""
    return ngettext(
        "and %(count)s more problem", "and %(count)s more problems", count, count=f"{count:,}"
    )


def describe_line(line: LineAction) -> str:
    """What one line does, in the current language."""
    if line.person is not None and not line.person.active:
        return _("%(action)s (deactivated: stays off every roster)", action=_action(line))
    return _action(line)


def _action(line: LineAction) -> str:
    if line.action == ADD:
        return _("Add")
    if line.action == UNCHANGED:
        return _("Unchanged")
    if line.action == LIKELY:
        return _(
            "Likely the same person as %(name)s (id %(id)s): a real import refuses this line "
            "unless the id column says which is meant.",
            name=line.person.name,
            id=line.person.id,
        )
    changes = "; ".join(
        f"{FIELD_LABELS[f]}: {_value(f, old)} → {_value(f, new)}"
        for f, (old, new) in line.changes.items()
    )
    return _("Update (id %(id)s): %(changes)s", id=line.person.id, changes=changes)


def _value(field_name: str, value) -> str:
    if field_name == "roles":
        return role_names(value, current_lang()) or "—"
    return _short(value) or "—"


def action_counts(report: Report) -> str:
    """How many lines would add, update, stay, or look like someone already there."""
    counts = report.counts
    return _(
        "%(add)s to add, %(update)s to update, %(unchanged)s unchanged, %(likely)s likely "
        "the same person as someone on the roster.",
        add=counts[ADD],
        update=counts[UPDATE],
        unchanged=counts[UNCHANGED],
        likely=counts[LIKELY],
    )


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
    if dry_run and report.likely:
        return _(
            "Importing this file would add %(added)s facilitators, update %(updated)s and "
            "leave %(unchanged)s as they are (new places: %(places)s), but %(likely)s lines "
            "are likely the same person as someone already on the roster: a real import "
            "refuses them until the id column says which is meant. Nothing was imported yet.",
            likely=report.likely,
            **counts,
        )
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

"""Numbers in a query string (?page=, ?tambon=, ?from=): one reading for every page.

A value that is not a whole number in ASCII digits ("²", "-1", "1.5", "abc", Thai or
Arabic-Indic digits, a number no id can be) is refused with a 400 that says which parameter
is wrong, in the reader's language; never a 500, and never silently another page.
"""

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest

from app.numbers import MAX_ID, whole_number


class BadParameter(BadRequest):
    """A 400 whose description is written for the reader: the error page shows it."""


def int_arg(
    args: MultiDict, name: str, default: int | None = None, largest: int = MAX_ID
) -> int | None:
    """Parameter `name` of `args` as a whole number from 0 to `largest`; `default` when it is
    absent or empty; a 400 (BadParameter) for anything else."""
    text = args.get(name, "")
    if text == "":
        return default
    number = whole_number(text, largest)
    if number is None:
        raise BadParameter(
            _(
                "“%(name)s” in the address must be a whole number from 0 to %(largest)s.",
                name=name,
                largest=f"{largest:,}",
            )
        )
    return number

"""Numbers typed in a URL, a form or a command, and numbers rounded for people to read.

Typed: ASCII digits only. `str.isdigit()` also says yes to "²" and "①", which `int()` then
refuses (a 500), and `int()` reads Arabic-Indic or Thai digits that no page of ours sends.
Ids are read here, one way.

Read: one rounding rule for pages, charts and files, half away from zero as a spreadsheet's
ROUND does (2.625 → 2.63, -2.625 → -2.63), where Python's round() and f"{x:.2f}" round half
to even (2.62). Sorting, ties and thresholds compare the unrounded values.
"""

import re
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import lru_cache

_DIGITS = re.compile(r"[0-9]{1,10}")
MAX_ID = 2**31 - 1  # the largest id an INTEGER column holds
# Excel and LibreOffice hold 15 significant digits: a mean worked out as 0.12499999999999978
# is 0.125 in a spreadsheet, and rounds to 0.13 there. So do we.
_SPREADSHEET = Context(prec=15)


def whole_number(text: str | None, largest: int = MAX_ID) -> int | None:
    """The number `text` writes in ASCII digits (0 to `largest`), or None for anything else."""
    if text is None or not _DIGITS.fullmatch(text.strip()):
        return None
    number = int(text)
    return number if number <= largest else None


# A gap table prints a thousand numbers, most of them the same few half steps: each is
# worked out once (a look-up is ten times faster than the Decimal arithmetic).
@lru_cache(maxsize=4096)
def half_up(value: float | None, digits: int = 2) -> Decimal | None:
    """`value` rounded to `digits` decimals, halves away from zero (None stays None).

    The float is read as its shortest decimal form (repr: 2.675 is "2.675", not the binary
    2.67499999…) cut to 15 significant digits, so the result is what a spreadsheet shows.
    Zero has no sign: -0.001 gives 0.00, never "-0.00".
    """
    if value is None:
        return None
    exact = _SPREADSHEET.plus(Decimal(repr(float(value))))  # float(): numpy prints its type
    rounded = exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded == 0 else rounded


def rounded(value: float | None, digits: int = 2) -> float | None:
    """`value` rounded as `half_up` does, as a float (a cell of a file); None stays None."""
    return None if value is None else float(half_up(value, digits))


def whole(value: float) -> int:
    """`value` rounded to a whole number, halves away from zero (12.5 → 13)."""
    return int(half_up(value, 0))

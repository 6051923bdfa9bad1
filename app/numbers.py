"""Numbers typed in a URL, a form or a command: ASCII digits only.

`str.isdigit()` also says yes to "²" and "①", which `int()` then refuses (a 500), and `int()`
reads Arabic-Indic or Thai digits that no page of ours sends. Ids are read here, one way.
"""

import re

_DIGITS = re.compile(r"[0-9]{1,10}")
MAX_ID = 2**31 - 1  # the largest id an INTEGER column holds


def whole_number(text: str | None, largest: int = MAX_ID) -> int | None:
    """The number `text` writes in ASCII digits (0 to `largest`), or None for anything else."""
    if text is None or not _DIGITS.fullmatch(text.strip()):
        return None
    number = int(text)
    return number if number <= largest else None

"""Dictionary order for names of people and places: ICU collation (PyICU), never code points.

By code point every name that starts with a leading vowel (เ แ โ ใ ไ) would come after
every name that starts with a consonant; ICU's Thai rules sort เกศินี with ก and ไพโรจน์
with พ. English text is sorted with the English rules.
"""

from collections.abc import Callable, Iterable
from functools import cache
from typing import TypeVar

import icu

T = TypeVar("T")


@cache
def _collator(lang: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale("en" if lang == "en" else "th"))


def sort_key(text: str, lang: str = "th") -> bytes:
    """The ICU sort key of `text` in `lang`: comparing keys compares in dictionary order."""
    return _collator(lang).getSortKey(text or "")


def sorted_by_name(things: Iterable[T], name: Callable[[T], str], lang: str = "th") -> list[T]:
    """`things` ordered by `name(thing)` in dictionary order; ties keep their order."""
    return sorted(things, key=lambda thing: sort_key(name(thing), lang))


def names_key(*names: str, lang: str = "th") -> tuple[bytes, ...]:
    """The sort key of several names compared in turn (tambon, then person)."""
    return tuple(sort_key(name, lang) for name in names)

"""Dictionary order for names of people and places: ICU collation (PyICU), never code points.

By code point every name that starts with a leading vowel (เ แ โ ใ ไ) would come after
every name that starts with a consonant; ICU's Thai rules sort เกศินี with ก and ไพโรจน์
with พ. English text is sorted with the English rules.

Where PyICU cannot be installed (Windows: it has no ready-made package there), pyuca, the
Unicode Collation Algorithm in pure Python, gives the same order of Thai names (its default
table carries the Thai leading-vowel rules); it does not tailor English.
"""

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, TypeVar

try:
    import icu
except ImportError:  # pragma: no cover - Windows
    icu = None

T = TypeVar("T")
BACKENDS = ("icu", "pyuca")


@cache
def key_function(lang: str, backend: str = "icu" if icu else "pyuca") -> Callable[[str], Any]:
    """The function giving the sort key of a text in `lang`, from `backend`."""
    if backend == "icu":
        return icu.Collator.createInstance(icu.Locale("en" if lang == "en" else "th")).getSortKey
    from pyuca import Collator

    return Collator().sort_key


def sort_key(text: str, lang: str = "th") -> Any:
    """The sort key of `text` in `lang`: comparing keys compares in dictionary order."""
    return key_function(lang)(text or "")


def sorted_by_name(things: Iterable[T], name: Callable[[T], str], lang: str = "th") -> list[T]:
    """`things` ordered by `name(thing)` in dictionary order; ties keep their order."""
    return sorted(things, key=lambda thing: sort_key(name(thing), lang))


def names_key(*names: str, lang: str = "th") -> tuple[bytes, ...]:
    """The sort key of several names compared in turn (tambon, then person)."""
    return tuple(sort_key(name, lang) for name in names)

"""Means and tie-safe comparisons of levels."""

import math
from collections.abc import Iterable

# Means of half steps such as 10/3 can differ in the last bit depending on how they were
# reached; comparisons for ties and ranks use levels rounded to this many digits.
TIE_DIGITS = 9


def mean(values: Iterable[float]) -> float | None:
    """The arithmetic mean, or None for no values; independent of the values' order."""
    values = list(values)
    # fsum is exactly rounded, so the same data in any order gives the same bits.
    return math.fsum(values) / len(values) if values else None


def tie_key(value: float) -> float:
    """`value` rounded for tie comparisons (see TIE_DIGITS)."""
    return round(value, TIE_DIGITS)


def competition_ranks(values: Iterable[float]) -> tuple[int, ...]:
    """Ranks of `values` already sorted best first: ties share a rank, "1, 2, 2, 4"."""
    ranks: list[int] = []
    previous: float | None = None
    for position, value in enumerate(values, start=1):
        key = tie_key(value)
        ranks.append(ranks[-1] if key == previous else position)
        previous = key
    return tuple(ranks)

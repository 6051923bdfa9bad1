"""Long tables and charts in pages: a province has 150 tambons and 2,000 facilitators."""

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Page:
    """Page `number` (1-based) of `total` rows, `size` rows a page."""

    number: int
    size: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.size))

    @property
    def start(self) -> int:
        return (self.number - 1) * self.size

    def of(self, rows: Sequence) -> Sequence:
        """The rows of this page."""
        return rows[self.start : self.start + self.size]


def page_of(total: int, size: int, number: int) -> Page | None:
    """Page `number` of `total` rows, or None when there is no such page."""
    page = Page(number, size, total)
    return page if 1 <= number <= page.pages else None

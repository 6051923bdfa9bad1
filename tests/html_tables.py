"""Read the tables of an HTML page as rows of cell texts, to assert the numbers shown."""

import re
from html.parser import HTMLParser


class _Tables(HTMLParser):
    """Collects every table with an id: id -> rows -> cell texts (th and td alike)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.current: str | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id"):
            self.current = attrs["id"]
            self.tables[self.current] = []
        elif self.current and tag == "tr":
            self.tables[self.current].append([])
        elif self.current and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag) -> None:
        if tag == "table":
            self.current = None
        elif self.current and tag in ("td", "th") and self.cell is not None:
            self.tables[self.current][-1].append(re.sub(r"\s+", " ", "".join(self.cell)).strip())
            self.cell = None

    def handle_data(self, data) -> None:
        if self.cell is not None:
            self.cell.append(data)


def table(html: str, table_id: str) -> list[list[str]]:
    """The rows of table `table_id` (header rows included), each a list of cell texts."""
    parser = _Tables()
    parser.feed(html)
    assert table_id in parser.tables, f"no table with id {table_id!r}"
    return parser.tables[table_id]


def row(html: str, table_id: str, first: str) -> list[str]:
    """The one row of table `table_id` whose first cell is `first`."""
    found = [r for r in table(html, table_id) if r and r[0] == first]
    assert len(found) == 1, f"{len(found)} rows start with {first!r} in {table_id}"
    return found[0]


def column(html: str, table_id: str, index: int) -> list[str]:
    """Cell `index` of every body row (rows with as many cells as the first row)."""
    rows = table(html, table_id)
    return [r[index] for r in rows[1:] if len(r) == len(rows[0])]

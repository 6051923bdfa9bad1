"""The report's charts: the dashboard's own chart functions, drawn only when needed.

In the PDF each chart is drawn into the file (PNG: WeasyPrint lays out an SVG of a radar
in a quarter second, a PNG in a hundredth); the page on screen shows the dashboard's chart
URL where there is one (drawn on demand and cached by the dashboard), so the page of 150
tambons is made without drawing 150 radars.
"""

import base64
from dataclasses import dataclass, field
from typing import Any

from app.charts import ENGLISH, THAI, Wording, render_chart

FORMAT = "png"


def wording(lang: str) -> Wording:
    return ENGLISH if lang == "en" else THAI


@dataclass(frozen=True)
class Chart:
    """A chart of the report: its kind and inputs (see app.charts.CHARTS), and the
    dashboard URL that serves the same picture on screen, when there is one."""

    kind: str
    inputs: dict[str, Any] = field(hash=False)
    url: str | None = None

    def data_uri(self) -> str:
        """The chart drawn now, as a data: URI."""
        body = render_chart(self.kind, FORMAT, **self.inputs)
        return "data:image/png;base64," + base64.b64encode(body).decode("ascii")

    def src(self, pdf: bool) -> str:
        """What an <img> shows: drawn into the PDF; the dashboard's URL on screen."""
        return self.data_uri() if pdf or self.url is None else self.url

"""The report's charts: the dashboard's own chart functions, as data: URIs for <img>."""

import base64

from app.charts import ENGLISH, THAI, Wording, render_chart

FORMAT = "svg"  # text drawn as paths: the same in the page, the PDF and any printer
MIME = {"svg": "image/svg+xml", "png": "image/png"}


def wording(lang: str) -> Wording:
    return ENGLISH if lang == "en" else THAI


def chart_uri(kind: str, **inputs: object) -> str:
    """Chart `kind` (see app.charts.CHARTS) drawn from `inputs`, as a data: URI."""
    body = render_chart(kind, FORMAT, **inputs)
    return f"data:{MIME[FORMAT]};base64," + base64.b64encode(body).decode("ascii")

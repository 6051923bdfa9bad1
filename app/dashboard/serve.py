"""Serving chart images: ETag = the chart's fingerprint, 304 when the browser has it, and
the rendered bytes kept in a bounded in-process cache (see cache.py)."""

from dataclasses import dataclass
from typing import Any

from flask import current_app, request, url_for
from flask.wrappers import Response

from app.charts import FORMATS, chart_fingerprint, render_chart
from app.i18n import current_lang

MIME = {"png": "image/png", "svg": "image/svg+xml"}
# A chart URL carries v=<fingerprint prefix>: while it matches, those bytes never change.
MAX_AGE = 24 * 3600
VERSION_LENGTH = 16
# matplotlib's SVG styles itself with a <style> element; nothing else may run or load.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


@dataclass(frozen=True)
class ChartSpec:
    """A chart of a page: its URL name and query, and the chart kind and inputs it draws."""

    name: str
    kind: str
    inputs: dict[str, Any]
    params: dict[str, Any]

    def fingerprint(self, fmt: str) -> str:
        return chart_fingerprint(self.kind, fmt, **self.inputs)

    def urls(self, round_id: int) -> dict[str, str]:
        """The PNG and SVG URLs of this chart, versioned by the PNG's fingerprint."""
        version = self.fingerprint("png")[:VERSION_LENGTH]
        return {
            fmt: url_for(
                "dashboard.chart", round_id=round_id, name=self.name, fmt=fmt, v=version,
                **self.params,
            )
            for fmt in FORMATS
        }  # fmt: skip


def chart_response(spec: ChartSpec, fmt: str) -> Response:
    """The chart's bytes (from the cache when there), or 304 when the browser has them."""
    etag = spec.fingerprint(fmt)
    if etag in request.if_none_match:
        response = current_app.response_class(status=304)
    else:
        response = current_app.response_class(cached_bytes(spec, fmt, etag), mimetype=MIME[fmt])
    response.set_etag(etag)
    response.cache_control.private = True
    if request.args.get("v") == etag[:VERSION_LENGTH]:
        response.cache_control.max_age = MAX_AGE
    else:
        response.cache_control.max_age = 0
        response.cache_control.must_revalidate = True
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Language"] = current_lang()
    response.vary.add("Cookie")  # the chart's words follow the language cookie
    if fmt == "svg":
        response.headers["Content-Security-Policy"] = SVG_POLICY
    return response


def cached_bytes(spec: ChartSpec, fmt: str, fingerprint: str) -> bytes:
    """The chart's bytes from the app's chart cache, drawn and kept there when missing."""
    cache = current_app.extensions["chart_cache"]
    body = cache.get(fingerprint)
    if body is None:
        body = render_chart(spec.kind, fmt, **spec.inputs)
        cache.put(fingerprint, body)
    return body

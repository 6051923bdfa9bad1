"""Serving chart images, named cheaply: the round's revision (bumped by every change to its
answers, roster or names), the chart's name and query, the reader's scope and language and
the drawing code make the ETag and the cache key. A 304 or a cached chart costs the round's
row and the user's tambons; only a chart not yet drawn reads the summaries and draws."""

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flask import current_app, request, url_for
from flask.wrappers import Response

from app.charts import FORMATS, code_stamp, render_chart
from app.i18n import current_lang

from .scope import Scope

MIME = {"png": "image/png", "svg": "image/svg+xml"}
# A chart URL carries v=<key prefix>: while it matches, those bytes never change.
MAX_AGE = 24 * 3600
VERSION_LENGTH = 16
# matplotlib's SVG styles itself with a <style> element; nothing else may run or load.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def chart_key(scope: Scope, name: str, fmt: str, query: list[tuple[str, str]]) -> str:
    """sha256 hex naming one chart's bytes: drawing code, round and revision, the user's
    tambons, chart name, format, query (without v) and language."""
    stamp = {
        "code": code_stamp(),
        "round": [scope.round.id, scope.round.revision],
        "scope": None if scope.tambon_ids is None else sorted(scope.tambon_ids),
        "chart": [name, fmt, sorted(query)],
        "lang": current_lang(),
    }
    text = json.dumps(stamp, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def query_pairs(params: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A chart's parameters as the (name, text) pairs its URL's query carries."""
    pairs = []
    for name, value in params.items():
        values = value if isinstance(value, (list, tuple)) else [value]
        pairs += [(name, str(v)) for v in values if v is not None]
    return pairs


def request_pairs() -> list[tuple[str, str]]:
    """The chart request's query as (name, text) pairs, without the version."""
    return [(k, v) for k, v in request.args.items(multi=True) if k != "v"]


@dataclass(frozen=True)
class ChartSpec:
    """A chart of a page: its URL name and query, and the chart kind and inputs it draws."""

    name: str
    kind: str
    inputs: dict[str, Any]
    params: dict[str, Any]
    scope: Scope

    def urls(self, round_id: int) -> dict[str, str]:
        """The PNG and SVG URLs of this chart, versioned by the round's revision."""
        version = chart_key(self.scope, self.name, "", query_pairs(self.params))
        return {
            fmt: url_for(
                "dashboard.chart", round_id=round_id, name=self.name, fmt=fmt,
                v=version[:VERSION_LENGTH], **self.params,
            )
            for fmt in FORMATS
        }  # fmt: skip

    def draw(self, fmt: str) -> bytes:
        return render_chart(self.kind, fmt, **self.inputs)


def chart_response(scope: Scope, name: str, fmt: str, spec: Callable[[], ChartSpec]) -> Response:
    """The chart's bytes (from the cache when there), or 304 when the browser has them;
    `spec` (reading the summaries) is called only when the chart must be drawn."""
    query = request_pairs()
    etag = chart_key(scope, name, fmt, query)
    if etag in request.if_none_match:
        response = current_app.response_class(status=304)
    else:
        response = current_app.response_class(cached_bytes(etag, fmt, spec), mimetype=MIME[fmt])
    response.set_etag(etag)
    response.cache_control.private = True
    version = chart_key(scope, name, "", query)[:VERSION_LENGTH]
    if request.args.get("v") == version:
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


def cached_bytes(key: str, fmt: str, spec: Callable[[], ChartSpec]) -> bytes:
    """The chart's bytes from the app's chart cache, drawn and kept there when missing."""
    cache = current_app.extensions["chart_cache"]
    body = cache.get(key)
    if body is None:
        body = spec().draw(fmt)
        cache.put(key, body)
    return body

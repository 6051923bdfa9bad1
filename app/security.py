"""HTTP hardening: security headers on every response, trusted proxy headers, cookies that
are Secure over HTTPS, and requests the database could not store refused before any view.

The Content-Security-Policy allows only this site's own files: no inline script, no
inline style, no other host. That is also what keeps the app working offline.
"""

import unicodedata
from urllib.parse import quote, urlsplit

import flask
from flask import abort, has_request_context, request
from werkzeug.datastructures import MultiDict
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

# What a query string's own syntax uses: kept as it is when the rest is percent-encoded.
QUERY_SYNTAX = "/?&=+%;:,@!$'()*~"
# The largest id a table holds (PostgreSQL `integer`); SQLite overflows past 2**63.
MAX_ID = 2**31 - 1

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Personal links carry a token in the path: never send it to anyone in a Referer.
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _add_headers(response):
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    return response


class IdConverter(IntegerConverter):
    """`<int:…>` in a URL: a number larger than any id is "not found", not a database error."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False):
        super().__init__(map, fixed_digits, min, max, signed)


class Response(flask.Response):
    """Every cookie (session, remember-me, language) is Secure when the request came over
    HTTPS, directly or through a trusted proxy, even without SESSION_COOKIE_SECURE."""

    def set_cookie(self, key, value="", **kwargs) -> None:
        secure = kwargs.pop("secure", False) or (has_request_context() and request.is_secure)
        super().set_cookie(key, value, secure=bool(secure), **kwargs)


def _readable_query() -> None:
    # Werkzeug cannot decode raw bytes that are not UTF-8 in a query string (no browser
    # sends them; a hand-made request can), and every read of it would fail: percent-encode
    # them, as werkzeug keeps such bytes when they arrive percent-encoded.
    try:
        request.query_string.decode()
    except UnicodeDecodeError:
        request.query_string = quote(request.query_string, safe=QUERY_SYNTAX).encode()


def _holds_nul(values: MultiDict) -> bool:
    return any("\x00" in key or any("\x00" in v for v in vs) for key, vs in values.lists())


def _refuse_nul() -> None:
    # PostgreSQL text cannot hold a NUL character: refuse it (400) before any view reads or
    # stores it, on SQLite too. Uploaded files are checked by their readers.
    if "\x00" in request.path or _holds_nul(request.args) or _holds_nul(request.form):
        abort(400)


def _refuse_a_cut_body() -> None:
    # A body sent without a length (chunked) is read only up to MAX_CONTENT_LENGTH, and
    # werkzeug then parses the part it read as if it were all: refuse it as too large.
    if request.content_length is None:
        _ = request.form  # reads a form body (up to the limit); nothing else is read
        if getattr(request.stream, "is_exhausted", False):
            abort(413)


def site_path(target: str | None) -> str | None:
    """`target` when every browser reads it as a path on this site, else None.

    The one rule for every `next`. Browsers drop tabs and newlines anywhere in a URL and
    read a backslash as a slash, so `/<tab>/evil.example` and `/\\evil.example` name
    another host: any control character or backslash is refused, not cleaned.
    """
    if not target or any(c == "\\" or unicodedata.category(c) == "Cc" for c in target):
        return None
    if not target.startswith("/") or target.startswith("//"):
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target


def init_app(app) -> None:
    """Headers, cookies, id converter, request checks; trust `TRUSTED_PROXIES` reverse proxies'
    X-Forwarded-* headers. Runs before the features register their routes (the converter)."""
    app.url_map.converters["int"] = IdConverter
    app.response_class = Response
    for check in (_readable_query, _refuse_nul, _refuse_a_cut_body):
        app.before_request(check)
    app.after_request(_add_headers)
    proxies = int(app.config.get("TRUSTED_PROXIES", 0))
    if proxies:
        app.wsgi_app = ProxyFix(
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_prefix=proxies
        )

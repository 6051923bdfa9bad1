"""Links a phone can open: absolute URLs of the join and personal links, and their QR codes."""

import io

import segno
from flask import current_app, request, url_for

_LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")


def public_url(endpoint: str, **values) -> str:
    """The absolute URL of `endpoint`, on PUBLIC_URL when it is set (the address phones use)."""
    base = current_app.config.get("PUBLIC_URL", "").rstrip("/")
    if base:
        return base + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


def served_on_this_machine_only() -> bool:
    """Whether links made from this request point at the server's own loopback address."""
    if current_app.config.get("PUBLIC_URL"):
        return False
    return request.host.rsplit(":", 1)[0] in _LOCAL_HOSTS


def qr_svg(url: str, title: str = "") -> bytes:
    """A QR code of `url` as a scalable SVG, dark on white, with the usual quiet zone."""
    out = io.BytesIO()
    segno.make(url, micro=False, error="m").save(
        out, kind="svg", border=4, omitsize=True, xmldecl=False, light="#fff", title=title or None
    )
    return out.getvalue()


def svg_response(svg: bytes):
    """An SVG image response the browser may keep for an hour."""
    response = current_app.response_class(svg, mimetype="image/svg+xml")
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response

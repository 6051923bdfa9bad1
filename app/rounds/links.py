"""Links a phone can open: absolute URLs of the join and personal links, and their QR codes."""

import io
import ipaddress
import socket
from dataclasses import dataclass

import segno
from flask import current_app, request, url_for

_LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
# A documentation address (RFC 5737): "connecting" a UDP socket to it sends nothing, and
# tells which of this machine's addresses faces the network.
_ANY_OUTSIDE = ("192.0.2.1", 9)


@dataclass(frozen=True)
class LinkAddress:
    """Where the join links point when PUBLIC_URL is not set, and whether to check it."""

    origin: str  # scheme://host:port, from the Host the coordinator's browser sent
    local_only: bool  # this machine's loopback: phones cannot open it
    unknown: bool  # not an address of this server, nor in ALLOWED_HOSTS


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


def link_address() -> LinkAddress | None:
    """Where links made from this request point, or None when PUBLIC_URL says it."""
    if current_app.config.get("PUBLIC_URL"):
        return None
    host = _host_name(request.host)
    return LinkAddress(
        origin=request.host_url.rstrip("/"),
        local_only=served_on_this_machine_only(),
        unknown=not _is_loopback(host) and host not in _known_names(),
    )


def _host_name(host: str) -> str:
    """The name or address of a Host header, without its port and brackets."""
    if host.startswith("["):
        return host[1:].split("]", 1)[0].lower()
    return host.rsplit(":", 1)[0].lower()


def _is_loopback(host: str) -> bool:
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _known_names() -> set[str]:
    """This machine's name and network address, and the names in ALLOWED_HOSTS."""
    allowed = {name.lower() for name in current_app.config.get("ALLOWED_HOSTS", ())}
    name = socket.gethostname().lower()
    return allowed | {name, f"{name}.local"} | _network_addresses()


def _network_addresses() -> set[str]:
    # No name lookup: a workshop laptop has no DNS, and a lookup could wait for minutes.
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(_ANY_OUTSIDE)
            return {probe.getsockname()[0]}
        except OSError:  # no network at all
            return set()


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

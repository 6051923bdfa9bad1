"""Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a signed
cookie given on a successful sign-in names the username and a random device id. Next time,
that device is counted on its own, so others' wrong passwords cannot lock it out.
"""

import secrets

from flask import current_app, request
from itsdangerous import BadData, URLSafeSerializer

from app.auth.throttle import username_key

COOKIE = "device"
MAX_AGE = 365 * 24 * 3600
_SALT = "freedom-table device cookie"


def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt=_SALT)


def known_device(username: str) -> str | None:
    """This device's id when its cookie says it signed in as `username` before, else None."""
    try:
        data = _signer().loads(request.cookies.get(COOKIE, ""))
    except BadData:
        return None
    if not isinstance(data, dict) or data.get("u") != username_key(username):
        return None
    device = data.get("d")
    return device if isinstance(device, str) and 0 < len(device) <= 32 else None


def remember_device(response, username: str, device: str | None) -> None:
    """Give (or renew) the device cookie for `username`; a new device gets a new id."""
    value = _signer().dumps({"u": username_key(username), "d": device or secrets.token_hex(16)})
    # Only the sign-in page needs it; no script reads it.
    response.set_cookie(
        COOKIE, value, max_age=MAX_AGE, path="/signin", httponly=True, samesite="Lax"
    )

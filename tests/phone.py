"""A facilitator's phone as a plain HTTP client, for tests and benchmarks against a real
server: its own cookies (session, CSRF), no automatic redirects, compressed answers like a
browser, and the hidden fields of a form page read as a browser would send them."""

import gzip
import http.cookiejar
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import brotli

from tests.assess_helpers import hidden

DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}


@dataclass(frozen=True)
class Reply:
    status: int
    location: str
    text: str

    def json(self):
        return json.loads(self.text)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Phone:
    """One phone: GET and POST with its own cookie jar; a lost connection raises OSError."""

    def __init__(self, base: str, timeout: float = 30):
        self.base = base
        self.timeout = timeout
        jar = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar), _NoRedirect
        )

    def get(self, path: str) -> Reply:
        return self._send(urllib.request.Request(self.base + path))

    def post(self, path: str, fields: dict, *, as_script: bool = False) -> Reply:
        """POST a form; `as_script`: ask for JSON, as the form's script does."""
        request = urllib.request.Request(
            self.base + path, data=urllib.parse.urlencode(fields).encode(), method="POST"
        )
        if as_script:
            request.add_header("Accept", "application/json")
        return self._send(request)

    def open_form(self, path: str) -> dict[str, str]:
        """GET a rating form page; the hidden fields it would send (CSRF token, submission id)."""
        page = self.get(path)
        if page.status != 200:
            raise AssertionError(f"GET {path}: {page.status}")
        return {name: hidden(page.text, name) for name in ("csrf_token", "submission_id")}

    def _send(self, request: urllib.request.Request) -> Reply:
        request.add_header("Accept-Encoding", "br, gzip")
        try:
            with self._opener.open(request, timeout=self.timeout) as answer:
                return _reply(answer.status, answer.headers, answer.read())
        except urllib.error.HTTPError as answer:  # 3xx without a redirect handler, 4xx, 5xx
            with answer:
                return _reply(answer.code, answer.headers, answer.read())


def _reply(status: int, headers, body: bytes) -> Reply:
    decode = DECODE.get(headers.get("Content-Encoding"))
    text = (decode(body) if decode else body).decode("utf-8", "replace")
    return Reply(status, headers.get("Location", ""), text)

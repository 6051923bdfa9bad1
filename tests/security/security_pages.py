"""Reading what a response shows: its text (pages, SVG, CSV, XLSX), the URLs it refers to,
and whether it holds inline code the Content-Security-Policy would block."""

import io
import re
import zipfile
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pypdfium2

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def shown_text(response) -> str:
    """Everything a reader of the response could see: the body as text (an XLSX file's XML
    parts, unzipped; a PDF's text layer), and the Location header. A PNG or an icon has no
    text to search."""
    location = response.headers.get("Location", "")
    content_type = response.content_type or ""
    body = response.get_data()
    if content_type.startswith(("image/png", "image/x-icon")):
        return location
    if content_type.startswith(XLSX):
        with zipfile.ZipFile(io.BytesIO(body)) as book:
            parts = [book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml")]
        return location + "\n".join(parts)
    if content_type.startswith("application/pdf"):
        return location + pdf_text(body)
    return location + body.decode("utf-8")


def pdf_text(body: bytes) -> str:
    """The text of every page of a PDF (pypdfium2; Thai ำ may read back as า)."""
    document = pypdfium2.PdfDocument(body)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


class Refs(HTMLParser):
    """What an HTML page refers to and carries: URLs by (tag, attribute), inline scripts,
    event-handler and style attributes, <style> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str]] = []  # tag, attribute, URL
        self.inline_scripts = 0
        self.handlers: list[str] = []
        self.styles: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")
            if name == "style":
                self.styles.append(f"<{tag} style>")
            if name in ("href", "src", "action", "formaction", "srcset", "poster", "data"):
                self.urls.append((tag, name, value or ""))
        if tag == "script" and not attrs.get("src"):
            self.inline_scripts += 1
        if tag == "style":
            self.styles.append("<style>")


def refs(html: str) -> Refs:
    parser = Refs()
    parser.feed(html)
    return parser


def is_same_origin(url: str) -> bool:
    """A path on this site ("/static/app.css"), or an absolute URL of the test host."""
    parts = urlsplit(url)
    if parts.scheme in ("", "http", "https") and parts.netloc in ("", "localhost"):
        return not url.startswith("//")
    return False


def inline_code(html: str) -> list[str]:
    """What in `html` a CSP without 'unsafe-inline' would block, or that loads from elsewhere."""
    found = refs(html)
    problems = [f"{found.inline_scripts} inline <script>"] if found.inline_scripts else []
    problems += found.handlers + found.styles
    problems += [f"<{t} {a}={u}>" for t, a, u in found.urls if u.lower().startswith("javascript:")]
    loaded = [(t, a, u) for t, a, u in found.urls if (t, a) != ("a", "href") and a != "action"]
    problems += [f"<{t} {a}={u}> is not same-origin" for t, a, u in loaded if not is_same_origin(u)]
    return problems


def path_of(url: str) -> str:
    return urlsplit(url).path


TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")

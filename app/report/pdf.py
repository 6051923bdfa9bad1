"""The report's HTML as a PDF, by WeasyPrint (Pango shapes the Thai), with no network."""

from pathlib import Path

import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from app.charts import sarabun_file

CSS_FILE = Path(__file__).resolve().parent.parent / "static" / "report.css"
# The report loads its stylesheet and font files and its charts (data: URIs), nothing else.
ALLOWED = frozenset({"file", "data"})


def local_only() -> URLFetcher:
    """WeasyPrint's fetcher for file: and data: URIs only: a report never goes online."""
    return URLFetcher(allowed_protocols=ALLOWED, allow_redirects=False)


def font_css() -> str:
    """@font-face rules naming the packaged Sarabun files."""
    return "\n".join(
        f"@font-face{{font-family:Sarabun;font-weight:{weight};"
        f'src:url("{sarabun_file(weight).resolve().as_uri()}")}}'
        for weight in ("normal", "bold")
    )


def pdf_bytes(html: str) -> bytes:
    """The PDF of the report's `html` (its own print CSS and the Sarabun faces)."""
    fetcher = local_only()
    document = weasyprint.HTML(
        string=html, base_url=CSS_FILE.parent.as_uri() + "/", url_fetcher=fetcher
    )
    fonts = FontConfiguration()  # @font-face rules take effect only through it
    sheets = [
        weasyprint.CSS(string=font_css(), url_fetcher=fetcher, font_config=fonts),
        weasyprint.CSS(filename=str(CSS_FILE), url_fetcher=fetcher, font_config=fonts),
    ]
    return document.write_pdf(stylesheets=sheets, font_config=fonts)

"""Light on a slow phone: compressed on the wire, within 30 KB, nothing from another host,
and no inline script or style for the Content-Security-Policy to come."""

import gzip
import re
import uuid
from pathlib import Path

import brotli
import pytest

from tests.assess_helpers import FACILITATOR, filled

TEMPLATES = Path(__file__).resolve().parents[2] / "app" / "templates"
BUDGET = 30 * 1024


def _assets(html: str) -> list[str]:
    return re.findall(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"', html)


def _fetch(client, url: str, **headers) -> bytes:
    """The bytes of `url` as they travel (the response is closed: static files are files)."""
    with client.get(url, headers=headers) as response:
        return response.data


DECODERS = [("br", brotli.decompress), ("gzip", gzip.decompress)]


@pytest.mark.parametrize(("encoding", "decode"), DECODERS)
def test_the_form_and_its_assets_travel_compressed(client, setting, encoding, decode):
    page = client.get(setting.form_url("สุนีย์"), headers={"Accept-Encoding": encoding})
    assert page.headers["Content-Encoding"] == encoding
    html = decode(page.data).decode("utf-8")
    assert html.startswith("<!doctype html>") and 'name="S9-target"' in html
    assets = _assets(html)
    assert {"/static/app.css", "/static/assess.css", "/static/assess.js"} <= set(assets)
    for url in assets:
        with client.get(url, headers={"Accept-Encoding": encoding}) as asset:
            assert asset.headers["Content-Encoding"] == encoding
            assert len(decode(asset.data)) > len(asset.data)


def test_the_form_with_everything_it_loads_is_within_30_kb_compressed(client, setting):
    brotli_only = {"Accept-Encoding": "br"}
    page = client.get(setting.form_url("สุนีย์"), headers=brotli_only)
    html = brotli.decompress(page.data).decode("utf-8")
    assets = [*_assets(html), "/sw.js"]
    total = len(page.data) + sum(len(_fetch(client, url, **brotli_only)) for url in assets)
    assert total <= BUDGET


def test_the_result_page_with_its_radar_and_everything_it_loads_is_within_30_kb(client, setting):
    data = filled(FACILITATOR, "2", "4") | {"submission_id": str(uuid.uuid4())}
    link = client.post(setting.form_url("สุนีย์"), data=data).headers["Location"]
    brotli_only = {"Accept-Encoding": "br"}
    page = client.get(link, headers=brotli_only)
    html = brotli.decompress(page.data).decode("utf-8")
    assert "<svg " in html  # the radar is part of the page
    assets = [*_assets(html), *re.findall(r'<img [^>]*src="([^"]+)"', html)]
    assert f"{link}/qr.svg" in assets
    total = len(page.data) + sum(len(_fetch(client, url, **brotli_only)) for url in assets)
    assert total <= BUDGET


def test_the_form_loads_nothing_from_another_host(client, setting):
    html = client.get(setting.form_url("สุนีย์")).text
    assets = [*_assets(html), "/sw.js"]
    texts = [html] + [_fetch(client, url).decode("utf-8") for url in assets]
    for text in texts:
        assert not re.search(r"""(?:src|href|action)=["'](?:https?:)?//""", text)
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text)
        assert not re.search(r"""(?:fetch|import|importScripts)\(\s*["'](?:https?:)?//""", text)


@pytest.mark.parametrize(
    "template", sorted(p for d in ("assess", "rounds") for p in (TEMPLATES / d).glob("*.html"))
)
def test_templates_have_no_inline_script_style_or_handler(template):
    text = template.read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\ssrc=)", text)
    assert not re.search(r"<style|\sstyle=", text)
    assert not re.search(r"\son[a-z]+=", text)

"""Helpers for the facilitator tests: the instruments, hidden fields, a filled rating form."""

import re
from html import unescape

from app.instruments import load_file
from tests.conftest import INSTRUMENTS_DIR

FACILITATOR = load_file(INSTRUMENTS_DIR / "facilitator-competency.toml")
GROUP = load_file(INSTRUMENTS_DIR / "village-financial-group.toml")


def hidden(html: str, name: str) -> str:
    """The value of hidden input `name` in `html`."""
    found = re.search(rf'name="{name}" type="hidden" value="([^"]*)"', html)
    if found is None:
        found = re.search(rf'type="hidden" name="{name}" value="([^"]*)"', html)
    assert found, f"no hidden field {name}"
    return unescape(found.group(1))


def filled(instrument, current="2", target="3", note="", **fields) -> dict:
    """A complete rating form for `instrument`: the same levels everywhere, then `fields`."""
    data = {}
    for code in instrument.item_codes:
        data |= {f"{code}-current": current, f"{code}-target": target, f"{code}-note": note}
    return data | fields


def checked(html: str) -> dict[str, str]:
    """The radio buttons checked in `html`: name -> value."""
    pattern = r'<input type="radio" name="([^"]+)" value="([^"]+)" checked'
    return dict(re.findall(pattern, html))


def notes(html: str) -> dict[str, str]:
    """The note textareas in `html`: name -> text."""
    pattern = r'<textarea id="[^"]+" name="([^"]+)"[^>]*>([^<]*)</textarea>'
    return {name: unescape(text) for name, text in re.findall(pattern, html)}


def errors(html: str) -> dict[str, str]:
    """The messages next to fields: field id -> message."""
    return dict(re.findall(r'class="error" id="([^"]+)-error">([^<]+)<', html))

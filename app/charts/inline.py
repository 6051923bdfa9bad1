"""A chart drawn into an HTML page: matplotlib's SVG, its text as text, made small and fit
for a page under a strict Content-Security-Policy.

- style="" attributes become presentation attributes (fill=, stroke=, …): style-src 'self'
  blocks style attributes and <style> elements, but not presentation attributes.
- The <style> element, the metadata, the XML declaration and the namespaces go: in an HTML
  page <svg> is in the SVG namespace already, and `href` stands for `xlink:href`.
- Ids nobody refers to go; the others get a prefix, so they cannot clash with the page's.
- Coordinates are rounded to 0.1 pt: a quarter of a pixel on a 2× phone screen.
- Text names no font of its own: the root names Sarabun (the font the chart was laid out
  with), then the Thai fonts phones and computers have.
"""

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from types import MappingProxyType

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
FONT_STACK = "Sarabun, 'Noto Sans Thai', 'Leelawadee UI', Tahoma, sans-serif"
# CSS properties matplotlib writes that are also SVG presentation attributes.
PRESENTATION = frozenset(
    {"fill", "fill-opacity", "opacity", "stroke", "stroke-width", "stroke-opacity",
     "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset",
     "font-size", "font-weight", "font-style", "text-anchor"}
)  # fmt: skip
GEOMETRY = frozenset({"d", "x", "y", "width", "height", "transform"})
DROPPED = frozenset({"metadata", "style"})
NUMBER = re.compile(r"-?\d+\.\d+")
NO_ROTATION = re.compile(r"^rotate\(-?0 [-\d.]+ [-\d.]+\)$")
REFERENCE = re.compile(r"url\(#([^)]+)\)")


def inline_svg(
    svg: bytes, prefix: str, attributes: Mapping[str, str] = MappingProxyType({})
) -> str:
    """SVG `svg` (matplotlib, svg.fonttype "none") as markup for an HTML page.

    prefix: put before every id kept; attributes: added to the root <svg>.
    """
    root = ET.fromstring(svg)
    drop_elements(root, DROPPED)
    referenced = references(root)
    for element in root.iter():
        element.tag = element.tag.removeprefix(SVG)
        element.attrib = plain_attributes(element.attrib, referenced, prefix)
        drop_blank_text(element)
    root.attrib = root_attributes(root.get("viewBox", "")) | dict(attributes)
    return ET.tostring(root, encoding="unicode")


def root_attributes(view_box: str) -> dict[str, str]:
    """The root's own attributes: its coordinates, and what the dropped <style> set."""
    # matplotlib's <style> made every join round; SVG's default is a mitre.
    return {"viewBox": view_box, "font-family": FONT_STACK, "stroke-linejoin": "round"}


def drop_elements(root: ET.Element, names: frozenset[str]) -> None:
    """Remove every element whose local name is in `names`."""
    for parent in root.iter():
        for child in list(parent):
            if child.tag.removeprefix(SVG) in names:
                parent.remove(child)


def references(root: ET.Element) -> set[str]:
    """The ids that `href="#…"` or `url(#…)` refer to."""
    found = set()
    for element in root.iter():
        for name, value in element.attrib.items():
            if name == XLINK_HREF:
                found.add(value.removeprefix("#"))
            found.update(REFERENCE.findall(value))
    return found


def plain_attributes(attrib: Mapping[str, str], referenced: set[str], prefix: str) -> dict:
    """One element's attributes as they go into the page (see the module docstring)."""
    plain = {}
    for name, value in attrib.items():
        if name == "style":
            plain.update(declarations(value))
        elif name == "id":
            plain.update({"id": prefix + value} if value in referenced else {})
        elif name == XLINK_HREF:
            plain["href"] = "#" + prefix + value.removeprefix("#")
        elif name == "transform" and NO_ROTATION.match(value):
            continue  # a tick label turned by 0°
        elif name in GEOMETRY:
            plain[name] = rounded(value)
        else:
            plain[name] = REFERENCE.sub(lambda m: f"url(#{prefix}{m[1]})", value)
    return plain


def declarations(style: str) -> dict[str, str]:
    """A style attribute's declarations as presentation attributes (font-family dropped).

    Raises ValueError on a property that is not a presentation attribute: it would be lost.
    """
    pairs = [part.split(":", 1) for part in style.split(";") if part.strip()]
    plain = {name.strip(): value.strip() for name, value in pairs}
    plain.pop("font-family", None)  # the root's font stack applies
    unknown = set(plain) - PRESENTATION
    if unknown:
        raise ValueError(f"not a presentation attribute: {sorted(unknown)}")
    return plain


def rounded(value: str) -> str:
    """`value` with every decimal number rounded to one decimal and whitespace collapsed."""
    return " ".join(NUMBER.sub(lambda m: tenths(float(m[0])), value).split())


def tenths(number: float) -> str:
    """`number` to one decimal, as short as it goes: 12.0 → "12", -0.04 → "0"."""
    text = f"{number:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def drop_blank_text(element: ET.Element) -> None:
    """Remove the indentation between elements (text inside <text> stays)."""
    if element.text is not None and not element.text.strip():
        element.text = None
    if element.tail is not None and not element.tail.strip():
        element.tail = None

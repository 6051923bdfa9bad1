"""A radar drawn into an HTML page: small, its text as text, nothing the Content-Security-
Policy blocks, ids of its own, the same markup for the same data."""

import xml.etree.ElementTree as ET

import brotli
import pytest

from app.charts import ENGLISH, inline_radar, radar_chart
from app.charts.inline import declarations, inline_svg, rounded


def test_the_same_data_gives_the_same_markup_and_other_data_other_markup(profiles, item_labels):
    first = inline_radar(profiles[0], item_labels, "บางจาก")
    assert first == inline_radar(profiles[0], item_labels, "บางจาก")
    assert first != inline_radar(profiles[1], item_labels, "บางจาก")
    assert first != inline_radar(profiles[0], item_labels, "บางจาก", wording=ENGLISH)


def test_text_is_text_and_names_thai_fonts(profiles, item_labels):
    root = ET.fromstring(inline_radar(profiles[0], {}, "ตำบลบางจาก"))
    texts = [t.text for t in root.iter("text")]
    assert "ตำบลบางจาก" in texts and "ระดับปัจจุบัน" in texts and "K1" in texts
    assert root.get("font-family").startswith("Sarabun, 'Noto Sans Thai'")
    assert not [t for t in root.iter("text") if t.get("font-family")]  # the root's applies


def test_nothing_for_the_policy_to_block_and_only_prefixed_ids(profiles, item_labels):
    markup = inline_radar(profiles[0], item_labels, "x", prefix="me-")
    root = ET.fromstring(markup)
    assert root.tag == "svg" and "xmlns" not in markup and "xlink" not in markup
    assert not [e for e in root.iter() if e.tag in ("style", "script", "metadata")]
    assert not [e for e in root.iter() if "style" in e.attrib]
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    assert ids and all(i.startswith("me-") for i in ids)
    used = {e.get("href")[1:] for e in root.iter("use")}
    clipped = {e.get("clip-path")[5:-1] for e in root.iter() if e.get("clip-path")}
    assert used | clipped == ids  # every id kept is used, every reference found


def test_the_name_is_escaped(profiles):
    markup = inline_radar(profiles[0], {}, '<script>alert("x")</script> & co')
    assert "<script>" not in markup and "&lt;script&gt;" in markup and "&amp; co" in markup


def test_far_lighter_on_the_wire_than_the_png(profiles, item_labels):
    markup = inline_radar(profiles[0], item_labels, "บางจาก").encode()
    png = radar_chart(profiles[0], item_labels, "บางจาก")
    assert len(brotli.compress(markup, quality=5)) < min(4096, len(png) // 10)


def test_a_style_property_that_is_no_presentation_attribute_is_refused():
    assert declarations("fill: #fff; font-family: 'Sarabun'; stroke-width: 0.8") == {
        "fill": "#fff",
        "stroke-width": "0.8",
    }
    with pytest.raises(ValueError, match="font"):
        declarations("font: 8px 'Sarabun'")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("M 144 99.826012 \nL 170.789415 89.1", "M 144 99.8 L 170.8 89.1"),
        ("-0.04", "0"),
        ("12.96", "13"),
    ],
)
def test_coordinates_are_rounded_to_a_tenth(value, expected):
    assert rounded(value) == expected


def test_a_turn_of_zero_degrees_is_left_out():
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        b'<text x="1.25" y="2" transform="rotate(-0 1.25 2)">a</text>'
        b'<text x="1" y="2" transform="rotate(90 1 2)">b</text></svg>'
    )
    root = ET.fromstring(inline_svg(svg, "p-"))
    assert [t.get("transform") for t in root.iter("text")] == [None, "rotate(90 1 2)"]
    assert root.find("text").get("x") == "1.2"  # to a tenth (half to even)

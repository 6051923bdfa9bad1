"""Thai text is drawn with the packaged Sarabun font, not a system font."""

import re

import fontpkg_sarabun
import pytest
from matplotlib import font_manager
from matplotlib.font_manager import FontProperties

from app.charts import FAMILY, register_sarabun, render_chart, sarabun_file
from app.charts.canvas import SETTINGS, chart_settings

FONT_DIR = (fontpkg_sarabun.ROOT / "files").resolve()


@pytest.mark.parametrize("weight", ["normal", "bold"])
def test_sarabun_resolves_to_the_packaged_files(weight):
    path = sarabun_file(weight).resolve()
    assert FONT_DIR in path.parents
    assert path.name == {"normal": "Sarabun-Regular.ttf", "bold": "Sarabun-Bold.ttf"}[weight]


def test_charts_name_sarabun_as_the_only_family():
    assert register_sarabun() == FAMILY == "Sarabun"
    assert list(SETTINGS["font.family"]) == ["Sarabun"]
    with chart_settings():
        # The family the charts' text gets when no family is given.
        found = font_manager.findfont(FontProperties(), fallback_to_default=False)
    assert FONT_DIR in __import__("pathlib").Path(found).resolve().parents


@pytest.mark.parametrize(
    "kind", ["radar", "radar_grid", "river", "stairs", "progress", "progress_river"]
)
def test_every_glyph_in_the_svg_is_a_sarabun_glyph(kind, chart_inputs):
    svg = render_chart(kind, "svg", **chart_inputs[kind]).decode()
    # svg.fonttype "path": each glyph is a <path id="<PostScript name>-<glyph>">.
    glyph_fonts = set(re.findall(r'<path id="([A-Za-z]+-[A-Za-z]+)-[0-9a-f]+"', svg))
    assert glyph_fonts
    assert glyph_fonts <= {"Sarabun-Regular", "Sarabun-Bold"}
    assert "DejaVu" not in svg


def test_thai_text_is_in_the_svg(chart_inputs):
    svg = render_chart("stairs", "svg", **chart_inputs["stairs"]).decode()
    # matplotlib writes each text as a comment before its glyphs.
    assert "<!-- บันได K1 -->" in svg
    assert "สมศรี" in svg

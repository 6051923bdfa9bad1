"""Every chart kind: valid PNG and SVG, the same bytes for the same data."""

import io
import struct
import xml.etree.ElementTree as ET

import pytest

from app.charts import CHARTS, ENGLISH, MAX_RADARS_PER_FIGURE, radar_chart, radar_grid, render_chart

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
KINDS = sorted(CHARTS)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk."""
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def png_chunks(data: bytes) -> list[bytes]:
    """The chunk types of a PNG, in order."""
    chunks, position = [], 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        chunks.append(data[position + 4 : position + 8])
        position += 12 + length
    return chunks


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_same_data_same_bytes(kind, fmt, chart_inputs):
    first = render_chart(kind, fmt, **chart_inputs[kind])
    second = render_chart(kind, fmt, **chart_inputs[kind])
    assert first == second


@pytest.mark.parametrize("kind", KINDS)
def test_png_is_a_png_without_time_or_software_stamps(kind, chart_inputs):
    data = render_chart(kind, "png", **chart_inputs[kind])
    png_size(data)
    assert b"tIME" not in png_chunks(data)
    assert b"Software" not in data and b"matplotlib" not in data


@pytest.mark.parametrize("kind", KINDS)
def test_svg_parses_and_has_no_date(kind, chart_inputs):
    data = render_chart(kind, "svg", **chart_inputs[kind])
    root = ET.fromstring(data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert b"<dc:date>" not in data


def test_radar_is_400_pixels_square(profiles, item_labels):
    assert png_size(radar_chart(profiles[0], item_labels, "บางจาก")) == (400, 400)


def test_grid_size_follows_the_number_of_tambons(profiles):
    # 2 tambons: 1 row of 2 cells of 2.6 × 2.9 in, + 0.45 in title + 0.5 in legend, 100 dpi.
    assert png_size(radar_grid(profiles, {}, {}, "x")) == (520, 385)
    # 12 tambons, 4 columns: 3 rows, 3 × 2.9 + 0.95 = 9.65 in.
    twelve = [profiles[0]] * 12
    assert png_size(radar_grid(twelve, {}, {}, "x")) == (1040, 965)


def test_river_and_stairs_sizes(chart_inputs):
    # river: 3 items -> 2 + 0.75 * 3 = 4.25 in, at least 6 in; 4.6 in high.
    assert png_size(render_chart("river", "png", **chart_inputs["river"])) == (600, 460)
    # stairs: 3 steps of one name -> 8 in wide, 2.6 in high at least (see test_charts_stairs).
    assert png_size(render_chart("stairs", "png", **chart_inputs["stairs"])) == (800, 260)


def test_different_data_different_bytes(profiles, item_labels):
    assert radar_chart(profiles[0], item_labels, "x") != radar_chart(profiles[1], item_labels, "x")
    thai = radar_chart(profiles[0], item_labels, "x")
    assert thai != radar_chart(profiles[0], item_labels, "x", wording=ENGLISH)


def test_too_many_radars_for_one_figure(profiles):
    with pytest.raises(ValueError):
        radar_grid([profiles[0]] * (MAX_RADARS_PER_FIGURE + 1), {}, {}, "x")


def test_unknown_format(profiles):
    with pytest.raises(ValueError):
        radar_chart(profiles[0], {}, "x", fmt="jpg")


def test_png_decodes_to_the_stated_size(profiles, item_labels):
    from PIL import Image

    image = Image.open(io.BytesIO(radar_chart(profiles[0], item_labels, "x")))
    assert image.size == (400, 400)
    # something was drawn: more than a handful of colours.
    assert len(image.convert("RGB").getcolors(maxcolors=100_000)) > 50

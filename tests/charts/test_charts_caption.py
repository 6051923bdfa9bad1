"""Every chart states its round and date (a caption the layout keeps free), and the radar
grid's legend fits inside the figure whatever the number of tambons."""

import pytest
from matplotlib.transforms import Bbox

from app.charts import CHARTS, ENGLISH, THAI, canvas, chart_fingerprint, render_chart
from app.scoring import Answer, Person, team_profiles

KINDS = sorted(CHARTS)
CAPTION = "รอบที่ 2 · 14 พ.ย. 2569"


@pytest.fixture
def drawn(monkeypatch):
    """The figures drawn while the test runs (kept as they are saved)."""
    figures = []
    save = canvas.figure_bytes

    def keep(figure, fmt):
        figures.append(figure)
        return save(figure, fmt)

    monkeypatch.setattr(canvas, "figure_bytes", keep)
    return figures


def boxes(figure) -> dict[str, Bbox]:
    """The drawn figure's caption, legends, titles and axes (with their labels), in pixels."""
    renderer = figure.canvas.get_renderer()
    found = {
        f"legend {i}": legend.get_window_extent(renderer) for i, legend in enumerate(figure.legends)
    }
    found |= {f"axes {i}": ax.get_tightbbox(renderer) for i, ax in enumerate(figure.axes)}
    found |= {f"text {t.get_text()}": t.get_window_extent(renderer) for t in figure.texts}
    if figure._suptitle is not None:
        found["title"] = figure._suptitle.get_window_extent(renderer)
    return found


@pytest.mark.parametrize("kind", KINDS)
def test_the_caption_is_drawn_inside_the_figure_clear_of_everything_else(kind, chart_inputs, drawn):
    render_chart(kind, "png", caption=CAPTION, **chart_inputs[kind])
    (figure,) = drawn
    found = boxes(figure)
    caption = found.pop(f"text {CAPTION}")
    assert figure.bbox.contains(caption.x0, caption.y0)
    assert figure.bbox.contains(caption.x1, caption.y1)
    overlapping = [name for name, box in found.items() if box.overlaps(caption)]
    assert overlapping == []
    # The legend hangs above the caption's band, still clear of the axes and their labels.
    legend = found["legend 0"]
    assert legend.y0 >= caption.y1
    assert [n for n, box in found.items() if n.startswith("axes") and box.overlaps(legend)] == []


@pytest.mark.parametrize("kind", KINDS)
def test_the_caption_changes_the_picture_and_the_fingerprint(kind, chart_inputs):
    inputs = chart_inputs[kind]
    plain = render_chart(kind, "svg", **inputs)
    captioned = render_chart(kind, "svg", caption=CAPTION, **inputs)
    assert CAPTION in captioned.decode() and CAPTION not in plain.decode()
    assert chart_fingerprint(kind, "svg", **inputs) != chart_fingerprint(
        kind, "svg", caption=CAPTION, **inputs
    )
    renamed = CAPTION.replace("รอบที่ 2", "รอบที่สอง")
    assert chart_fingerprint(kind, "svg", caption=renamed, **inputs) != chart_fingerprint(
        kind, "svg", caption=CAPTION, **inputs
    )


def test_no_caption_outside_render_chart(chart_inputs, drawn):
    render_chart("radar", "png", caption=CAPTION, **chart_inputs["radar"])
    CHARTS["radar"](**chart_inputs["radar"])
    captioned, plain = drawn
    assert CAPTION in [t.get_text() for t in captioned.texts]
    assert CAPTION not in [t.get_text() for t in plain.texts]


def _tambons(count: int, expected: bool):
    """`count` tambons of one person each, answering two items."""
    persons = [Person(i, f"p{i}", f"t{i}", frozenset({"coordination"})) for i in range(count)]
    answers = [Answer(i, f"t{i}", code, 2, 4) for i in range(count) for code in ("K1", "K2")]
    levels = {"K1": {"coordination": 3}} if expected else {}
    return team_profiles(answers, persons, ("K1", "K2"), levels)


@pytest.mark.parametrize("count", [1, 2, 3, 5, 12])
@pytest.mark.parametrize("wording", [THAI, ENGLISH])
@pytest.mark.parametrize("caption", ["", CAPTION])
def test_the_grid_legend_lies_inside_the_figure(count, wording, caption, drawn):
    profiles = _tambons(count, expected=True)
    labels = {p.unit: f"ตำบลที่ {p.unit}" for p in profiles}
    render_chart(
        "radar_grid", "png", caption=caption, profiles=profiles, item_labels={},
        unit_labels=labels, title="รอบที่ 2", wording=wording,
    )  # fmt: skip
    (figure,) = drawn
    (legend,) = figure.legends
    box = legend.get_window_extent(figure.canvas.get_renderer())
    assert len(legend.get_texts()) == 4
    assert figure.bbox.x0 <= box.x0 and box.x1 <= figure.bbox.x1
    assert figure.bbox.y0 <= box.y0 and box.y1 <= figure.bbox.y1
    cells = [ax.get_position().transformed(figure.transFigure) for ax in figure.axes]
    assert all(box.y1 <= cell.y0 for cell in cells)  # below every circle


@pytest.mark.parametrize("kind", ["radar", "radar_grid"])
def test_no_expected_entry_when_no_item_has_an_expected_level(kind, drawn):
    profiles = _tambons(2, expected=False)
    inputs = {"profile": profiles[0]} if kind == "radar" else {"profiles": profiles}
    if kind == "radar_grid":
        inputs["unit_labels"] = {}
    render_chart(kind, "png", item_labels={}, title="กองทุน", **inputs)
    (figure,) = drawn
    (legend,) = figure.legends
    entries = [t.get_text() for t in legend.get_texts()]
    assert entries == [THAI.current, THAI.target, THAI.gap]

"""Figures and bytes: the Agg canvas, the fixed settings, deterministic PNG and SVG."""

import io
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import MappingProxyType

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from .fonts import register_sarabun
from .labels import wrap_label
from .palette import MUTED

FORMATS = ("png", "svg")
DPI = 100

SETTINGS = MappingProxyType(
    {
        "font.family": ["Sarabun"],
        "font.size": 9,
        "text.language": "th",
        "axes.unicode_minus": False,
        "svg.fonttype": "path",  # glyphs as paths: the SVG looks the same without the font
        "svg.hashsalt": "freedom-table",  # fixed ids, so the same data gives the same bytes
        "figure.dpi": DPI,
        "savefig.dpi": DPI,
    }
)

# Bytes must not depend on when or with what they were made.
METADATA = MappingProxyType({"png": {"Software": None}, "svg": {"Date": None}})

# The caption of the charts drawn inside captioned(): "<round> · <date>", bottom right.
_CAPTION: ContextVar[str] = ContextVar("chart_caption", default="")
CAPTION_BAND = 0.22  # inches kept for it at the bottom of the figure
CAPTION_SIZE = 7

# rcParams are process-wide: two threads drawing at once would change each other's
# settings, so charts are drawn one at a time.
_DRAWING = threading.Lock()


@contextmanager
def chart_settings(text_as_text: bool = False) -> Iterator[None]:
    """Draw under the fixed settings, one chart at a time.

    text_as_text: SVG text stays <text> in the font named, instead of glyph paths.
    """
    register_sarabun()
    settings = dict(SETTINGS) | ({"svg.fonttype": "none"} if text_as_text else {})
    with _DRAWING, rc_context(settings):
        yield


@contextmanager
def captioned(caption: str) -> Iterator[None]:
    """Charts drawn in this block carry `caption` (e.g. the round and its date) at the
    bottom right; set once here, so every chart kind gets it without an argument of its own."""
    token = _CAPTION.set(caption)
    try:
        yield
    finally:
        _CAPTION.reset(token)


def caption_band() -> float:
    """The inches a chart drawn now keeps at its bottom for the caption (0 without one)."""
    return CAPTION_BAND if _CAPTION.get() else 0.0


def new_figure(width: float, height: float, layout: str | None = "constrained") -> Figure:
    """A figure of `width` × `height` inches on an Agg canvas (constrained layout)."""
    figure = Figure(figsize=(width, height), dpi=DPI, layout=layout)
    FigureCanvasAgg(figure)
    return figure


def figure_bytes(figure: Figure, fmt: str) -> bytes:
    """`figure` saved as PNG or SVG, without timestamps or version stamps."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, dpi=DPI, metadata=dict(METADATA[fmt]))
    return buffer.getvalue()


def render(
    fmt: str,
    size: tuple[float, float],
    paint: Callable[[Figure], None],
    layout: str | None = "constrained",
    text_as_text: bool = False,
) -> bytes:
    """A new figure of `size` inches, painted by `paint`, as `fmt` bytes.

    layout None: `paint` places the axes itself (faster for many axes).
    text_as_text: see chart_settings (SVG only).
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, got {fmt!r}")
    with chart_settings(text_as_text):
        figure = new_figure(*size, layout)
        paint(figure)
        put_caption(figure, _CAPTION.get())
        return figure_bytes(figure, fmt)


def put_caption(figure: Figure, caption: str) -> None:
    """`caption` in small muted type at the bottom right, in a band kept free below the
    chart: a laid-out figure is laid out above it and its legends anchored above it; a
    figure placed by hand (layout None) keeps caption_band() free itself."""
    if not caption:
        return
    band = CAPTION_BAND / figure.get_figheight()
    engine = figure.get_layout_engine()
    if engine is not None:
        engine.set(rect=(0, band, 1, 1 - band))
        # The layout keeps room for an "outside" legend only while it hangs from the
        # figure's edge: lay out first, then hang it from the band's top and keep the layout.
        figure.draw_without_rendering()
        above = Bbox.from_bounds(0, band, 1, 1 - band)
        for legend in figure.legends:
            legend.set_bbox_to_anchor(above, transform=figure.transFigure)
        figure.set_layout_engine("none")
    right = 1 - 0.08 / figure.get_figwidth()
    figure.text(
        right, band / 2, caption, ha="right", va="center", fontsize=CAPTION_SIZE, color=MUTED
    )


def put_title(figure: Figure, title: str) -> None:
    """The figure's bold title, wrapped to the figure's width (two lines at most)."""
    # About nine characters of 10-point bold text fit in an inch.
    figure.suptitle(wrap_label(title, int(figure.get_figwidth() * 9), 2), fontweight="bold")


def paint_no_data(figure: Figure, title: str, message: str) -> None:
    """A figure that says there is nothing to draw yet, under its title."""
    put_title(figure, title)
    figure.text(0.5, 0.5, message, ha="center", va="center", fontsize=14, color=MUTED)

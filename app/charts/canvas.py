"""Figures and bytes: the Agg canvas, the fixed settings, deterministic PNG and SVG."""

import io
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import MappingProxyType

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

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
        return figure_bytes(figure, fmt)


def put_title(figure: Figure, title: str) -> None:
    """The figure's bold title, wrapped to the figure's width (two lines at most)."""
    # About nine characters of 10-point bold text fit in an inch.
    figure.suptitle(wrap_label(title, int(figure.get_figwidth() * 9), 2), fontweight="bold")


def paint_no_data(figure: Figure, title: str, message: str) -> None:
    """A figure that says there is nothing to draw yet, under its title."""
    put_title(figure, title)
    figure.text(0.5, 0.5, message, ha="center", va="center", fontsize=14, color=MUTED)

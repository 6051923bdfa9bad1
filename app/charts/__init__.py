"""Charts of the freedom table: matplotlib Figure API on Agg (never pyplot), Thai text in
the packaged Sarabun font, data in and PNG or SVG bytes out, the same bytes for the same
data (and a radar as SVG markup for an HTML page: inline_radar). Each chart draws an
informative "no answers yet" figure when it has nothing to show.
"""

from .canvas import DPI, FORMATS
from .fingerprint import CHART_VERSION, CHARTS, chart_fingerprint, code_stamp, render_chart
from .fonts import FAMILY, register_sarabun, sarabun_file
from .labels import wrap_label
from .progress import progress_chart, progress_river_chart
from .radar import MAX_RADARS_PER_FIGURE, inline_radar, radar_chart, radar_grid
from .river import river_chart
from .stairs import stairs_chart
from .wording import ENGLISH, THAI, Wording

__all__ = [
    "CHARTS",
    "CHART_VERSION",
    "DPI",
    "ENGLISH",
    "FAMILY",
    "FORMATS",
    "MAX_RADARS_PER_FIGURE",
    "THAI",
    "Wording",
    "chart_fingerprint",
    "code_stamp",
    "inline_radar",
    "progress_chart",
    "progress_river_chart",
    "radar_chart",
    "radar_grid",
    "register_sarabun",
    "render_chart",
    "river_chart",
    "sarabun_file",
    "stairs_chart",
    "wrap_label",
]

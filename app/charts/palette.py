"""Colours and line styles; every series differs in line style or marker too, so a
chart printed in black and white still reads."""

CURRENT = {"color": "#1f4e79", "linestyle": "-", "marker": "o", "linewidth": 2.0}
TARGET = {"color": "#c55a11", "linestyle": "--", "marker": "s", "linewidth": 1.6}
EXPECTED = {"color": "#4d4d4d", "linestyle": ":", "marker": "x", "linewidth": 1.4}
GAP_FILL = "#f4b183"
RIVER = "#6baed6"
RIVER_EDGE = "#2171b5"
BANK = "#efe6d2"
MEAN = {"color": "#000000", "linestyle": "-", "marker": "D", "linewidth": 1.6, "markersize": 4}
TARGET_BAND = "#2e7d32"
WIDEST = "#b71c1c"
MUTED = "#6b6b6b"

# Unit lines on the river: colour, line style and marker all change together.
UNIT_STYLES = (
    {"color": "#7b3294", "linestyle": "-", "marker": "v"},
    {"color": "#008837", "linestyle": "--", "marker": "^"},
    {"color": "#e66101", "linestyle": "-.", "marker": "<"},
    {"color": "#5e3c99", "linestyle": ":", "marker": ">"},
    {"color": "#a6611a", "linestyle": "-", "marker": "P"},
    {"color": "#018571", "linestyle": "--", "marker": "X"},
    {"color": "#d01c8b", "linestyle": "-.", "marker": "*"},
    {"color": "#404040", "linestyle": ":", "marker": "h"},
)


def unit_style(position: int) -> dict:
    """The style of the `position`-th unit line drawn (cycling)."""
    return {**UNIT_STYLES[position % len(UNIT_STYLES)], "linewidth": 1.3, "markersize": 5}

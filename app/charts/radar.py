"""The radar (the design card): a team's mean current against its mean target.

One spoke per item, a fixed radial scale 0–5 so small multiples compare; the gap between
current and target is shaded; the expected level is drawn where the instrument sets one.
"""

import math
from collections.abc import Mapping, Sequence

from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from app.scoring.profile import TeamProfile

from .canvas import caption_band, paint_no_data, put_title, render
from .inline import inline_svg
from .labels import wrap_label
from .palette import CURRENT, EXPECTED, GAP_FILL, MUTED, TARGET
from .wording import THAI, Wording

MAX_RADARS_PER_FIGURE = 12
SCALE = (0, 5)
RADAR_SIZE = (4.0, 4.0)
# Grid of radars, in inches: each cell, the title band above and the legend band below
# (one row of legend; each further row adds LEGEND_ROW), and the room inside a cell for the
# item labels and the cell's title around the circle.
CELL_SIZE = (2.6, 2.9)
HEADER, FOOTER, LEGEND_ROW = 0.45, 0.5, 0.2
PAD_SIDE, PAD_TOP, PAD_BOTTOM = 0.5, 0.8, 0.35
# The widest legend entry (8 pt, Thai or English) and the margin the legend keeps, in inches.
LEGEND_ENTRY_WIDTH, LEGEND_MARGIN = 1.15, 0.2


def has_answers(profile: TeamProfile) -> bool:
    """Whether anyone answered any item of `profile`."""
    return any(item.n for item in profile.items)


def spoke_angles(count: int) -> list[float]:
    """Angles of `count` spokes, the first at the top, clockwise (set on the axes)."""
    return [2 * math.pi * i / count for i in range(count)]


def closed(values: Sequence[float | None]) -> list[float]:
    """`values` as floats (None → NaN, which breaks the line) with the first repeated."""
    floats = [math.nan if v is None else v for v in values]
    return [*floats, floats[0]]


def shade_gap(ax: Axes, angles: list[float], current: list[float], target: list[float]) -> None:
    """Shade between current and target, a quadrilateral per pair of answered spokes."""
    quads = [
        [
            (angles[i], current[i]),
            (angles[i + 1], current[i + 1]),
            (angles[i + 1], target[i + 1]),
            (angles[i], target[i]),
        ]
        for i in range(len(angles) - 1)
        if not any(math.isnan(v) for v in (*current[i : i + 2], *target[i : i + 2]))
    ]
    # One collection, not one patch per quadrilateral: a grid of radars draws much faster.
    shading = PolyCollection(quads, facecolor=GAP_FILL, alpha=0.55, linewidth=0)
    ax.add_collection(shading, autolim=False)


def shape_axes(ax: Axes, labels: Sequence[str], fontsize: float) -> None:
    """Spokes clockwise from the top, the fixed 0–5 scale, item labels at the tips."""
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_ylim(*SCALE)
    ax.set_yticks([1, 2, 3, 4, 5], ["1", "2", "3", "4", "5"], color=MUTED, fontsize=fontsize - 2)
    # Level numbers between the first two spokes, where no line runs along them.
    ax.set_rlabel_position(180 / max(len(labels), 1))
    ax.set_xticks(spoke_angles(len(labels)), labels, fontsize=fontsize)
    ax.tick_params(axis="x", pad=1)
    for text, angle in zip(ax.get_xticklabels(), spoke_angles(len(labels))):
        text.set_horizontalalignment(away(math.sin(angle), "left", "right"))
        text.set_verticalalignment(away(math.cos(angle), "bottom", "top"))


def away(direction: float, positive: str, negative: str) -> str:
    """Text alignment that keeps a multi-line label outside the circle."""
    # Multi-line labels centred on the tip would reach back into the plot.
    if abs(direction) < 0.1:
        return "center"
    return positive if direction > 0 else negative


def draw_radar(
    ax: Axes,
    profile: TeamProfile,
    item_labels: Mapping[str, str],
    label_width: int,
    fontsize: float,
) -> None:
    """Draw one team's radar on polar axes `ax`."""
    codes = [i.item for i in profile.items]
    shape_axes(ax, [wrap_label(item_labels.get(c, c), label_width) for c in codes], fontsize)
    angles = closed(spoke_angles(len(codes)))
    angles[-1] = 2 * math.pi
    current = closed([i.mean_current for i in profile.items])
    target = closed([i.mean_target for i in profile.items])
    shade_gap(ax, angles, current, target)
    ax.plot(angles, target, markersize=3.5, **TARGET)
    ax.plot(angles, current, markersize=3.5, **CURRENT)
    if any(i.expected is not None for i in profile.items):
        ax.plot(angles, closed([i.expected for i in profile.items]), markersize=4, **EXPECTED)


def has_expected(profiles: Sequence[TeamProfile]) -> bool:
    """Whether the instrument sets an expected level on any item of `profiles`."""
    return any(i.expected is not None for p in profiles for i in p.items)


def legend_handles(wording: Wording, expected: bool = True) -> tuple[list, list[str]]:
    """Legend entries shared by the single radar and the grid; the expected level's only
    when one is drawn."""
    handles = [
        Line2D([], [], markersize=4, **CURRENT),
        Line2D([], [], markersize=4, **TARGET),
        Patch(color=GAP_FILL, alpha=0.55),
    ]
    labels = [wording.current, wording.target, wording.gap]
    if expected:
        handles.append(Line2D([], [], markersize=4, **EXPECTED))
        labels.append(wording.expected)
    return handles, labels


def paint_radar(
    figure: Figure,
    profile: TeamProfile,
    item_labels: Mapping[str, str],
    title: str,
    wording: Wording,
) -> None:
    """One team's radar filling `figure`, with title and legend."""
    if not profile.items or not has_answers(profile):
        paint_no_data(figure, title, wording.no_answers)
        return
    put_title(figure, title)
    ax = figure.add_subplot(projection="polar")
    draw_radar(ax, profile, item_labels, label_width=14, fontsize=8)
    respondents = wording.respondents.format(n=profile.respondents)
    figure.legend(
        *legend_handles(wording, has_expected([profile])),
        loc="outside lower center",
        ncols=2,
        fontsize=8,
        title=respondents,
        title_fontsize=8,
    )


def radar_chart(
    profile: TeamProfile,
    item_labels: Mapping[str, str],
    title: str,
    fmt: str = "png",
    wording: Wording = THAI,
) -> bytes:
    """A radar of one team (4 × 4 in, 400 × 400 px as PNG); item_labels: code → label."""
    return render(fmt, RADAR_SIZE, lambda f: paint_radar(f, profile, item_labels, title, wording))


def inline_radar(
    profile: TeamProfile,
    item_labels: Mapping[str, str],
    title: str,
    wording: Wording = THAI,
    prefix: str = "radar-",
) -> str:
    """The radar of radar_chart as SVG markup for an HTML page (text as text, 400 px wide).

    prefix: put before the ids inside, which must be unique on the page.
    """

    def paint(figure: Figure) -> None:
        paint_radar(figure, profile, item_labels, title, wording)

    svg = render("svg", RADAR_SIZE, paint, text_as_text=True)
    return inline_svg(svg, prefix, {"width": "400", "height": "400"})


def grid_shape(count: int, columns: int) -> tuple[int, int]:
    """Rows and columns of a grid of `count` cells, at most `columns` wide."""
    cols = max(1, min(columns, count))
    return math.ceil(count / cols), cols


def paint_cell(
    ax: Axes, profile: TeamProfile, item_labels: Mapping[str, str], label: str, wording: Wording
) -> None:
    """One cell of the grid: a team's radar, or its name and "no answers yet"."""
    draw_radar(ax, profile, item_labels, label_width=8, fontsize=7)
    title = f"{label}\n{wording.respondents.format(n=profile.respondents)}"
    if not has_answers(profile):
        title = f"{label}\n{wording.no_answers}"
    ax.set_title(title, fontsize=8, pad=10)


def paint_grid(
    figure: Figure,
    profiles: Sequence[TeamProfile],
    item_labels: Mapping[str, str],
    unit_labels: Mapping[str, str],
    title: str,
    columns: int,
    wording: Wording,
) -> None:
    """Small multiples of `profiles` filling `figure`."""
    if not profiles:
        paint_no_data(figure, title, wording.no_answers)
        return
    put_title(figure, title)
    shape = grid_shape(len(profiles), columns)
    handles, labels = legend_handles(wording, has_expected(profiles))
    footer = footer_height(len(labels), shape[1])
    for position, profile in enumerate(profiles):
        rect = cell_rect(divmod(position, shape[1]), shape, footer)
        ax = figure.add_axes(rect, projection="polar")
        unit = profile.unit or ""
        paint_cell(ax, profile, item_labels, unit_labels.get(unit, unit), wording)
    figure.legend(
        handles,
        labels,
        loc="lower center",
        bbox_to_anchor=(0.5, caption_band() / figure.get_figheight()),
        ncols=legend_columns(len(labels), figure.get_figwidth()),
        fontsize=8,
    )


def legend_columns(entries: int, width: float) -> int:
    """How many legend entries fit side by side in a figure `width` inches wide."""
    return max(1, min(entries, int((width - LEGEND_MARGIN) / LEGEND_ENTRY_WIDTH)))


def footer_height(entries: int, cols: int) -> float:
    """The band below the cells in inches: the legend's rows and the caption's band."""
    rows = math.ceil(entries / legend_columns(entries, CELL_SIZE[0] * cols))
    return FOOTER + LEGEND_ROW * (rows - 1) + caption_band()


def grid_size(rows: int, cols: int, footer: float = FOOTER) -> tuple[float, float]:
    """The size in inches of a grid of radars with a `footer` inches high below the cells."""
    return (CELL_SIZE[0] * cols, CELL_SIZE[1] * rows + HEADER + footer)


def cell_rect(
    cell: tuple[int, int], shape: tuple[int, int], footer: float = FOOTER
) -> tuple[float, ...]:
    """Left, bottom, width, height (figure fractions) of the circle of grid cell (row, col)."""
    (row, col), (rows, cols) = cell, shape
    width, height = grid_size(rows, cols, footer)
    left = col * CELL_SIZE[0] + PAD_SIDE
    bottom = footer + (rows - 1 - row) * CELL_SIZE[1] + PAD_BOTTOM
    inner = (CELL_SIZE[0] - 2 * PAD_SIDE, CELL_SIZE[1] - PAD_TOP - PAD_BOTTOM)
    return (left / width, bottom / height, inner[0] / width, inner[1] / height)


def radar_grid(
    profiles: Sequence[TeamProfile],
    item_labels: Mapping[str, str],
    unit_labels: Mapping[str, str],
    title: str,
    fmt: str = "png",
    wording: Wording = THAI,
    columns: int = 4,
) -> bytes:
    """Small multiples: one radar per team on the common 0–5 scale, in the given order.

    At most MAX_RADARS_PER_FIGURE teams (ValueError beyond): the caller pages.
    Each cell is 2.6 × 2.9 in, plus 0.95 in for title and legend (0.2 in more per further
    row of legend, as on a grid one cell wide) and the caption's band; unit_labels: key → label.
    """
    if len(profiles) > MAX_RADARS_PER_FIGURE:
        raise ValueError(f"at most {MAX_RADARS_PER_FIGURE} radars per figure, got {len(profiles)}")
    rows, cols = grid_shape(max(len(profiles), 1), columns)
    entries = len(legend_handles(wording, has_expected(profiles))[1])
    size = grid_size(rows, cols, footer_height(entries, cols))
    return render(
        fmt,
        size,
        lambda f: paint_grid(f, profiles, item_labels, unit_labels, title, columns, wording),
        layout=None,  # cells are placed by cell_rect; constrained layout doubles the time
    )

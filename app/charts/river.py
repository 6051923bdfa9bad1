"""The river diagram (ธารปัญญา): items along x, levels 1–5 up; the river between the
lowest and highest unit, the banks outside it, the mean line, the target band, chosen
units' own lines, and the widest stretches (the best places to share) marked."""

import math
from collections.abc import Collection, Mapping, Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from app.scoring.levels import UnitKey
from app.scoring.river import River

from .canvas import paint_no_data, put_title, render
from .labels import wrap_label
from .palette import BANK, MEAN, RIVER, RIVER_EDGE, TARGET_BAND, WIDEST, unit_style
from .wording import THAI, Wording

HEIGHT = 4.6


def river_size(items: int) -> tuple[float, float]:
    """Figure size in inches: 0.75 in per item, between 6 and 14 in wide."""
    return (min(max(2.0 + 0.75 * items, 6.0), 14.0), HEIGHT)


def nan(values: Sequence[float | None]) -> list[float]:
    """`values` with None as NaN (a gap in lines and bands)."""
    return [math.nan if v is None else v for v in values]


def draw_banks_and_river(ax: Axes, river: River) -> None:
    """The banks (background), the river band and its width at each item."""
    ax.set_facecolor(BANK)
    x = range(len(river.items))
    low, high = nan([b.low for b in river.bands]), nan([b.high for b in river.bands])
    ax.fill_between(x, low, high, color=RIVER, linewidth=0)
    # A bar per item, so an item between two unanswered ones still shows its stretch.
    ax.vlines(x, low, high, color=RIVER_EDGE, linewidth=3)


def draw_targets_and_mean(ax: Axes, river: River) -> None:
    """The target band (hatched) and the mean line."""
    x = range(len(river.items))
    ax.fill_between(
        x,
        nan([b.target_low for b in river.bands]),
        nan([b.target_high for b in river.bands]),
        facecolor="none",
        edgecolor=TARGET_BAND,
        hatch="///",
        linewidth=0.8,
    )
    ax.plot(x, nan([b.mean for b in river.bands]), **MEAN)


def draw_unit_lines(
    ax: Axes, river: River, show_units: Collection[UnitKey], unit_labels: Mapping[UnitKey, str]
) -> list[tuple[Line2D, str]]:
    """The lines of the units in `show_units`, in the river's unit order."""
    drawn = []
    chosen = [line for line in river.lines if line.key in show_units]
    for position, line in enumerate(chosen):
        (artist,) = ax.plot(range(len(line.levels)), nan(line.levels), **unit_style(position))
        drawn.append((artist, unit_labels.get(line.key, str(line.key))))
    return drawn


def mark_widest(ax: Axes, river: River) -> None:
    """A double arrow across the river at the widest items, and their labels in bold."""
    for position, band in enumerate(river.bands):
        if band.item in river.widest:
            ax.annotate(
                "",
                xy=(position, band.high),
                xytext=(position, band.low),
                arrowprops={"arrowstyle": "<->", "color": WIDEST, "linewidth": 2},
            )
            ax.get_xticklabels()[position].set_fontweight("bold")
            ax.get_xticklabels()[position].set_color(WIDEST)


def shape_axes(ax: Axes, river: River, item_labels: Mapping[str, str], wording: Wording) -> None:
    """Levels 1–5 up, item labels along the bottom."""
    ax.set_ylim(0.6, 5.4)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_ylabel(wording.level)
    ax.set_xlim(-0.5, len(river.items) - 0.5)
    labels = [wrap_label(item_labels.get(i, i), 12) for i in river.items]
    ax.set_xticks(range(len(river.items)), labels, fontsize=8)
    ax.grid(axis="y", color="white", linewidth=0.8)
    ax.set_axisbelow(True)


def legend_entries(wording: Wording, units: list[tuple[Line2D, str]]) -> tuple[list, list]:
    """Legend handles and labels: the river's parts, then the unit lines."""
    handles = [
        Patch(color=RIVER),
        Patch(facecolor="none", edgecolor=TARGET_BAND, hatch="///"),
        Line2D([], [], **MEAN),
        Line2D([], [], color=WIDEST, linewidth=2),
        *[artist for artist, _ in units],
    ]
    labels = [wording.river, wording.target_band, wording.mean, wording.widest]
    return handles, [*labels, *[label for _, label in units]]


def paint_river(
    figure: Figure,
    river: River,
    item_labels: Mapping[str, str],
    unit_labels: Mapping[UnitKey, str],
    title: str,
    show_units: Collection[UnitKey],
    wording: Wording,
) -> None:
    """The river filling `figure`."""
    if not any(b.units for b in river.bands):
        paint_no_data(figure, title, wording.no_answers)
        return
    put_title(figure, title)
    ax = figure.add_subplot()
    shape_axes(ax, river, item_labels, wording)
    draw_banks_and_river(ax, river)
    draw_targets_and_mean(ax, river)
    units = draw_unit_lines(ax, river, show_units, unit_labels)
    mark_widest(ax, river)
    handles, labels = legend_entries(wording, units)
    figure.legend(handles, labels, loc="outside lower center", ncols=4, fontsize=8)


def river_chart(
    river: River,
    item_labels: Mapping[str, str],
    unit_labels: Mapping[UnitKey, str],
    title: str,
    fmt: str = "png",
    wording: Wording = THAI,
    show_units: Collection[UnitKey] = (),
) -> bytes:
    """The river of `river`; draws the lines of the units whose keys are in show_units.

    Size: 0.75 in per item, 6–14 in wide, 4.6 in high. unit_labels: unit key → label.
    """
    size = river_size(len(river.items))
    return render(
        fmt,
        size,
        lambda f: paint_river(f, river, item_labels, unit_labels, title, show_units, wording),
    )

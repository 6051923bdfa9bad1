"""The stairs of exchange (บันไดแห่งการแลกเปลี่ยน) for one item: units as steps ordered by
current level, highest at the top, each with a marker for its target."""

from collections.abc import Mapping

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from app.scoring.levels import UnitKey
from app.scoring.stairs import ItemStairs

from .canvas import paint_no_data, put_title, render
from .labels import wrap_label
from .palette import CURRENT, MUTED, TARGET
from .wording import THAI, Wording

WIDTH = 6.0


def stairs_size(steps: int) -> tuple[float, float]:
    """Figure size in inches: 6 in wide, 0.34 in per step plus room for title and legend."""
    return (WIDTH, 1.6 + 0.34 * max(steps, 3))


def draw_steps(ax: Axes, stairs: ItemStairs, unit_labels: Mapping[UnitKey, str]) -> None:
    """One bar per unit up to its current level, a line and marker out to its target."""
    y = range(len(stairs.steps))
    currents = [s.current for s in stairs.steps]
    ax.barh(y, currents, height=0.8, color=CURRENT["color"], alpha=0.85)
    for position, step in enumerate(stairs.steps):
        ax.plot(
            [step.current, step.target],
            [position, position],
            color=TARGET["color"],
            linestyle=TARGET["linestyle"],
            linewidth=1.2,
        )
    ax.plot(
        [s.target for s in stairs.steps],
        y,
        linestyle="none",
        marker="D",
        markersize=6,
        color=TARGET["color"],
        markeredgecolor="black",
        markeredgewidth=0.6,
    )
    labels = [
        wrap_label(f"{s.rank}. {unit_labels.get(s.key, str(s.key))}", 24, 2) for s in stairs.steps
    ]
    ax.set_yticks(y, labels)


def shape_axes(ax: Axes, steps: int, wording: Wording) -> None:
    """Level 0–5 along x, the first step at the top."""
    ax.set_xlim(0, 5.2)
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.set_xlabel(wording.level)
    ax.set_ylim(steps - 0.5, -0.5)
    ax.grid(axis="x", color=MUTED, linewidth=0.4, alpha=0.6)
    ax.set_axisbelow(True)


def paint_stairs(
    figure: Figure,
    stairs: ItemStairs,
    unit_labels: Mapping[UnitKey, str],
    title: str,
    wording: Wording,
) -> None:
    """The stairs filling `figure`."""
    if not stairs.steps:
        paint_no_data(figure, title, wording.no_answers)
        return
    put_title(figure, title)
    ax = figure.add_subplot()
    shape_axes(ax, len(stairs.steps), wording)
    draw_steps(ax, stairs, unit_labels)
    handles = [
        Patch(color=CURRENT["color"], alpha=0.85),
        Line2D(
            [],
            [],
            color=TARGET["color"],
            linestyle=TARGET["linestyle"],
            marker="D",
            markeredgecolor="black",
            markeredgewidth=0.6,
        ),
    ]
    figure.legend(
        handles, [wording.current, wording.target], loc="outside lower center", ncols=2, fontsize=8
    )


def stairs_chart(
    stairs: ItemStairs,
    unit_labels: Mapping[UnitKey, str],
    title: str,
    fmt: str = "png",
    wording: Wording = THAI,
) -> bytes:
    """The stairs of one item; labels show "rank. unit". unit_labels: unit key → label.

    6 in wide, 0.34 in per step: keep to a few dozen units per chart.
    """
    size = stairs_size(len(stairs.steps))
    return render(fmt, size, lambda f: paint_stairs(f, stairs, unit_labels, title, wording))

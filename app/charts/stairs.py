"""The stairs of exchange (บันไดแห่งการแลกเปลี่ยน) for one item: one step per current level,
highest at the top, on a level scale from 1 to 5; each step names its units (capped, "+ N
more") and marks the mean target of its units."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from app.numbers import half_up
from app.scoring.levels import UnitKey
from app.scoring.stairs import ItemStairs, StepGroup, step_groups

from .canvas import paint_no_data, put_title, render
from .labels import width_of, wrap_lines
from .palette import CURRENT, MUTED, TARGET
from .wording import THAI, Wording

WIDTH = 8.0
MAX_STEPS = 40  # steps drawn; the rest are counted under the chart (the table has them all)
MAX_NAMES = 12  # names written on one step; the rest are counted ("+ N more")
NAME_LINES = 3  # lines of names on one step at most
NAME_WIDTH = 58  # characters in a line of names
LINE = 0.17  # inches per line of 8-point text
STEP_GAP = 0.8  # lines between two steps


@dataclass(frozen=True, slots=True)
class DrawnStep:
    """A step as drawn: its group, the lines of names and where its middle is (in lines)."""

    group: StepGroup
    names: tuple[str, ...]
    middle: float


def fill_lines(pieces: Sequence[str]) -> list[str]:
    """`pieces` joined by spaces into lines of about NAME_WIDTH, broken only between pieces
    (a piece wider than a line is wrapped on its own)."""
    lines: list[str] = []
    for text in pieces:
        if lines and width_of(lines[-1] + " " + text) <= NAME_WIDTH:
            lines[-1] += " " + text
        else:
            lines.extend(wrap_lines(text, NAME_WIDTH))
    return lines


def name_lines(labels: Sequence[str], wording: Wording) -> list[str]:
    """As many of `labels` as fit in NAME_LINES lines (MAX_NAMES at most), then "+ N more"."""
    for shown in range(min(len(labels), MAX_NAMES), 0, -1):
        rest = len(labels) - shown
        more = [wording.more_units.format(n=rest)] if rest else []
        names = [label + "," for label in labels[: shown - 1]] + [labels[shown - 1]]
        lines = fill_lines([*names, *more])
        if len(lines) <= NAME_LINES:
            return lines
    return fill_lines([wording.more_units.format(n=len(labels))])


def layout(
    groups: Sequence[StepGroup], unit_labels: Mapping[UnitKey, str], wording: Wording
) -> tuple[list[DrawnStep], float]:
    """Each step with its lines of names and its middle, top down; and the height in lines."""
    drawn, top = [], 0.0
    for group in groups:
        labels = [unit_labels.get(s.key, str(s.key)) for s in group.units]
        names = name_lines(labels, wording)
        height = max(len(names), 1)
        drawn.append(DrawnStep(group, tuple(names), top + STEP_GAP / 2 + height / 2))
        top += height + STEP_GAP
    return drawn, top


def stairs_size(lines: float) -> tuple[float, float]:
    """Figure size in inches: 8 in wide, LINE in per line plus room for title and legend."""
    return (WIDTH, max(1.5 + LINE * lines, 2.6))


def draw_levels(ax: Axes, drawn: Sequence[DrawnStep]) -> None:
    """Each step's level as a dot on the 1–5 scale (its value beside it), a dashed line out to
    the mean target of its units, and the staircase joining the steps."""
    middles = [d.middle for d in drawn]
    currents = [d.group.current for d in drawn]
    ax.step(currents, middles, where="post", color=CURRENT["color"], linewidth=0.8, alpha=0.4)
    for d in drawn:
        ax.plot([d.group.current, d.group.mean_target], [d.middle, d.middle], color=TARGET["color"],
                linestyle=TARGET["linestyle"], linewidth=1.2)  # fmt: skip
        ax.annotate(str(half_up(d.group.current)), (d.group.current, d.middle),
                    xytext=(0, 6), textcoords="offset points", ha="center", fontsize=7)  # fmt: skip
    ax.plot(currents, middles, linestyle="none", marker="o", markersize=7, color=CURRENT["color"])
    ax.plot([d.group.mean_target for d in drawn], middles, linestyle="none", marker="D",
            markersize=5, color=TARGET["color"], markeredgecolor="black",
            markeredgewidth=0.6)  # fmt: skip


def shape_axes(ax: Axes, drawn: Sequence[DrawnStep], height: float, wording: Wording) -> None:
    """Levels 1–5 along x; the steps down y, labelled "step n (count)"."""
    ax.set_xlim(0.8, 5.2)
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.set_xlabel(wording.level)
    ax.set_ylim(height, 0)
    labels = [wording.step.format(number=d.group.number, n=len(d.group.units)) for d in drawn]
    ax.set_yticks([d.middle for d in drawn], labels)
    ax.grid(axis="x", color=MUTED, linewidth=0.4, alpha=0.6)
    ax.set_axisbelow(True)


def write_names(ax: Axes, drawn: Sequence[DrawnStep], height: float) -> None:
    """The names of each step, beside it."""
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(height, 0)
    for d in drawn:
        text = ax.text(0, d.middle, "\n".join(d.names), va="center", ha="left", fontsize=8,
                       linespacing=1.25)  # fmt: skip
        # Kept to NAME_WIDTH by wrapping: the layout need not measure them (Thai text is slow
        # to measure, and a province's stairs have dozens of these).
        text.set_in_layout(False)


def legend(figure: Figure, wording: Wording, note: str) -> None:
    """The legend, and under it how many steps are not drawn (when some are not)."""
    handles = [
        Line2D([], [], linestyle="none", marker="o", color=CURRENT["color"]),
        Line2D([], [], color=TARGET["color"], linestyle=TARGET["linestyle"], marker="D",
               markeredgecolor="black", markeredgewidth=0.6),
    ]  # fmt: skip
    labels = [wording.current, wording.step_target]
    if note:
        handles.append(Line2D([], [], linestyle="none"))
        labels.append(note)
    figure.legend(handles, labels, loc="outside lower center", ncols=len(labels), fontsize=8)


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
    groups = step_groups(stairs)
    drawn, height = layout(groups[:MAX_STEPS], unit_labels, wording)
    put_title(figure, title)
    levels, names = figure.subplots(1, 2, width_ratios=[2, 3])
    shape_axes(levels, drawn, height, wording)
    draw_levels(levels, drawn)
    write_names(names, drawn, height)
    hidden = groups[MAX_STEPS:]
    note = ""
    if hidden:
        units = sum(len(g.units) for g in hidden)
        note = wording.more_steps.format(steps=len(hidden), n=units)
    legend(figure, wording, note)


def stairs_chart(
    stairs: ItemStairs,
    unit_labels: Mapping[UnitKey, str],
    title: str,
    fmt: str = "png",
    wording: Wording = THAI,
) -> bytes:
    """The stairs of one item, one step per current level; unit_labels: unit key → label
    (for people, their name and tambon). The first MAX_STEPS steps are drawn; 8 in wide,
    its height follows the lines of names.
    """
    groups = step_groups(stairs)
    _, height = layout(groups[:MAX_STEPS], unit_labels, wording)
    size = stairs_size(height)
    return render(fmt, size, lambda f: paint_stairs(f, stairs, unit_labels, title, wording))

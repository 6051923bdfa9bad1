"""Look back, look forward (เหลียวหลัง แลหน้า) as pictures: the mean current level per item in
two rounds (a dot for the earlier, an arrow to the later, the later target marked), and the
river of the two rounds on one chart (the earlier band hatched, the later one filled)."""

from collections.abc import Mapping, Sequence

from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from app.scoring.progress import ItemMeans
from app.scoring.river import River

from .canvas import paint_no_data, put_title, render
from .labels import wrap_label
from .palette import BANK, CURRENT, MEAN, MUTED, RIVER, RIVER_EDGE, TARGET
from .river import nan, river_size
from .wording import THAI, Wording

EARLIER = {"color": MUTED, "linestyle": "--", "marker": "o"}


def shape_levels(ax: Axes, items: Sequence[str], item_labels: Mapping[str, str], wording) -> None:
    """Levels 1–5 up, the items along the bottom."""
    ax.set_ylim(0.6, 5.4)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_ylabel(wording.level)
    ax.set_xlim(-0.5, len(items) - 0.5)
    labels = [wrap_label(item_labels.get(i, i), 12) for i in items]
    ax.set_xticks(range(len(items)), labels, fontsize=8)
    ax.set_axisbelow(True)


def draw_means(ax: Axes, means: Sequence[ItemMeans]) -> None:
    """Per item: a hollow dot at the earlier mean, an arrow to the later mean, and the
    later round's mean target as a diamond."""
    for x, m in enumerate(means):
        if m.before is None or m.after is None:
            continue
        if abs(m.after - m.before) > 0.05:
            ax.annotate("", xy=(x, m.after), xytext=(x, m.before),
                        arrowprops={"arrowstyle": "-|>", "color": CURRENT["color"],
                                    "linewidth": 1.6, "shrinkA": 4, "shrinkB": 4})  # fmt: skip
    x = range(len(means))
    ax.plot(x, nan([m.before for m in means]), linestyle="none", marker="o", markersize=8,
            markerfacecolor="white", markeredgecolor=MUTED, markeredgewidth=1.6)  # fmt: skip
    ax.plot(x, nan([m.after for m in means]), linestyle="none", marker="o", markersize=8,
            color=CURRENT["color"])  # fmt: skip
    ax.plot(x, nan([m.target_after for m in means]), linestyle="none", marker="D",
            markersize=5, color=TARGET["color"], markeredgecolor="black",
            markeredgewidth=0.6)  # fmt: skip


def paint_means(figure, means, item_labels, rounds: tuple[str, str], title, wording) -> None:
    """The means chart filling `figure`."""
    if not any(m.n for m in means):
        paint_no_data(figure, title, wording.no_answers)
        return
    put_title(figure, title)
    ax = figure.add_subplot()
    shape_levels(ax, [m.item for m in means], item_labels, wording)
    ax.grid(axis="y", color=MUTED, linewidth=0.4, alpha=0.5)
    draw_means(ax, means)
    handles = [
        Line2D([], [], linestyle="none", marker="o", markerfacecolor="white",
               markeredgecolor=MUTED, markeredgewidth=1.6),
        Line2D([], [], color=CURRENT["color"], marker="o"),
        Line2D([], [], linestyle="none", marker="D", color=TARGET["color"],
               markeredgecolor="black", markeredgewidth=0.6),
    ]  # fmt: skip
    labels = [f"{wording.current} · {rounds[0]}", f"{wording.current} · {rounds[1]}",
              f"{wording.target} · {rounds[1]}"]  # fmt: skip
    figure.legend(handles, labels, loc="outside lower center", ncols=3, fontsize=8)


def progress_chart(
    means: Sequence[ItemMeans],
    item_labels: Mapping[str, str],
    rounds: tuple[str, str],
    title: str,
    fmt: str = "png",
    wording: Wording = THAI,
) -> bytes:
    """The mean current level per item in the earlier and later round (`rounds`: their
    names), as dots and arrows on the 1–5 scale; sized as the river is."""
    size = river_size(len(means))
    return render(fmt, size, lambda f: paint_means(f, means, item_labels, rounds, title, wording))


def draw_rivers(ax: Axes, earlier: River, later: River) -> None:
    """The earlier river hatched with its mean dashed, the later filled with its mean solid."""
    ax.set_facecolor(BANK)
    x = range(len(later.items))
    ax.fill_between(x, nan([b.low for b in later.bands]), nan([b.high for b in later.bands]),
                    color=RIVER, alpha=0.8, linewidth=0)  # fmt: skip
    ax.vlines(x, nan([b.low for b in later.bands]), nan([b.high for b in later.bands]),
              color=RIVER_EDGE, linewidth=3)  # fmt: skip
    ax.fill_between(x, nan([b.low for b in earlier.bands]), nan([b.high for b in earlier.bands]),
                    facecolor="none", edgecolor=MUTED, hatch="\\\\\\", linewidth=1.0)  # fmt: skip
    ax.plot(x, nan([b.mean for b in earlier.bands]), **{**MEAN, **EARLIER, "markersize": 4})
    ax.plot(x, nan([b.mean for b in later.bands]), **MEAN)


def paint_rivers(figure, earlier, later, item_labels, rounds, title, wording) -> None:
    """The two rivers filling `figure`."""
    if not any(b.units for b in later.bands):
        paint_no_data(figure, title, wording.no_answers)
        return
    put_title(figure, title)
    ax = figure.add_subplot()
    shape_levels(ax, later.items, item_labels, wording)
    ax.grid(axis="y", color="white", linewidth=0.8)
    draw_rivers(ax, earlier, later)
    handles = [
        Patch(facecolor="none", edgecolor=MUTED, hatch="\\\\\\"),
        Line2D([], [], **{**MEAN, **EARLIER, "markersize": 4}),
        Patch(color=RIVER),
        Line2D([], [], **MEAN),
    ]
    labels = [f"{wording.river} · {rounds[0]}", f"{wording.mean} · {rounds[0]}",
              f"{wording.river} · {rounds[1]}", f"{wording.mean} · {rounds[1]}"]  # fmt: skip
    figure.legend(handles, labels, loc="outside lower center", ncols=2, fontsize=8)


def progress_river_chart(
    earlier: River,
    later: River,
    item_labels: Mapping[str, str],
    rounds: tuple[str, str],
    title: str,
    fmt: str = "png",
    wording: Wording = THAI,
) -> bytes:
    """The rivers of the earlier and later round (the same items, in `later`'s order) on one
    chart; `rounds`: their names. Sized as the river is."""
    size = river_size(len(later.items))
    return render(
        fmt, size, lambda f: paint_rivers(f, earlier, later, item_labels, rounds, title, wording)
    )

"""The river diagram (ธารปัญญา): per item, the band between the lowest and highest unit."""

from collections.abc import Sequence
from dataclasses import dataclass

from .averages import mean, tie_key
from .levels import Level, LevelTable, UnitKey


@dataclass(frozen=True, slots=True)
class RiverBand:
    """One item's stretch of river; all levels None when no unit answered it.

    low/high: min/max current over units; width = high − low; mean: mean of the units'
    current levels (each unit weighted equally); target_low/high: min/max target.
    """

    item: str
    units: int
    low: float | None
    high: float | None
    width: float
    mean: float | None
    target_low: float | None
    target_high: float | None


@dataclass(frozen=True, slots=True)
class RiverLine:
    """One unit's current level per item (item order), None where it has no answer."""

    key: UnitKey
    levels: tuple[float | None, ...]


@dataclass(frozen=True, slots=True)
class River:
    """The river of a set of units: bands and lines in item order, and the widest items."""

    items: tuple[str, ...]
    bands: tuple[RiverBand, ...]
    lines: tuple[RiverLine, ...]
    widest: tuple[str, ...]


def river_band(item: str, levels: Sequence[Level]) -> RiverBand:
    """The band of one item from the units' levels on it."""
    if not levels:
        return RiverBand(item, 0, None, None, 0.0, None, None, None)
    currents = [lv.current for lv in levels]
    targets = [lv.target for lv in levels]
    low, high = min(currents), max(currents)
    return RiverBand(
        item, len(levels), low, high, high - low, mean(currents), min(targets), max(targets)
    )


def widest_items(bands: Sequence[RiverBand], top_k: int | None = None) -> tuple[str, ...]:
    """The best places to share: items whose river is widest, in item order.

    With top_k None: every item tied at the maximum width. With top_k: the k widest,
    ties at the cut broken by item order. Width 0 never counts (nothing to share).
    """
    wide = [b for b in bands if tie_key(b.width) > 0]
    if top_k is None:
        most = max((tie_key(b.width) for b in wide), default=0.0)
        chosen = {b.item for b in wide if tie_key(b.width) == most}
    else:
        ranked = sorted(enumerate(wide), key=lambda pair: (-tie_key(pair[1].width), pair[0]))
        chosen = {b.item for _, b in ranked[:top_k]}
    return tuple(b.item for b in bands if b.item in chosen)


def river(levels: LevelTable, item_order: Sequence[str], top_k: int | None = None) -> River:
    """The river of every unit in `levels` (see levels.team_levels / person_levels)."""
    bands = tuple(
        river_band(item, [lv[item] for lv in levels.values() if item in lv]) for item in item_order
    )
    lines = tuple(
        RiverLine(key, tuple(lv[i].current if i in lv else None for i in item_order))
        for key, lv in levels.items()
    )
    return River(tuple(item_order), bands, lines, widest_items(bands, top_k))

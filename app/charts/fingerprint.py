"""Chart fingerprints: a stable hash of what a chart is drawn from, for caches and ETags.

The same kind, format and inputs give the same fingerprint in any process; a change of
CHART_VERSION, of matplotlib or of the font gives a new one (the picture may change).
"""

import dataclasses
import hashlib
import inspect
import json
from collections.abc import Callable, Mapping
from functools import cache
from types import MappingProxyType

import fontpkg_sarabun
import matplotlib

from .canvas import captioned
from .progress import progress_chart, progress_river_chart
from .radar import radar_chart, radar_grid
from .river import river_chart
from .stairs import stairs_chart

# Bump when the drawing code changes what a chart looks like.
CHART_VERSION = "3"

CHARTS: Mapping[str, Callable[..., bytes]] = MappingProxyType(
    {
        "progress": progress_chart,
        "progress_river": progress_river_chart,
        "radar": radar_chart,
        "radar_grid": radar_grid,
        "river": river_chart,
        "stairs": stairs_chart,
    }
)


def canonical(value: object) -> object:
    """`value` as JSON-ready data with one spelling per meaning (sorted sets and maps)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"@": type(value).__name__, **fields}
    if isinstance(value, Mapping):
        pairs = [[canonical(k), canonical(v)] for k, v in value.items()]
        return {"@map": sorted(pairs, key=_json)}
    if isinstance(value, (set, frozenset)):
        return {"@set": sorted((canonical(v) for v in value), key=_json)}
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"@num": float(value).hex()}  # 2 and 2.0 draw the same
    if value is None or isinstance(value, (str, bool)):
        return value
    raise TypeError(f"cannot fingerprint a {type(value).__name__}")


def _json(value: object) -> str:
    """Compact JSON of canonical data, the same bytes for the same data."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def bound_inputs(kind: str, fmt: str, inputs: Mapping[str, object]) -> dict[str, object]:
    """All arguments of chart `kind` as it would be called, defaults included."""
    if kind not in CHARTS:
        raise ValueError(f"unknown chart kind {kind!r}; known: {sorted(CHARTS)}")
    bound = inspect.signature(CHARTS[kind]).bind(**inputs, fmt=fmt)
    bound.apply_defaults()
    return dict(bound.arguments)


def code_stamp() -> dict[str, str]:
    """What, besides its data, decides how a chart looks: the drawing code and font."""
    return {
        "chart_version": CHART_VERSION,
        "matplotlib": matplotlib.__version__,
        "font": fontpkg_sarabun.FAMILY + " " + _font_version(),
    }


def chart_fingerprint(kind: str, fmt: str, caption: str = "", **inputs: object) -> str:
    """sha256 hex of CHART_VERSION, library versions, kind, format, caption and the chart's
    inputs.

    `inputs` are the keyword arguments the chart function takes (see CHARTS), e.g.
    chart_fingerprint("radar", "png", profile=p, item_labels=labels, title="…");
    `caption`: see render_chart.
    """
    stamp = {
        **code_stamp(),
        "kind": kind,
        "inputs": canonical(bound_inputs(kind, fmt, inputs)),
        **({"caption": caption} if caption else {}),
    }
    return hashlib.sha256(_json(stamp).encode("utf-8")).hexdigest()


def render_chart(kind: str, fmt: str, caption: str = "", **inputs: object) -> bytes:
    """Draw chart `kind` from the same keyword inputs chart_fingerprint takes.

    caption: small text at the bottom right of the chart, e.g. "รอบที่ 2 · 14 พ.ย. 2569".
    """
    arguments = bound_inputs(kind, fmt, inputs)
    with captioned(caption):
        return CHARTS[kind](**arguments)


@cache
def _font_version() -> str:
    """The packaged Sarabun version, from its metadata."""
    meta = json.loads((fontpkg_sarabun.ROOT / "metadata.json").read_text(encoding="utf-8"))
    return str(meta.get("version", ""))

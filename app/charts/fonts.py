"""The Thai font: Sarabun, shipped as the Python package fontpkg-sarabun.

Charts never rely on system fonts: Sarabun is registered with matplotlib's font manager
from the package's own files, and every chart names it as the only font family.
"""

import functools
from pathlib import Path

import fontpkg.mpl
import fontpkg_sarabun
from matplotlib import font_manager
from matplotlib.font_manager import FontProperties

FAMILY = fontpkg_sarabun.FAMILY
FONT_DIR = fontpkg_sarabun.ROOT / "files"


def sarabun_file(weight: str = "normal") -> Path:
    """The file matplotlib uses for Sarabun at `weight` (registering the family first)."""
    register_sarabun()
    prop = FontProperties(family=FAMILY, weight=weight)
    return Path(font_manager.findfont(prop, fallback_to_default=False))


@functools.cache
def register_sarabun() -> str:
    """Register the packaged Sarabun files once per process; returns the family name.

    Raises RuntimeError when another "Sarabun" (a system copy) would be used instead of
    the packaged one: output must be the same on every server.
    """
    fontpkg.mpl.use(FAMILY)
    for weight in ("normal", "bold"):
        found = Path(font_manager.findfont(FontProperties(family=FAMILY, weight=weight)))
        if FONT_DIR.resolve() not in found.resolve().parents:
            raise RuntimeError(f"Sarabun resolves to {found}, not to the packaged {FONT_DIR}")
    return FAMILY

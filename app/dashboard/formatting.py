"""Numbers as the dashboard's tables show them, rounded half up (app.numbers.half_up)."""

from app.numbers import half_up

DASH = "–"


def level(value: float | None) -> str:
    """A level or mean with two decimals ("2.50", 2.625 → "2.63"); a dash when there is none."""
    return DASH if value is None else str(half_up(value, 2))


def change(value: float | None) -> str:
    """A change of level with its sign ("+0.50", "−0.50", "0.00"); a dash when there is none."""
    if value is None:
        return DASH
    shown = half_up(value, 2)
    if shown == 0:
        return "0.00"
    return f"+{shown}" if shown > 0 else f"−{-shown}"

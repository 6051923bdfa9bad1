"""Numbers as the dashboard's tables show them."""

DASH = "–"


def level(value: float | None) -> str:
    """A level or mean level with two decimals ("2.50"); a dash when there is none."""
    return DASH if value is None else f"{value:.2f}"


def change(value: float | None) -> str:
    """A change of level with its sign ("+0.50", "−0.50", "0.00"); a dash when there is none."""
    if value is None:
        return DASH
    if round(value, 2) == 0:
        return "0.00"
    return f"+{value:.2f}" if value > 0 else f"−{-value:.2f}"

"""The one rounding rule for numbers people read: half away from zero, as spreadsheets do."""

from decimal import Decimal

import pytest

from app.dashboard.formatting import change, level
from app.numbers import half_up, rounded, whole


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (2.625, "2.63"),  # round() and f"{:.2f}" give 2.62 (half to even)
        (3.125, "3.13"),  # … and 3.12
        (0.125, "0.13"),
        (-2.625, "-2.63"),  # away from zero, as ROUND(-2.625; 2) in a spreadsheet
        (2.675, "2.68"),  # the binary 2.67499999… is read as the 2.675 it was written as
        (1.005, "1.01"),
        (2.625 - 1e-9, "2.62"),
        (2.625 + 1e-9, "2.63"),
        (-2.625 + 1e-9, "-2.62"),
        (0.12499999999999978, "0.13"),  # 15 significant digits, as a spreadsheet holds
        (2.0, "2.00"),
        (10 / 3, "3.33"),
        (-0.001, "0.00"),  # no "-0.00"
        (1e-9, "0.00"),
    ],
)
def test_half_up_to_two_decimals(value, shown):
    assert str(half_up(value, 2)) == shown
    assert rounded(value, 2) == float(shown)


def test_none_stays_none():
    assert half_up(None) is None
    assert rounded(None) is None
    assert level(None) == change(None) == "–"


def test_other_numbers_of_decimals():
    assert half_up(2.25, 1) == Decimal("2.3")
    assert half_up(2.35, 1) == Decimal("2.4")
    assert whole(12.5) == 13  # round(12.5) is 12
    assert whole(0.5) == 1
    assert whole(2.4999) == 2
    assert whole(-1.5) == -2


def test_python_rounds_these_differently():
    """Why the rule is needed: the Python defaults round the same halves the other way."""
    assert f"{2.625:.2f}" == "2.62" and round(3.125, 2) == 3.12 and round(12.5) == 12


@pytest.mark.parametrize(
    ("value", "level_text", "change_text"),
    [
        (2.625, "2.63", "+2.63"),
        (-0.125, "-0.13", "−0.13"),
        (0.004, "0.00", "0.00"),
        (-0.004, "0.00", "0.00"),
        (-0.005, "-0.01", "−0.01"),
        (0.5, "0.50", "+0.50"),
    ],
)
def test_dashboard_filters(value, level_text, change_text):
    assert level(value) == level_text
    assert change(value) == change_text


def test_a_numpy_float_rounds_as_a_float():
    import numpy as np

    assert str(half_up(np.float64(21) / 8)) == "2.63"

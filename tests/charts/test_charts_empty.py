"""Charts with nothing to draw say so instead of failing."""

import pytest

from app.charts import (
    ENGLISH,
    progress_chart,
    progress_river_chart,
    radar_chart,
    radar_grid,
    river_chart,
    stairs_chart,
)
from app.scoring import ItemMeans, ItemStairs, river, round_profile, team_profiles

NO_ANSWERS = "<!-- ยังไม่มีคำตอบ -->"


def empty_charts(fmt: str, **options) -> dict[str, bytes]:
    """Every chart kind drawn from a round without answers."""
    profile = round_profile([], [], ["K1", "K2"])
    return {
        "radar": radar_chart(profile, {}, "บางจาก", fmt, **options),
        "radar_grid": radar_grid([], {}, {}, "ทุกตำบล", fmt, **options),
        "river": river_chart(river({}, ["K1", "K2"]), {}, {}, "ธารปัญญา", fmt, **options),
        "stairs": stairs_chart(ItemStairs("K1", ()), {}, "บันได", fmt, **options),
        "progress": progress_chart(
            [ItemMeans("K1", 0, None, None, None, None)], {}, ("1", "2"), "x", fmt, **options
        ),
        "progress_river": progress_river_chart(
            river({}, ["K1"]), river({}, ["K1"]), {}, ("1", "2"), "x", fmt, **options
        ),
    }


@pytest.mark.parametrize(
    "kind", ["radar", "radar_grid", "river", "stairs", "progress", "progress_river"]
)
def test_empty_chart_says_no_answers_yet(kind):
    assert NO_ANSWERS in empty_charts("svg")[kind].decode()
    assert empty_charts("png")[kind].startswith(b"\x89PNG")


def test_empty_chart_in_english():
    assert "<!-- no answers yet -->" in empty_charts("svg", wording=ENGLISH)["radar"].decode()


def test_a_tambon_without_answers_in_the_grid_says_so():
    (empty,) = team_profiles([], [], ["K1", "K2"], units=["mamuang"])
    svg = radar_grid([empty], {}, {"mamuang": "มะม่วงสองต้น"}, "ทุกตำบล", "svg").decode()
    # a multi-line text is written one comment per line
    assert "<!-- มะม่วงสองต้น -->" in svg
    assert NO_ANSWERS in svg


def test_an_instrument_without_items():
    svg = radar_chart(round_profile([], [], []), {}, "x", "svg").decode()
    assert NO_ANSWERS in svg

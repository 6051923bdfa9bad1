"""Wrapping long Thai labels without tearing letters from their marks."""

import itertools
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from app.charts import wrap_label
from app.charts.labels import LEADING, TRAILING, width_of

K1 = "ความเป็นมาของกลุ่ม โครงสร้าง และบทบาทหน้าที่ของกรรมการ"


def test_short_labels_stay_as_they_are():
    assert wrap_label("K1") == "K1"
    assert wrap_label("ด้านความรู้", 14) == "ด้านความรู้"


def test_wraps_at_spaces_and_before_leading_vowels():
    # Widths count spacing letters only. "ความเป็นมาของกลุ่ม" may break before เ (4 + 11 > 14);
    # "และ" ends with ะ, so "และบทบาทหน้าที่ของกรรมการ" may break after it; the rest,
    # 19 wide, is kept whole since it is within half again the width (21).
    assert wrap_label(K1, 14, 5) == "ความ\nเป็นมาของกลุ่ม\nโครงสร้าง และ\nบทบาทหน้าที่ของกรรมการ"


def test_wraps_after_a_slash():
    text = "การสร้างจิตสำนึกในความรับผิดชอบ/อุดมการณ์ของกลุ่ม"
    assert wrap_label(text, 12) == "การสร้างจิตสำนึก\nในความรับผิดชอบ/\nอุดมการณ์ของกลุ่ม"


def test_too_many_lines_end_with_an_ellipsis():
    assert wrap_label(K1, 14, 2) == "ความ\nเป็นมาของกลุ่ม…"
    # a last line too wide for the ellipsis is cut between clusters: 13 spacing letters.
    assert wrap_label("กขคงจฉชซฌญฎฏฐฑฒณ ดต", 14, 1) == "กขคงจฉชซฌญฎฏฐ…"


def test_a_word_far_wider_than_the_line_is_cut_between_clusters():
    # 25 letters > 1.5 × 8: cut every 8 spacing letters; ที่ stays whole.
    assert wrap_label("กขคงจฉชที่ซฌญฎฏฐฑฒณดตถทธนบป", 8, 5) == "กขคงจฉชที่\nซฌญฎฏฐฑฒ\nณดตถทธนบ\nป"


def test_english_wraps_at_spaces():
    assert wrap_label("passing on knowledge, communicating clearly", 20, 4) == (
        "passing on\nknowledge,\ncommunicating\nclearly"
    )


THAI = st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E4E), max_size=60)


@given(THAI.filter(lambda t: " " not in t), st.integers(4, 20))
def test_no_break_tears_a_syllable(text, width):
    lines = wrap_label(text, width, max_lines=1000).split("\n")
    for before, after in itertools.pairwise(lines):
        assert unicodedata.category(after[0]) != "Mn" and after[0] not in TRAILING
        assert before[-1] not in LEADING


@given(THAI.filter(lambda t: " " not in t), st.integers(4, 20))
def test_nothing_is_lost(text, width):
    wrapped = wrap_label(text, width, max_lines=1000)
    assert wrapped.replace("\n", "") == "".join(text.split())
    assert all(width_of(line) <= width * 3 // 2 for line in wrapped.split("\n"))

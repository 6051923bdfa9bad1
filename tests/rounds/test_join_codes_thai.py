"""Join codes typed with the phone's Thai keyboard left on (Kedmanee) are read as the keys
that were pressed; plain Python, no app."""

import pytest

from app.rounds.codes import typed

# Every key of the layout: the Thai character it gives, and the Latin key it sits on.
UNSHIFTED = dict(zip("ๅ/-ภถุึคตจ", "1234567890")) | dict(
    zip("ๆไำพะัีรนยฟหกดเ้่าสผปแอิืท", "QWERTYUIOPASDFGHJKLZXCVBNM")
)
SHIFTED = dict(zip("ฎฑธํ๊ณฯญฤฆฏโฌ็๋ษศฉฮฺ์", "ERTYUIOPASDFGHJKLCVBN")) | {
    '"': "W", "(": "Z", ")": "X", "?": "M", "+": "1", "ู": "6", "฿": "7"
}  # fmt: skip


@pytest.mark.parametrize(("thai", "latin"), sorted((UNSHIFTED | SHIFTED).items()))
def test_each_thai_key_is_read_as_its_latin_key(thai, latin):
    assert typed("ก" + thai) == "D" + latin  # ก (the D key) marks the text as Thai-layout


@pytest.mark.parametrize(
    ("as_typed", "meant"),
    [
        ("กำทน/ุ", "DEMO26"),  # the example, Thai layout unshifted
        ("ฏฎ?ฯ๒๖", "DEMO26"),  # shifted, with Thai digits typed as digits
        ("กำท น /ุ", "DEMO26"),  # spaces as today
        ("ฟิแ๒๓๔", "ABC234"),
        ("ฟิแ234", "ABC234"),  # letters on the Thai layout, digits from the number pad
        ("ABC๒๓๔", "ABC234"),  # Latin letters, Thai digits
        ("๐๑๒๓๔๕๖๗๘๙", "0123456789"),
    ],
)
def test_a_code_typed_on_the_thai_layout_reads_as_the_latin_code(as_typed, meant):
    assert typed(as_typed) == meant


@pytest.mark.parametrize(("as_typed", "meant"), [("abc-234", "ABC234"), ("A/B C", "ABC")])
def test_dashes_and_slashes_in_latin_text_are_still_separators(as_typed, meant):
    # Only in text with Thai letters is "-" the 3 key and "/" the 2 key.
    assert typed(as_typed) == meant

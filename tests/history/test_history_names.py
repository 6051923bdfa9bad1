"""One identity rule for names, and Thai dictionary order (plain Python, no app)."""

import pytest

from app.collation import BACKENDS, key_function, sort_key, sorted_by_name
from app.names import clean_name, identity_key, is_name, place_key, place_name

SUNEE = "สุนีย์ ทองประเสริฐ"


@pytest.mark.parametrize(
    "typed",
    [
        SUNEE,
        "สุนีย์  ทองประเสริฐ",  # two spaces
        "สุนีย์ ทองประเสริฐ\u200b",  # zero-width space
        "\u200eสุนีย์\u00a0ทองประเสริฐ\ufeff",  # bidi mark, no-break space, BOM
        "นางสุนีย์ ทองประเสริฐ",
        "นาง สุนีย์ ทองประเสริฐ",
        "นางสาวสุนีย์ ทองประเสริฐ",
        "น.ส. สุนีย์ ทองประเสริฐ",
        "ผศ.ดร.สุนีย์ ทองประเสริฐ",
        "คุณสุนีย์ ทองประเสริฐ",
    ],
)
def test_titles_spaces_and_invisible_characters_make_the_same_person(typed):
    assert identity_key(typed) == identity_key(SUNEE) == "สุนีย์ทองประเสริฐ"


def test_english_titles_and_case():
    assert identity_key("Mrs. Sunee  Thongprasert") == identity_key("sunee thongprasert")
    assert identity_key("Dr Sunee") == "sunee"
    # Thai may separate words with a zero-width space, or with nothing at all.
    assert identity_key("ประเสริฐ\u200bแก้วมณีวงศ์") == identity_key("ประเสริฐ แก้วมณีวงศ์")
    assert identity_key("Mrsunee") == "mrsunee"  # a title only before a space or a dot


def test_a_title_alone_is_kept_rather_than_leaving_nothing():
    assert identity_key("นาง") == "นาง"
    assert identity_key("Mr") == "mr"


def test_cleaning_keeps_the_name_as_written():
    assert clean_name("  นาง\u200bสุนีย์   ทองประเสริฐ ") == "นางสุนีย์ ทองประเสริฐ"
    assert clean_name("e\u0301") == "\u00e9"  # NFC


@pytest.mark.parametrize(
    "typed", ["", "   ", "\u200b\u200b", "\u202b\u202c", "\u0e31\u0e48", "๑๒๓", "123", "นาง", "Mr."]
)
def test_a_name_needs_a_visible_letter_and_more_than_a_title(typed):
    assert not is_name(typed)


def test_a_place_prefix_alone_is_no_name():
    assert place_name("ต.") == place_name(" จ. ") == ""


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("จ.นครศรีธรรมราช", "นครศรีธรรมราช"),
        ("จังหวัด นครศรีธรรมราช", "นครศรีธรรมราช"),
        ("อ.เมืองนครศรีธรรมราช", "เมืองนครศรีธรรมราช"),
        ("อำเภอ  เมืองนครศรีธรรมราช", "เมืองนครศรีธรรมราช"),
        ("ต.บางจาก", "บางจาก"),
        ("ตำบลท่าไร่", "ท่าไร่"),
        ("เมือง", "เมือง"),
    ],
)
def test_place_names_without_their_prefix(typed, stored):
    assert place_name(typed) == stored
    assert place_key(typed) == place_key(stored)


@pytest.mark.parametrize("backend", BACKENDS)
def test_thai_order_puts_leading_vowels_with_their_consonant(backend):
    names = ["ไพโรจน์", "สมชาย", "เกศินี", "แก้ว", "กัลยา", "โชติ", "ใจดี", "ผ่อง", "พร", "ขวัญ"]
    ordered = sorted(names, key=key_function("th", backend))
    assert ordered == ["กัลยา", "เกศินี", "แก้ว", "ขวัญ", "ใจดี", "โชติ", "ผ่อง", "พร", "ไพโรจน์",
                       "สมชาย"]  # fmt: skip
    assert sorted(names) != ordered  # code points would put every leading vowel last


def test_english_sorts_as_english():
    assert sorted_by_name(["bob", "Alice", "carol"], str, "en") == ["Alice", "bob", "carol"]
    assert sort_key("Bang Chak", "en") < sort_key("Tha Rai", "en")


def test_an_emoji_keeps_its_joiners():
    farmer = "ชาวนา 👩🏽\u200d🌾 ครอบครัว 👨\u200d👩\u200d👧\u200d👦"
    assert clean_name(farmer) == farmer
    assert clean_name("คุณ\u200bอำนวย\u200d\u200c\ufeffจ้ะ") == "คุณอำนวยจ้ะ"

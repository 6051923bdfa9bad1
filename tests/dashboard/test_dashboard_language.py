"""Every view in Thai (the default) and in English: the same numbers, in the reader's words."""

import re

import pytest

HEADINGS = {  # view -> (Thai heading, English heading)
    "": ("รอบที่ 2", "รอบที่ 2"),
    "/radar": ("เรดาร์: ช่องว่างของทีมรายตำบล", "Radar: team gaps per tambon"),
    "/river": ("ธารปัญญา", "River of knowledge"),
    "/stairs": ("บันไดแห่งการแลกเปลี่ยน", "Stairs of exchange"),
    "/gaps": ("ตารางช่องว่าง: ลำดับหัวข้อที่ควรพัฒนา", "Gap table: the training list"),
    "/pairs": ("ใครเรียนรู้จากใครได้", "Who can learn from whom"),
    "/progress": ("ความก้าวหน้า: เหลียวหลัง แลหน้า", "Progress: look back, look forward"),
}
NUMBER = re.compile(r"<t[dh][^>]*>([−+]?\d+(?:\.\d+)?)</t[dh]>")


@pytest.mark.parametrize("view", HEADINGS)
def test_a_view_in_thai_and_the_same_view_in_english(as_admin, tiny, view):
    url = f"/rounds/{tiny.later}{view}"
    thai = as_admin.get(url).text
    as_admin.post("/lang", data={"lang": "en", "next": "/"})
    english = as_admin.get(url).text
    th_heading, en_heading = HEADINGS[view]
    assert f"<h1>{th_heading}</h1>" in thai and '<html lang="th">' in thai
    assert f"<h1>{en_heading}</h1>" in english and '<html lang="en">' in english
    # Tambons are ordered by name in each language, so compare the numbers as multisets.
    assert sorted(NUMBER.findall(thai)) == sorted(NUMBER.findall(english))
    assert len(NUMBER.findall(thai)) > 2
    assert "ท่าไร่" in thai and "Tha Rai" in english and "ท่าไร่" not in english

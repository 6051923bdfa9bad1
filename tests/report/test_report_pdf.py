"""The report's PDF: a page per tambon, and Thai shaped (vowels and tone marks in place)."""

import pypdfium2
import pytest
import weasyprint

from app.report.pdf import font_css, local_only, pdf_bytes
from tests.report.pdf_text import page_texts
from tests.tiny_round import sign_in


def _boxes(pdf: bytes, word: str) -> list[tuple[float, float, float, float]]:
    """The char boxes (left, bottom, right, top) of the first `word` on page 1."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        text = document[0].get_textpage()
        start = text.get_text_range().find(word)
        assert start >= 0, text.get_text_range()
        # get_text_range adds no characters before a word on one line: indexes match.
        return [text.get_charbox(start + i) for i in range(len(word))]
    finally:
        document.close()


def _above(mark, base) -> bool:
    """A mark drawn over its base consonant: x ranges overlap, its bottom above the base's."""
    return mark[0] < base[2] and base[0] < mark[2] and mark[1] > base[1]


def test_weasyprint_shapes_thai_in_sarabun():
    html = '<p style="font-family:Sarabun;font-size:40pt">ผู้ที่</p>'
    fonts = weasyprint.text.fonts.FontConfiguration()
    sheet = weasyprint.CSS(string=font_css(), font_config=fonts, url_fetcher=local_only())
    pdf = weasyprint.HTML(string=html, url_fetcher=local_only()).write_pdf(
        stylesheets=[sheet], font_config=fonts
    )
    pho, sara_uu, mai_tho, tho, sara_ii, mai_ek = _boxes(pdf, "ผู้ที่")
    assert _above(mai_tho, pho) and sara_uu[3] <= pho[1] + 1  # ู goes below ผ
    assert _above(sara_ii, tho) and _above(mai_ek, tho)
    assert mai_ek[1] > sara_ii[1]  # the tone mark sits on the upper vowel


def test_the_report_pdf_is_thai_shaped_with_a_page_per_tambon(client, tiny):
    sign_in(client, "admin")
    response = client.get(f"/rounds/{tiny.later}/report.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert 'filename="LATER-report.pdf"' in response.headers["Content-Disposition"]
    texts = page_texts(response.data)
    cover = texts[0]
    assert "รายงานต่อผู้ว่าราชการจังหวัด" in cover
    assert "รอบที่ 2 · 14 พ.ย. 2569" in cover
    # The round and date in every page's footer, the page number out of all.
    assert all("รอบที่ 2 · 14 พ.ย. 2569" in text for text in texts)
    # "รอบที่ 2" on the cover: ี and ่ over ท.
    _, _, _, tho, sara_ii, mai_ek = _boxes(response.data, "รอบที่")
    assert _above(sara_ii, tho) and _above(mai_ek, tho) and mai_ek[1] > sara_ii[1]


def test_each_tambon_starts_a_page(client, tiny):
    sign_in(client, "admin")
    client.set_cookie(
        "lang", "en"
    )  # one word each: the Thai text layer maps า and ำ alike (see the note)
    texts = page_texts(client.get(f"/rounds/{tiny.later}/report.pdf").data)
    starts = [t.split("\r\n", 1)[0] for t in texts if t.startswith("Tambon ")]
    assert [s.split(" ·")[0] for s in starts] == ["Tambon Bang Chak", "Tambon Tha Rai"]


def test_a_refused_url_is_not_fetched():
    """The fetcher refuses anything but file: and data: (an http image is left out)."""
    with pytest.raises(ValueError, match="disallowed protocol"):
        local_only().fetch("http://127.0.0.1:9/x.png")
    assert pdf_bytes('<img src="http://127.0.0.1:9/x.png"><p>ok</p>').startswith(b"%PDF")

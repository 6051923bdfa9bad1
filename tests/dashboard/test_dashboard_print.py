"""Printing in a real headless Chromium: the radar and river pages fit A4 with every column.

The page is laid out as Chromium prints it (print media, the width of an A4 page less the
stylesheet's margins); every header and cell of the wide tables must lie inside that width,
and the PDF Chromium makes must carry the last column's header.
"""

import pypdfium2
import pytest

from tests.dashboard.test_dashboard_browser import _signed_in_page
from tests.live_server import live_server as serving

pytestmark = pytest.mark.browser

# A4 is 210 mm wide; app.css prints with 12 mm margins. CSS pixels are 96 to the inch.
PRINTABLE_WIDTH = round((210 - 2 * 12) / 25.4 * 96)
A4_HEIGHT = round(297 / 25.4 * 96)


@pytest.fixture
def live_server(app, tiny):
    with serving(app) as base:
        yield base


@pytest.fixture
def printed(chromium, live_server):
    """A signed-in admin's page, laid out for print on A4."""
    page = _signed_in_page(chromium, live_server, "admin", scripts=True)
    page.set_viewport_size({"width": PRINTABLE_WIDTH, "height": A4_HEIGHT})
    page.emulate_media(media="print")
    yield page
    # Every chart request answered before the server stops: none keeps a database connection.
    page.wait_for_load_state("networkidle")
    page.context.close()


# The shown elements whose box passes either side of the printable width (half a pixel of
# rounding allowed), as "TAG text".
OUTSIDE = """(nodes, width) => nodes
    .filter(n => n.getClientRects().length)
    .filter(n => {
        const box = n.getBoundingClientRect();
        return box.left < -0.5 || box.right > width + 0.5;
    })
    .map(n => `${n.tagName} ${(n.innerText || "").trim().slice(0, 30)}`)
"""


def outside_cells(page, table: str) -> list[str]:
    """The headers and cells of `table` that pass the edge of the page."""
    return page.eval_on_selector_all(f"{table} th, {table} td", OUTSIDE, PRINTABLE_WIDTH)


def pdf_text(page) -> str:
    """The text of the page printed by Chromium to A4."""
    document = pypdfium2.PdfDocument(page.pdf(format="A4"))
    try:
        return "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def squeezed(text: str) -> str:
    """`text` without white space (a PDF's text breaks lines where the print wrapped) and
    without ร, which pdfium's reading of this machine's Thai fallback font often drops."""
    return "".join(text.split()).replace("ร", "")


# Each page's wide tables; the last of them ends with the header named (Thai, English).
@pytest.mark.parametrize(
    ("path", "tables", "last_header"),
    [
        ("radar", ["#tambon-numbers", "#round-numbers"], ("ช่องว่างตั้งแต่ 1", "Gap of 1 or more")),
        ("river", ["#lines", "#river-numbers"], ("จุดที่ควรแลกเปลี่ยน", "Best place to share")),
    ],
)
@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_printed_page_keeps_every_column(
    printed, live_server, tiny, path, tables, last_header, lang
):
    header = last_header[lang == "en"]
    if lang == "en":
        printed.context.add_cookies([{"name": "lang", "value": "en", "url": live_server}])
    printed.goto(f"{live_server}/rounds/{tiny.later}/{path}")
    for table in tables:
        assert printed.locator(table).count() == 1
        assert outside_cells(printed, table) == [], table
    assert printed.locator(f"{tables[-1]} thead th").all_inner_texts()[-1] == header
    assert squeezed(header) in squeezed(pdf_text(printed))


def test_print_hides_the_navigation_and_forms(printed, live_server, tiny):
    printed.goto(f"{live_server}/rounds/{tiny.later}/river")
    for hidden in ("header.top nav", "nav.views", "form.choices", "figcaption"):
        assert not printed.locator(hidden).first.is_visible(), hidden
    assert printed.locator("#river-numbers").is_visible()


def outside_main(page) -> list[str]:
    """The elements inside <main> that pass the edge of the page."""
    return page.eval_on_selector_all("main *", OUTSIDE, PRINTABLE_WIDTH)


# Every page a coordinator prints, by its path ({r}: the round, {t}: Bang Chak, {p}: สมศรี).
PAGES = [
    "/rounds/{r}", "/rounds/{r}/radar", "/rounds/{r}/radar/{t}", "/rounds/{r}/river",
    "/rounds/{r}/river?units=people", "/rounds/{r}/stairs", "/rounds/{r}/gaps",
    "/rounds/{r}/pairs", "/rounds/{r}/progress", "/rounds/{r}/exports", "/facilitators",
    "/facilitators/{p}", "/rounds",
]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_nothing_of_a_printed_page_passes_the_page_edge(printed, live_server, tiny, path):
    url = path.format(r=tiny.later, t=tiny.bang_chak, p=tiny.people["สมศรี"])
    printed.goto(live_server + url)
    assert printed.locator("main h1").count() == 1
    assert outside_main(printed) == []

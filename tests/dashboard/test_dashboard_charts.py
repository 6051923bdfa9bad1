"""Chart images: ETag named by the round's revision, 304, the same bytes from the cache, valid
PNG and SVG, Thai drawn with the packaged Sarabun font, and data changes seen at once."""

import re
import xml.etree.ElementTree as ET

import pytest
from sqlalchemy import event

from app.extensions import db
from app.models import Round, Tambon
from app.ratings import Mark, record


def _radar_url(tiny, fmt="png"):
    return f"/rounds/{tiny.later}/charts/radar.{fmt}?tambon={tiny.bang_chak}"


def _statements(app):
    """The SQL statements run while the block runs, as a list filled in place."""
    seen: list[str] = []

    def note(conn, cursor, statement, *_):
        seen.append(statement.lower())

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", note)
    return seen, lambda: event.remove(engine, "before_cursor_execute", note)


def test_a_cached_chart_and_a_304_read_no_answers_and_no_summaries(app, as_admin, tiny):
    first = as_admin.get(f"/rounds/{tiny.later}/charts/radar-grid.png")
    assert first.status_code == 200
    seen, stop = _statements(app)
    try:
        cached = as_admin.get(f"/rounds/{tiny.later}/charts/radar-grid.png")
        known = as_admin.get(
            f"/rounds/{tiny.later}/charts/radar-grid.png",
            headers={"If-None-Match": first.headers["ETag"]},
        )
    finally:
        stop()
    assert cached.data == first.data and known.status_code == 304
    assert seen, "the round and the user are still read"
    assert not [s for s in seen if re.search(r"\b(rating|item_summary|response)\b", s)]


def test_a_renamed_tambon_or_round_names_a_new_chart(app, as_admin, tiny):
    before = as_admin.get(_radar_url(tiny, "svg"))
    with app.app_context():
        db.session.get(Tambon, tiny.bang_chak).name_th = "บางจากใหม่"
        db.session.commit()
    renamed = as_admin.get(
        _radar_url(tiny, "svg"), headers={"If-None-Match": before.headers["ETag"]}
    )
    assert renamed.status_code == 200 and "บางจากใหม่" in renamed.text
    with app.app_context():
        db.session.get(Round, tiny.later).name = "รอบที่สอง"
        db.session.commit()
    again = as_admin.get(
        _radar_url(tiny, "svg"), headers={"If-None-Match": renamed.headers["ETag"]}
    )
    assert again.status_code == 200 and "รอบที่สอง" in again.text


def test_the_browser_gets_304_when_it_has_the_chart(as_admin, tiny):
    first = as_admin.get(_radar_url(tiny))
    etag = first.headers["ETag"]
    again = as_admin.get(_radar_url(tiny), headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == etag
    assert "private" in again.headers["Cache-Control"]
    other = as_admin.get(_radar_url(tiny), headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.data == first.data


def test_the_same_chart_is_the_same_bytes_and_comes_from_the_cache(app, as_admin, tiny):
    cache = app.extensions["chart_cache"]
    first = as_admin.get(_radar_url(tiny))
    assert len(cache) == 1 and first.get_etag()[0] in cache
    second = as_admin.get(_radar_url(tiny))
    assert second.data == first.data and len(cache) == 1


def test_a_png_is_a_png(as_admin, tiny):
    response = as_admin.get(_radar_url(tiny))
    assert response.content_type == "image/png"
    assert response.data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(response.data[16:20]), int.from_bytes(response.data[20:24])
    assert (width, height) == (400, 400)  # 4 × 4 in at 100 dpi


@pytest.mark.parametrize("name", ["radar", "radar-grid", "river", "stairs"])
def test_every_svg_is_valid_and_draws_thai_in_sarabun(as_admin, tiny, name):
    response = as_admin.get(f"/rounds/{tiny.later}/charts/{name}.svg")
    assert response.status_code == 200
    assert response.content_type == "image/svg+xml; charset=utf-8"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    svg = response.data.decode()
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    # Glyphs are paths named after their font: every one of them is Sarabun's.
    fonts = set(re.findall(r'<path id="([A-Za-z]+-[A-Za-z]+)-[0-9a-f]+"', svg))
    assert fonts and fonts <= {"Sarabun-Regular", "Sarabun-Bold"}
    assert "รอบที่ 2" in svg  # the title, written beside its glyphs


def test_a_chart_url_names_its_version_so_it_may_be_kept_a_day(as_admin, tiny):
    page = as_admin.get(f"/rounds/{tiny.later}/radar/{tiny.bang_chak}").text
    (src,) = re.findall(r'<img src="([^"]+)"', page)
    response = as_admin.get(src.replace("&amp;", "&"))
    assert re.search(r"[?&]v=[0-9a-f]{16}(&|$)", src.replace("&amp;", "&"))
    assert response.headers["Cache-Control"] == "private, max-age=86400"
    unversioned = as_admin.get(_radar_url(tiny))
    assert "max-age=0" in unversioned.headers["Cache-Control"]


def test_new_answers_give_a_new_chart(app, as_admin, tiny):
    before = as_admin.get(_radar_url(tiny))
    with app.app_context():
        round_ = db.session.get(Round, tiny.later)
        answers = [Mark(code, 5.0, 5.0) for code in round_.instrument_version.instrument.item_codes]
        record(round_, tiny.people["ประเสริฐ"], answers, "later-change")
    after = as_admin.get(_radar_url(tiny), headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert after.headers["ETag"] != before.headers["ETag"] and after.data != before.data


def test_the_chart_words_follow_the_language(as_admin, tiny):
    thai = as_admin.get(_radar_url(tiny, "svg"))
    as_admin.post("/lang", data={"lang": "en", "next": "/"})
    english = as_admin.get(_radar_url(tiny, "svg"))
    assert thai.headers["ETag"] != english.headers["ETag"]
    assert "ระดับปัจจุบัน" in thai.data.decode() and "current level" in english.data.decode()
    assert "Bang Chak · รอบที่ 2" in english.data.decode()


@pytest.mark.parametrize(
    "path", ["charts/radar.gif", "charts/nothing.png", "charts/stairs.png?item=X9"]
)
def test_unknown_charts_are_not_found(as_admin, tiny, path):
    assert as_admin.get(f"/rounds/{tiny.later}/{path}").status_code == 404

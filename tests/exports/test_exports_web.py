"""The downloads page and files over HTTP, and who may have which: every route is checked."""

import csv
import io
from urllib.parse import quote

import openpyxl
import pytest

from app.exports.catalogue import EXPORTS, FORMATS
from tests.exports.conftest import sign_in


def _urls(app, round_id) -> list[str]:
    """Every URL of the exports blueprint for `round_id`: the page and each file."""
    urls = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if rule.endpoint.split(".")[0] != "exports":
                continue
            if "name" in rule.arguments:
                urls += [
                    f"/rounds/{round_id}/exports/{name}.{fmt}"
                    for name in EXPORTS
                    for fmt in FORMATS
                ]
            else:
                urls.append(f"/rounds/{round_id}/exports")
    assert len(urls) == 1 + len(EXPORTS) * len(FORMATS)
    return urls


def test_anonymous_visitors_are_sent_to_sign_in(app, client, world):
    for url in _urls(app, world.round_id):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.headers["Location"].startswith("/signin"), url


@pytest.mark.parametrize("round_attr", ["round_id", "empty_round_id"])
def test_a_coordinator_of_another_tambon_gets_404(app, client, world, round_attr):
    sign_in(client, "stranger")
    for url in _urls(app, getattr(world, round_attr)):
        assert client.get(url).status_code == 404, url
    assert client.get("/rounds/999/exports").status_code == 404


def test_an_admin_gets_every_page_and_file(app, client, world):
    sign_in(client, "admin")
    for url in _urls(app, world.round_id):
        with client.get(url) as response:
            body = response.get_data()
        assert response.status_code == 200, url
        if url.endswith(".csv"):
            assert body.startswith(b"\xef\xbb\xbf") and response.mimetype == "text/csv"
        elif url.endswith(".xlsx"):
            assert body.startswith(b"PK")  # a zip: the XLSX container
        else:
            assert all(f"/exports/{n}.xlsx" in response.text for n in EXPORTS)


def test_a_coordinator_downloads_only_their_tambons(app, client, world):
    sign_in(client, "local")
    for url in _urls(app, world.round_id):
        with client.get(url) as response:
            response.get_data()
        assert response.status_code == 200, url
        if url.endswith(".csv"):
            text = response.get_data().decode("utf-8-sig")
            rows = list(csv.DictReader(io.StringIO(text, newline="")))
            assert rows and {r["tambon"] for r in rows} <= {"บางจาก", ""}, url
            assert "ท่าไร่" not in text and "วิชัย" not in text, url
        elif url.endswith(".xlsx"):
            book = openpyxl.load_workbook(io.BytesIO(response.get_data()))
            values = {str(v) for s in book for row in s.iter_rows(values_only=True) for v in row}
            assert "บางจาก" in values, url
            assert not [v for v in values if "ท่าไร่" in v or "วิชัย" in v], url
        else:
            assert "บางจาก" in response.text and "ท่าไร่" not in response.text


def test_the_page_says_what_each_file_holds(app, client, world):
    sign_in(client, "admin")
    client.post("/lang", data={"lang": "en", "next": "/"})
    page = client.get(f"/rounds/{world.round_id}/exports").text
    assert "Ratings, one row per facilitator and item" in page
    assert "Training plan" in page and "<code>outside_training</code>" in page
    assert f"/rounds/{world.round_id}/exports/ratings.csv?lang=en" in page


def test_a_download_has_an_ascii_name_and_the_thai_name(app, client, world):
    sign_in(client, "admin")
    with client.get(f"/rounds/{world.round_id}/exports/training-plan.xlsx") as response:
        response.get_data()
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="EXP26-training-plan.xlsx"')
    assert "filename*=UTF-8''" + quote("รอบที่ 2 เหลียวหลัง แลหน้า training-plan.xlsx") in disposition
    assert response.headers["Cache-Control"] == "private, no-store"


def test_a_download_name_drops_control_and_bidirectional_characters(app, client, world):
    from app.extensions import db
    from app.models import Round

    # RIGHT-TO-LEFT OVERRIDE makes "…gpj.xlsx" look like "…xlsx.jpg"; the rest hide or break
    # a name (a line separator becomes a space).
    hidden = "\u202e\u2066\u200b\u200d\ufeff\x85\x9b\u2028"
    with app.app_context():
        db.session.get(Round, world.round_id).name = f"รอบ{hidden}ที่ 2\tแล\u202agpj"
        db.session.commit()
    sign_in(client, "admin")
    with client.get(f"/rounds/{world.round_id}/exports/training-plan.xlsx") as response:
        response.get_data()
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="EXP26-training-plan.xlsx"; ')
    assert disposition.endswith("filename*=UTF-8''" + quote("รอบ ที่ 2 แลgpj training-plan.xlsx"))
    for code in ("%E2%80%AE", "%E2%81%A6", "%E2%80%8B", "%C2%85", "%E2%80%A8", "%09"):
        assert code not in disposition


def test_lang_en_gives_english_place_and_role_names(app, client, world):
    sign_in(client, "admin")
    response = client.get(f"/rounds/{world.round_id}/exports/ratings.csv?lang=en")
    rows = list(csv.DictReader(io.StringIO(response.get_data().decode("utf-8-sig"), newline="")))
    jam = next(r for r in rows if r["facilitator"] == "ป้าแจ่ม ใจดี")
    assert (jam["tambon"], jam["role"], jam["domain"]) == (
        "Bang Chak", "Coordination; Recording", "Knowledge (understands)",
    )  # fmt: skip

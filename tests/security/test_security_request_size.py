"""A request larger than MAX_CONTENT_LENGTH (1 MiB) is answered 413 with the message page in
the visitor's language, and nothing of it is stored, whether it says its length or not."""

import http.client
import uuid

import pytest

from tests.assess_helpers import FACILITATOR as INSTRUMENT
from tests.assess_helpers import filled
from tests.live_server import live_server
from tests.security.security_world import DEMO_CODE, FACILITATOR, UNANSWERED, sign_in
from tests.security.test_security_csrf import snapshot

TOO_LARGE_TH = "ข้อมูลที่ส่งมามีขนาดใหญ่เกินไป"
MIB = 1024 * 1024
BOUNDARY = b"roster-boundary-7Q"


def test_the_limit_is_one_mebibyte(world_app):
    assert world_app.config["MAX_CONTENT_LENGTH"] == MIB


def _rating(world) -> tuple[str, dict]:
    data = filled(INSTRUMENT, "2", "3", submission_id=str(uuid.uuid4()))
    data["K1-note"] = "ก" * MIB  # 3 MiB as UTF-8
    return f"/j/{DEMO_CODE}/f/{world.people[UNANSWERED].id}", data


def _changed(world) -> tuple[str, dict]:
    _url, data = _rating(world)
    return f"/r/{world.tokens[FACILITATOR]}/edit", data


def _self_added(world) -> tuple[str, dict]:
    data = {"name": "x" * (MIB + 1), "tambon": str(world.tambons["bangchak"]),
            "roles": "recording", "team": "u"}  # fmt: skip
    return f"/j/{DEMO_CODE}/add", data


def _roster(world) -> tuple[str, bytes]:
    """A multipart upload, encoded here (the test client would spool it to a file)."""
    header = "province,district,tambon,name,roles,agency,team\r\n"
    line = "นครศรีธรรมราช,เมืองนครศรีธรรมราช,บางจาก,ใหญ่ เกินไป,บันทึก,,u\r\n"
    csv = (header + line * (MIB // len(line.encode()) + 10)).encode()
    part = b'Content-Disposition: form-data; name="file"; filename="roster.csv"\r\n\r\n'
    return (
        "/roster/import",
        b"--" + BOUNDARY + b"\r\n" + part + csv + b"\r\n--" + BOUNDARY + b"--\r\n",
    )


def _tambon(world) -> tuple[str, dict]:
    return "/admin/tambons", {"province_th": "ก" * MIB, "district_th": "ข", "tambon_th": "ค"}


@pytest.mark.parametrize("request_of", [_rating, _changed, _self_added, _roster, _tambon],
                         ids=lambda f: f.__name__.strip("_"))  # fmt: skip
def test_too_large_is_refused_whole_with_a_message(world_app, world, request_of):
    client = world_app.test_client()
    sign_in(client, "admin")
    before = snapshot(world_app)
    url, data = request_of(world)
    kind = {"content_type": f"multipart/form-data; boundary={BOUNDARY.decode()}"}
    response = client.post(url, data=data, **(kind if isinstance(data, bytes) else {}))
    assert response.status_code == 413
    assert TOO_LARGE_TH in response.text
    assert snapshot(world_app) == before


def test_just_under_the_limit_is_read(world_app, world):
    """The limit is the whole body: a form of 1 MiB less a little is read (and its note
    refused as too long, next to its item), not cut off."""
    url, data = _rating(world)
    data["K1-note"] = "n" * (MIB - 10_000)
    response = world_app.test_client().post(url, data=data)
    assert response.status_code == 200
    assert "หมายเหตุยาวเกินไป" in response.text


def test_a_body_without_a_length_is_refused_not_cut(world_app, world):
    """Sent in chunks (no Content-Length): werkzeug reads 1 MiB of it and would parse that
    part as if it were all; a valid form padded past the limit must not be stored."""
    before = snapshot(world_app)
    url, data = _rating(world)
    body = "&".join(f"{k}={v}" for k, v in data.items() if k != "K1-note")
    body += "&padding=" + "n" * (2 * MIB)
    with live_server(world_app) as base:
        connection = http.client.HTTPConnection(base.removeprefix("http://"), timeout=30)
        chunks = (body[i : i + 65536].encode() for i in range(0, len(body), 65536))
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        connection.request("POST", url, body=chunks, headers=headers, encode_chunked=True)
        response = connection.getresponse()
        page = response.read().decode()
        connection.close()
    assert response.status == 413
    assert TOO_LARGE_TH in page
    assert snapshot(world_app) == before

"""Numbers in query strings (app/params.py): anything but a whole number is a 400 that names
the parameter in the reader's language, never a 500, on every page that reads one."""

import pytest

from tests.tiny_round import sign_in

ODD = ["²", "1.5", "-1", "99999999999999999999", "abc", "٣", "๓"]
THAI = "ค่า “{name}” ในที่อยู่ของหน้านี้ต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 2,147,483,647"
ENGLISH = "“{name}” in the address must be a whole number from 0 to 2,147,483,647."


def _numeric(tiny) -> list[tuple[str, str, str]]:
    """(page, query before the number, parameter) for every numeric parameter of a page."""
    base = f"/rounds/{tiny.later}"
    charts = f"{base}/charts"
    return [
        (f"{base}/radar", "", "page"),
        (f"{base}/river", "units=people&", "tambon"),
        (f"{base}/stairs", "units=people&", "tambon"),
        (f"{base}/stairs", "", "page"),
        (f"{base}/gaps", "", "tambon"),
        (f"{base}/gaps", "", "page"),
        (f"{base}/pairs", "", "tambon"),
        (f"{base}/pairs", "", "page"),
        (f"{base}/pairs", "", "other_page"),
        (f"{base}/progress", "", "from"),
        (f"{base}/progress", f"from={tiny.earlier}&", "page"),
        (f"{charts}/radar.svg", "", "tambon"),
        (f"{charts}/radar-grid.svg", "", "page"),
        (f"{charts}/river.svg", "units=people&", "tambon"),
        (f"{charts}/stairs.png", "units=people&", "tambon"),
        (f"{charts}/stairs.svg", "", "page"),
        ("/facilitators", "", "tambon"),
        ("/facilitators", "", "page"),
    ]


@pytest.mark.parametrize("value", ODD)
def test_an_odd_number_is_a_400_naming_the_parameter_in_thai(as_admin, tiny, value):
    for page, before, name in _numeric(tiny):
        response = as_admin.get(f"{page}?{before}{name}={value}")
        assert response.status_code == 400, (page, name)
        assert THAI.format(name=name) in response.text, (page, name)


def test_the_message_follows_the_reader_s_language(as_admin, tiny):
    as_admin.post("/lang", data={"lang": "en", "next": "/"})
    response = as_admin.get(f"/rounds/{tiny.later}/gaps?page=²")
    assert response.status_code == 400 and ENGLISH.format(name="page") in response.text


def test_a_coordinator_gets_the_same_400(as_bangchak, tiny):
    response = as_bangchak.get(f"/rounds/{tiny.later}/pairs?tambon=1.5")
    assert response.status_code == 400 and THAI.format(name="tambon") in response.text


def test_usual_numbers_still_work(as_admin, tiny):
    base = f"/rounds/{tiny.later}"
    for url in (f"{base}/radar?page=1", f"{base}/river?units=people&tambon={tiny.bang_chak}",
                f"{base}/stairs?units=people&tambon={tiny.tha_rai}&page=1",
                f"{base}/gaps?tambon={tiny.bang_chak}&page=1", f"{base}/gaps?tambon=&page=",
                f"{base}/pairs?tambon={tiny.tha_rai}&page=1", f"{base}/progress?from=",
                f"{base}/progress?from={tiny.earlier}&page=1",
                f"{base}/charts/radar.svg?tambon={tiny.bang_chak}",
                f"{base}/charts/radar-grid.svg?page=1", f"{base}/charts/stairs.svg?page=1",
                f"/facilitators?tambon={tiny.bang_chak}&page=1", "/facilitators?tambon=&page=0",
                f"{base}?page=²", f"{base}/exports?page=²"):  # fmt: skip
        assert as_admin.get(url).status_code == 200, url


def test_a_page_that_does_not_exist_is_still_not_found(as_admin, tiny):
    base = f"/rounds/{tiny.later}"
    for url in (f"{base}/radar?page=0", f"{base}/radar?page=2", f"{base}/gaps?page=0",
                f"{base}/pairs?page=9", f"{base}/stairs?page=0", f"{base}/progress?from=0",
                f"{base}/progress?from={tiny.earlier}&page=2", f"{base}/gaps?tambon=0",
                f"{base}/pairs?tambon={tiny.pak_phun}",
                f"{base}/charts/radar-grid.svg?page=0"):  # fmt: skip
        assert as_admin.get(url).status_code == 404, url


def test_pages_without_a_numeric_parameter_refuse_a_huge_id_as_not_found(client, tiny):
    sign_in(client, "bangchak")
    huge = "99999999999999999999"
    for url in (f"/rounds/{huge}", f"/rounds/{tiny.later}/radar/{huge}", f"/rounds/{huge}/exports",
                f"/rounds/{tiny.later}/radar/{tiny.tha_rai}"):  # fmt: skip
        assert client.get(url).status_code == 404, url
    assert client.get(f"/rounds/{tiny.later}/radar/{tiny.bang_chak}?page=²").status_code == 200

"""The item cards of a form nobody has filled in are rendered once and shared; nothing of one
person (name, token, submission id, choices, notes, messages) reaches another's page."""

import re
import uuid

import pytest

from app.assess import pages
from tests.assess_helpers import FACILITATOR, checked, errors, filled, hidden, notes

# The per-request values of a page: the CSRF tokens (signed with the time) and the
# submission id. Everything else of a pristine form page is the same with or without the
# shared cards.
_PER_REQUEST = re.compile(r'(name="(?:csrf_token|submission_id)" (?:type="hidden" )?value=")[^"]*')


def _without_per_request_values(page: str) -> str:
    return _PER_REQUEST.sub(r"\1", page)


def _own_cards(monkeypatch) -> None:
    """Make every form page render its own cards, as before they were shared."""
    monkeypatch.setattr(pages, "shared_cards", lambda *args: None)


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("round_of", ["setting", "group_setting"])
def test_the_shared_cards_give_the_same_page_as_the_page_s_own(
    app, request, monkeypatch, lang, round_of
):
    url = request.getfixturevalue(round_of).form_url("สุนีย์")
    client = app.test_client()
    client.post("/lang", data={"lang": lang, "next": "/"})
    first, cached = client.get(url).text, client.get(url).text
    _own_cards(monkeypatch)
    own = client.get(url).text
    assert 'type="radio"' in own
    assert _without_per_request_values(first) == _without_per_request_values(own)
    assert _without_per_request_values(cached) == _without_per_request_values(own)


def test_a_second_person_s_form_shows_nothing_of_the_first(csrf_app, setting):
    first = csrf_app.test_client().get(setting.form_url("สุนีย์")).text
    second = csrf_app.test_client().get(setting.form_url("ประเสริฐ")).text
    assert "สุนีย์" in first and "สุนีย์" not in second and "ประเสริฐ" in second
    for name in ("csrf_token", "submission_id"):
        assert hidden(first, name) and hidden(first, name) != hidden(second, name)
        assert hidden(first, name) not in second
    assert FACILITATOR.item("K1").text.th in second


def test_the_language_of_the_cards_follows_the_reader(app, setting):
    thai, english = app.test_client(), app.test_client()
    english.post("/lang", data={"lang": "en", "next": "/"})
    indicator = FACILITATOR.item("S4").indicator(2)
    for _ in range(2):
        assert indicator.th in thai.get(setting.form_url("สุนีย์")).text
        page = english.get(setting.form_url("ประเสริฐ")).text
        assert indicator.en in page and indicator.th not in page


def test_a_refused_form_keeps_its_own_choices_and_messages_after_shared_cards(client, setting):
    assert not checked(client.get(setting.form_url("สุนีย์")).text)
    data = filled(FACILITATOR, "3", "2", "ฝึกที่ศาลาวัด") | {"submission_id": str(uuid.uuid4())}
    page = client.post(setting.form_url("ประเสริฐ"), data=data).text
    assert set(checked(page).values()) == {"3", "2"}
    assert set(notes(page).values()) == {"ฝึกที่ศาลาวัด"}
    assert len(errors(page)) == 12
    assert not checked(client.get(setting.form_url("จันทร์เพ็ญ")).text)


def test_the_change_form_shows_the_stored_answers_after_shared_cards(client, setting):
    client.get(setting.form_url("สมชาย"))
    data = filled(FACILITATOR, "2", "4", "ครั้งแรก") | {"submission_id": str(uuid.uuid4())}
    link = client.post(setting.form_url("สุนีย์"), data=data).headers["Location"]
    page = client.get(link + "/edit").text
    assert set(checked(page).values()) == {"2", "4"}
    assert set(notes(page).values()) == {"ครั้งแรก"}

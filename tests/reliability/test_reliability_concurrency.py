"""A workshop's phones submitting to one round at the same moment, against gunicorn with several
worker processes: every response stored once, none lost, nobody's answers in another's."""

import threading
from concurrent.futures import ThreadPoolExecutor

from tests.gunicorn_server import gunicorn_server
from tests.phone import Phone
from tests.reliability.workshop import answers, make_workshop, stored

PHONES = 36


def _levels(n: int) -> tuple[int, int]:
    """Phone n's first answer: levels that differ from its neighbours'."""
    current = 1 + n % 4
    return current, current + 1


def _workshop_phone(base, workshop, n, start: threading.Barrier) -> dict:
    """Open the form, wait for everyone, send; every other phone sends the same submission
    twice at once (a retry racing the original); then change every answer."""
    phone = Phone(base)
    url = workshop.form_url(workshop.people[n])
    current, target = _levels(n)
    first = answers(current, target, f"โทรศัพท์ {n}", **phone.open_form(url))
    copies = 2 if n % 2 else 1
    start.wait()
    with ThreadPoolExecutor(copies) as pool:
        sent = list(pool.map(lambda _: phone.post(url, first), range(copies)))
    link = sent[0].location
    change = answers(target, 5, f"แก้ {n}", **phone.open_form(f"{link}/edit"))
    changed = phone.post(f"{link}/edit", change)
    return {
        "sent": [(s.status, s.location) for s in sent],
        "changed": (changed.status, changed.location),
        "ids": (first["submission_id"], change["submission_id"]),
    }


def test_a_workshop_sending_at_once_stores_every_response_once(app, instruments, database_url):
    with app.app_context():
        workshop = make_workshop(instruments, PHONES)
    start = threading.Barrier(PHONES, timeout=60)
    with (
        gunicorn_server(database_url, workers=3, threads=4) as server,
        ThreadPoolExecutor(PHONES) as pool,
    ):
        runs = list(
            pool.map(lambda n: _workshop_phone(server.base, workshop, n, start), range(PHONES))
        )

    links = [run["sent"][0][1] for run in runs]
    assert len(set(links)) == PHONES and all(link.startswith("/r/") for link in links)
    for run, link in zip(runs, links):
        assert run["sent"] == [(303, link)] * len(run["sent"])  # the racing copy answers the same
        assert run["changed"] == (303, link)
    responses = stored(app, workshop.round_id)
    assert sorted(responses) == sorted(workshop.people)
    for n, person in enumerate(workshop.people):
        response = responses[person]
        _, target = _levels(n)
        assert response.levels() == {(float(target), 5.0, f"แก้ {n}")}
        assert len(response.ratings) == 12
        assert (response.revision, response.submissions) == (2, runs[n]["ids"])

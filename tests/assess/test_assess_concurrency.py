"""Facilitators sending at the same moment, through a real server, never touch each other's data."""

import threading
import uuid

from sqlalchemy import select

from app.extensions import db
from app.models import Response
from tests.assess_helpers import FACILITATOR, filled
from tests.live_server import live_server
from tests.phone import Phone

# Each person's answers differ from everyone else's on every item.
LEVELS = {"สุนีย์": ("1", "2"), "ประเสริฐ": ("2", "3"), "จันทร์เพ็ญ": ("3", "4"), "สมชาย": ("4", "5")}


def _sid() -> str:
    return str(uuid.uuid4())


def _phone(base, setting, name, start, results):
    """Answer, then change every answer through the personal link, in step with the others."""
    current, target = LEVELS[name]
    first = filled(FACILITATOR, current, target, note=f"บันทึกของ{name}", submission_id=_sid())
    change = filled(FACILITATOR, target, target, note=f"แก้โดย{name}", submission_id=_sid())
    phone = Phone(base)
    start.wait()
    sent = phone.post(setting.form_url(name), first)
    start.wait()
    again = phone.post(f"{sent.location}/edit", change)
    results[name] = (sent.status, again.status, sent.location)


def test_simultaneous_submissions_keep_each_person_apart(app, setting):
    results: dict[str, tuple] = {}
    start = threading.Barrier(len(LEVELS), timeout=30)
    with live_server(app) as base:
        phones = [
            threading.Thread(target=_phone, args=(base, setting, name, start, results))
            for name in LEVELS
        ]
        for phone in phones:
            phone.start()
        for phone in phones:
            phone.join(timeout=60)
    assert {name: r[:2] for name, r in results.items()} == {name: (303, 303) for name in LEVELS}
    assert len({r[2] for r in results.values()}) == len(LEVELS)  # a personal link each
    with app.app_context():
        responses = list(db.session.execute(select(Response)).scalars())
        assert len(responses) == len(LEVELS)
        for response in responses:
            name = response.facilitator.name
            _, target = LEVELS[name]
            assert {(r.current_level, r.target_level, r.note) for r in response.ratings} == {
                (float(target), float(target), f"แก้โดย{name}")
            }
            assert [h.ratings[0]["note"] for h in response.history] == [
                f"บันทึกของ{name}",
                f"แก้โดย{name}",
            ]

"""Load the demo data once: every step finds what is already there and adds only what is not."""

import random

from sqlalchemy import select

from app.demo import data
from app.extensions import db
from app.instruments.store import latest_version
from app.models import Coordinator, District, Facilitator, Province, Round, Tambon
from app.ratings import Mark, record
from app.round_facts import close_round


class DemoError(RuntimeError):
    """The demo cannot be loaded (the instruments are not loaded yet)."""


def load_demo() -> dict[str, int]:
    """Add whatever part of the demo data is missing; return how many of each were added."""
    added = {"tambons": 0, "facilitators": 0, "coordinators": 0, "rounds": 0, "responses": 0}
    tambons = _places(added)
    people = _facilitators(tambons, added)
    _coordinators(tambons, added)
    for number, spec in enumerate(data.ROUNDS):
        round_ = _round(spec, list(tambons.values()), added)
        _answers(round_, number, people, added)
    db.session.commit()
    return added


def _get_or_add(model, added: dict, counter: str | None, **key):
    found = db.session.execute(select(model).filter_by(**key)).scalar_one_or_none()
    if found is None:
        found = model(**key)
        db.session.add(found)
        db.session.flush()
        if counter:
            added[counter] += 1
    return found


def _places(added: dict) -> dict[str, Tambon]:
    province = _get_or_add(Province, added, None, name_th=data.PROVINCE[0])
    province.name_en = data.PROVINCE[1]
    district = _get_or_add(District, added, None, province_id=province.id, name_th=data.DISTRICT[0])
    district.name_en = data.DISTRICT[1]
    tambons = {}
    for name_th, name_en in data.TAMBONS.items():
        tambon = _get_or_add(Tambon, added, "tambons", district_id=district.id, name_th=name_th)
        tambon.name_en = name_en
        tambons[name_th] = tambon
    return tambons


def _facilitators(tambons: dict[str, Tambon], added: dict) -> list[Facilitator]:
    people = []
    for tambon, name, agency, team, roles in data.FACILITATORS:
        before = added["facilitators"]
        person = _get_or_add(
            Facilitator, added, "facilitators", tambon_id=tambons[tambon].id, name=name
        )
        if added["facilitators"] > before:
            person.agency, person.team, person.roles = agency, team, roles
        people.append(person)
    return people


def _coordinators(tambons: dict[str, Tambon], added: dict) -> None:
    for username, display_name, admin, tambon_names in data.COORDINATORS:
        query = select(Coordinator).filter_by(username=username)
        if db.session.execute(query).scalar_one_or_none() is not None:
            continue
        account = Coordinator(username=username, display_name=display_name, is_admin=admin)
        account.set_password(data.DEMO_PASSWORD)
        account.tambons = [tambons[name] for name in tambon_names]
        db.session.add(account)
        added["coordinators"] += 1


def _round(spec, tambons: list[Tambon], added: dict) -> Round:
    name, held_on, join_code, _ = spec
    found = db.session.execute(select(Round).filter_by(join_code=join_code)).scalar_one_or_none()
    if found is not None:
        return found
    version = latest_version(data.INSTRUMENT)
    if version is None:
        raise DemoError("Load the instruments first: flask --app wsgi instruments load")
    round_ = Round(
        name=name, held_on=held_on, join_code=join_code, is_open=True, instrument_version=version
    )
    round_.tambons = tambons
    db.session.add(round_)
    db.session.flush()
    added["rounds"] += 1
    return round_


def _answers(round_: Round, number: int, people: list[Facilitator], added: dict) -> None:
    """Team u answers every round; the demo leaves team v to answer the open round live."""
    spec_open = data.ROUNDS[number][3]
    instrument = round_.instrument_version.instrument
    for person in people:
        if person.team != "u":
            continue
        answers = demo_answers(instrument, person, number)
        outcome = record(round_, person.id, answers, f"demo-{round_.join_code}-{person.name}")
        added["responses"] += 0 if outcome.replayed else 1
    if not spec_open and round_.is_open:
        close_round(round_)  # after its answers: the roster kept is who had not answered


def demo_answers(instrument, person: Facilitator, round_number: int) -> list[Mark]:
    """Plausible, repeatable ratings: near the role's expected level, a step or two of ambition,
    and some progress by the second round."""
    rng = random.Random(f"{person.name}")
    answers = []
    for item in instrument.items:
        expected = item.expected_for(person.roles) or 3
        first = max(1, min(4, expected - 1 + rng.choice((-1, 0, 0, 1))))
        first_target = min(5, first + rng.choice((1, 1, 2)))
        grew = rng.choice((0, 0, 1, 1, 1))
        current = min(first_target, first + grew) if round_number else first
        target = (
            max(current, min(5, current + rng.choice((0, 1, 1)))) if round_number else first_target
        )
        note = data.NOTES.get((person.name, item.code), "") if round_number == 0 else ""
        answers.append(Mark(item.code, float(current), float(target), note))
    return answers

"""Small builders for test data; each adds to the session and flushes, the test commits."""

from datetime import date
from itertools import count

from app.extensions import db
from app.models import Coordinator, District, Facilitator, Province, Round, Tambon
from app.ratings import Mark

_serial = count(1)


def tambon(name_th: str = "บางจาก", name_en: str = "Bang Chak") -> Tambon:
    """A tambon in a district and province of its own."""
    n = next(_serial)
    province = Province(name_th=f"จังหวัด {n}", name_en=f"Province {n}")
    district = District(province=province, name_th=f"อำเภอ {n}", name_en=f"District {n}")
    place = Tambon(district=district, name_th=name_th, name_en=name_en)
    db.session.add(place)
    db.session.flush()
    return place


def facilitator(place: Tambon, name: str = "", roles=("coordination",), team="u", agency="พช."):
    person = Facilitator(
        tambon=place, name=name or f"คุณอำนวย {next(_serial)}", team=team, agency=agency
    )
    person.roles = roles
    db.session.add(person)
    db.session.flush()
    return person


def round_(version, places, name: str = "รอบทดสอบ", is_open: bool = True, code: str = "") -> Round:
    r = Round(
        name=name,
        held_on=date(2026, 11, 14),
        instrument_version=version,
        join_code=code or f"T{next(_serial):05d}",
        is_open=is_open,
    )
    r.tambons = list(places)
    db.session.add(r)
    db.session.flush()
    return r


def coordinator(username: str, password: str = "correct horse battery", admin=False, places=()):
    account = Coordinator(username=username, display_name=username, is_admin=admin)
    account.set_password(password)
    account.tambons = list(places)
    db.session.add(account)
    db.session.flush()
    return account


def answers(instrument, current: float = 2, target: float = 3, note: str = "") -> list[Mark]:
    """The same answer on every item of `instrument`."""
    return [Mark(code, current, target, note) for code in instrument.item_codes]

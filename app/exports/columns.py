"""The columns of each export: a fixed key (row 1 of every file), a description, a width.

Row 1 always holds the English keys, whatever the language and the data, so formulas and
scripts that refer to a column keep working; the descriptions (Thai or English) are on the
export page and in the "columns" sheet of each XLSX file.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from app.instruments.model import Instrument


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its key in row 1, what it holds, and its width in XLSX."""

    key: str
    description: object  # a lazy string, shown in the reader's language
    width: float = 12


_ROUND = (
    Column("round", _l("Round name"), 28),
    Column("round_date", _l("Date the round was held"), 12),
)
_PLACE = (
    Column("province", _l("Province"), 18),
    Column("district", _l("District"), 20),
    Column("tambon", _l("Tambon"), 18),
)
_PERSON = (
    Column("facilitator", _l("Facilitator's name"), 26),
    Column("role", _l("Roles, separated by “; ”"), 22),
    Column("agency", _l("Agency"), 18),
    Column("team", _l("Team: u (the tambon's facilitators) or v (being trained)"), 6),
)
_INSTRUMENT = (
    Column("instrument_id", _l("Instrument id"), 22),
    Column("instrument_version", _l("Instrument version"), 10),
)
_ITEM = (
    Column("domain", _l("Domain"), 18),
    Column("item_code", _l("Item code"), 8),
    Column("item_text_th", _l("Item in Thai"), 40),
    Column("item_text_en", _l("Item in English"), 40),
)
_SUBMITTED = Column("submitted_at", _l("Time of the latest submission (Thailand time)"), 17)

RATINGS = (
    *_ROUND,
    *_PLACE,
    *_PERSON,
    *_INSTRUMENT,
    *_ITEM,
    Column("current", _l("Current level (1–5)"), 8),
    Column("target", _l("Target level (1–5)"), 8),
    Column("gap", _l("Gap: target level minus current level"), 6),
    Column("expected", _l("Expected level for the facilitator's roles (empty: none set)"), 9),
    Column("note", _l("The facilitator's note"), 40),
    _SUBMITTED,
)

TRAINING_PLAN = (
    *_ROUND,
    Column("scope", _l("round: all tambons in the file together; tambon: one tambon"), 8),
    *_PLACE,
    Column("priority", _l("Priority: 1 = train first (within the round or the tambon)"), 8),
    *_ITEM,
    Column("respondents", _l("Facilitators who answered"), 11),
    Column("mean_current", _l("Mean current level"), 10),
    Column("mean_target", _l("Mean target level"), 10),
    Column("mean_gap", _l("Mean gap"), 9),
    Column("expected", _l("Mean expected level for the respondents' roles"), 9),
    Column("below_target", _l("Respondents below their target level"), 10),
    Column("below_expected", _l("Respondents below their expected level"), 10),
    Column("learners", _l("Respondents with a gap of 1 level or more"), 9),
    Column("teachers", _l("Suggested teachers inside the round, separated by “; ”"), 36),
    Column("waiting", _l("Learners whose possible teachers are all busy"), 8),
    Column(
        "outside_training",
        _l("1: someone here needs training from outside (nobody in the round can teach it)"),
        10,
    ),
    Column(
        "teachers_elsewhere",
        _l(
            "People in other tambons of the round (outside this file) who can teach someone "
            "here whom nobody in this file's tambons can; 0: none needed. Not named"
        ),
        10,
    ),
)

NOTES = (
    *_ROUND,
    *_PLACE,
    Column("facilitator", _l("Name of the note's writer"), 26),
    *_ITEM,
    Column("current", _l("The writer's current level on the item (1–5)"), 8),
    Column("target", _l("The writer's target level on the item (1–5)"), 8),
    Column("note", _l("The facilitator's note"), 60),
)


def wide_columns(instrument: Instrument) -> tuple[Column, ...]:
    """The wide form: one row per facilitator, current and target of every item."""
    levels = []
    for item in instrument.items:
        current = _l("Current level on item %(code)s", code=item.code)
        target = _l("Target level on item %(code)s", code=item.code)
        levels.append(Column(f"{item.code}_current", current, 7))
        levels.append(Column(f"{item.code}_target", target, 7))
    return (*_ROUND, *_PLACE, *_PERSON, *_INSTRUMENT, _SUBMITTED, *levels)

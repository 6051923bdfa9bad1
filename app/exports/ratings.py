"""Rows of the ratings exports: long form (one row per rating) and wide form (per person).

Both are generators over the streamed records, so a file of any size is written with the
memory of one batch.
"""

from collections.abc import Iterator
from itertools import groupby

from app.exports.records import RatingRecord, rating_records
from app.models import Round
from app.roster.roles import role_names


def _round_cells(round_: Round) -> tuple:
    return (round_.name, round_.held_on)


def _person_cells(record: RatingRecord, lang: str) -> tuple:
    """province, district, tambon, facilitator, role, agency, team."""
    return (
        *record.place.names(lang),
        record.facilitator,
        role_names(record.roles, lang),
        record.agency,
        record.team or "",
    )


def _instrument_cells(round_: Round) -> tuple:
    version = round_.instrument_version
    return (version.instrument_key, version.declared_version)


def long_rows(round_: Round, tambon_ids: set[int] | None, lang: str) -> Iterator[tuple]:
    """One row per facilitator and item, in the columns of `columns.RATINGS`."""
    instrument = round_.instrument_version.instrument
    items = {item.code: item for item in instrument.items}
    domains = {d.code: d.name.get(lang) for d in instrument.domains}
    fixed, version = _round_cells(round_), _instrument_cells(round_)
    person, person_cells = None, ()
    for record in rating_records(round_, tambon_ids, lang):
        if record.response_id != person:  # a person's dozen ratings come together
            person, person_cells = record.response_id, _person_cells(record, lang)
        item = items[record.item_code]
        yield (
            *fixed,
            *person_cells,
            *version,
            domains[item.domain], item.code, item.text.th, item.text.en,
            record.current, record.target, record.target - record.current,
            item.expected_for(record.roles), record.note, record.submitted_at,
        )  # fmt: skip


def wide_rows(round_: Round, tambon_ids: set[int] | None, lang: str) -> Iterator[tuple]:
    """One row per facilitator who answered, in the columns of `columns.wide_columns`."""
    codes = round_.instrument_version.instrument.item_codes
    fixed = (*_round_cells(round_),)
    records = rating_records(round_, tambon_ids, lang)
    for _, group in groupby(records, key=lambda r: r.response_id):
        ratings = list(group)  # one person's ratings: a dozen records
        first = ratings[0]
        levels = {r.item_code: (r.current, r.target) for r in ratings}
        yield (
            *fixed,
            *_person_cells(first, lang),
            *_instrument_cells(round_),
            first.submitted_at,
            *(level for code in codes for level in levels.get(code, (None, None))),
        )

"""The exports on offer: name, title, what each holds, its columns and its rows."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from app.exports import columns
from app.exports.plan import plan_rows
from app.exports.ratings import long_rows, wide_rows
from app.instruments.model import Instrument
from app.models import Round
from app.notes.rows import notes_rows
from app.people_filter import NO_FILTER, PeopleFilter

Rows = Callable[..., Iterator[tuple]]  # (round, tambon ids, lang[, people filter])
# Columns of expected levels: left out for an instrument that sets none (they would be empty
# or 0 on every row).
EXPECTED_KEYS = frozenset({"expected", "below_expected"})


@dataclass(frozen=True, slots=True)
class Export:
    name: str
    title: object
    summary: object
    columns: Callable[[Instrument], tuple[columns.Column, ...]]
    rows: Rows
    filterable: bool = False  # takes a people filter (agency, role, team)

    def columns_of(self, instrument: Instrument) -> tuple[columns.Column, ...]:
        """The columns of this export for `instrument`: no expected levels where it sets none."""
        every = self.columns(instrument)
        if instrument.has_expected_levels:
            return every
        return tuple(column for column in every if column.key not in EXPECTED_KEYS)


@dataclass(frozen=True, slots=True)
class Table:
    """What a writer writes: the columns and the rows (a generator, read once)."""

    name: str
    columns: tuple[columns.Column, ...]
    rows: Iterable[tuple]


EXPORTS = {
    export.name: export
    for export in (
        Export(
            "ratings",
            _l("Ratings, one row per facilitator and item"),
            _l(
                "Every rating of the round: who, where, which item (in Thai and English), "
                "current and target level, gap, the level expected for the person's roles, "
                "and their note. The easiest file to filter and pivot."
            ),
            lambda instrument: columns.RATINGS,
            long_rows,
        ),
        Export(
            "ratings-wide",
            _l("Ratings, one row per facilitator"),
            _l(
                "One row per facilitator who answered, with two columns per item: "
                "current level and target level (K1_current, K1_target, …)."
            ),
            columns.wide_columns,
            wide_rows,
        ),
        Export(
            "training-plan",
            _l("Training plan"),
            _l(
                "For the whole round and for each tambon, one row per item in priority order: "
                "respondents, mean current, target and gap, how many are below their target "
                "and their expected level, suggested teachers inside the round, and whether "
                "training from outside is needed. The same figures as the dashboard."
            ),
            lambda instrument: columns.TRAINING_PLAN,
            plan_rows,
            filterable=True,
        ),
        Export(
            "notes",
            _l("Knowledge assets: the facilitators' notes"),
            _l(
                "One row per note a facilitator wrote with a rating, by item in the order of "
                "the instrument, then by the writer's current level, highest first: where, "
                "who, which item, current and target level, and the note."
            ),
            lambda instrument: columns.NOTES,
            notes_rows,
        ),
    )
}
FORMATS = ("csv", "xlsx")


def build(
    name: str,
    round_: Round,
    tambon_ids: set[int] | None,
    lang: str,
    people: PeopleFilter = NO_FILTER,
) -> Table:
    """The table of export `name` for `round_`, limited to `tambon_ids` (None: all) and, for
    an export that takes one, to the people `people` keeps."""
    export = EXPORTS[name]
    instrument = round_.instrument_version.instrument
    every, shown = export.columns(instrument), export.columns_of(instrument)
    if not people.active:
        rows = export.rows(round_, tambon_ids, lang)
    elif export.filterable:
        rows = export.rows(round_, tambon_ids, lang, people)
    else:
        raise ValueError(f"export {name!r} takes no people filter")
    if len(shown) != len(every):  # (columns compare by their lazy texts: keys only)
        keys = {column.key for column in shown}
        kept = [i for i, column in enumerate(every) if column.key in keys]
        rows = (tuple(row[i] for i in kept) for row in rows)
    return Table(name, shown, rows)

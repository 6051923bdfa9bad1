"""Rows of the `notes` export: one row per note, in the page's reading order."""

from collections.abc import Iterator

from app.models import Round
from app.notes.read import note_list


def notes_rows(round_: Round, tambon_ids: set[int] | None, lang: str) -> Iterator[tuple]:
    """One row per note of the tambons `tambon_ids` (None: all), in the columns of
    `columns.NOTES` and the order of the knowledge-assets page."""
    instrument = round_.instrument_version.instrument
    domains = {d.code: d.name.get(lang) for d in instrument.domains}
    fixed = (round_.name, round_.held_on)
    for note in note_list(round_, tambon_ids, lang=lang):
        item = instrument.item(note.item)
        yield (
            *fixed, *note.place.names(lang), note.name,
            domains[item.domain], item.code, item.text.th, item.text.en,
            note.level, note.target, note.text,
        )  # fmt: skip

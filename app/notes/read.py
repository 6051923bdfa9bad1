"""The facilitators' notes of a round (ขุมความรู้, knowledge assets): item → level → notes.

"What people at level 4 say they do": each note is filed under its item and under the
level its writer marked as current on that item, highest level first. The writer is the
person as they were when they answered (the response's snapshot of name and tambon).

Within the reader's scope only, as every page and file: a coordinator reads the notes of
their tambons, with names; an admin reads every note. Notes of the round's other tambons are
left out, not shown without names: a note is free text that often names its writer, their
village or group, and a coordinator's read must cost their tambons only, not a national
round's 100,000 people.
"""

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

from sqlalchemy import select

from app.collation import names_key
from app.extensions import db
from app.models import District, Province, Rating, Response, Round, Tambon, round_tambon
from app.place_names import Place

# Characters a Thai text may carry between words that a search typed by hand would not.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


@dataclass(frozen=True, slots=True)
class Note:
    """One note on one item, with the levels its writer marked and who they were then."""

    item: str
    level: float  # the writer's current level on the item
    target: float
    text: str
    name: str
    tambon_id: int
    place: Place

    def tambon(self, lang: str) -> str:
        return self.place.names(lang)[2]


@dataclass(frozen=True, slots=True)
class LevelNotes:
    """The notes of one item written by people at one current level."""

    level: float
    notes: tuple[Note, ...]


@dataclass(frozen=True, slots=True)
class ItemNotes:
    """The notes of one item, by level, highest first."""

    item: str
    levels: tuple[LevelNotes, ...]

    @property
    def count(self) -> int:
        return sum(len(group.notes) for group in self.levels)


def normalised(text: str) -> str:
    """`text` for comparing: NFC, no zero-width characters, runs of whitespace as one space,
    case folded (Thai has no case; "KM" finds "km")."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return " ".join(text.split()).casefold()


def note_list(
    round_: Round,
    visible: Iterable[int] | None,
    *,
    tambon_id: int | None = None,
    search: str = "",
    lang: str = "th",
) -> list[Note]:
    """The notes of the round's tambons `visible` (None: all, an admin) in reading order:
    items in instrument order, levels highest first, then by tambon and name.

    `tambon_id`: that tambon only (the caller checks it is visible). `search`: the notes
    containing it (see `normalised`); empty: every note.
    """
    wanted = normalised(search)
    places: dict[int, Place] = {}  # one per tambon, shared by its notes
    found = []
    for item, current, target, text, response_id, name, tambon, *names in _rows(
        round_.id, tambon_id, visible
    ):
        if wanted and wanted not in normalised(text):
            continue
        if (place := places.get(tambon)) is None:
            place = places[tambon] = Place(tuple(names[0:2]), tuple(names[2:4]), tuple(names[4:6]))
        note = Note(item, float(current), float(target), text, name, tambon, place)
        found.append((note, response_id))
    order = _reading_order(round_.instrument_version.instrument.item_codes, lang)
    return [note for note, _ in sorted(found, key=order)]


def by_item(notes: Sequence[Note], per_item: int | None = None) -> tuple[ItemNotes, ...]:
    """Notes in reading order (as `note_list` gives them) grouped by item, then by level;
    at most `per_item` notes of each item (the highest levels first)."""
    items = []
    for item, group in groupby(notes, key=lambda n: n.item):
        kept = list(group)[:per_item]
        levels = tuple(
            LevelNotes(level, tuple(same)) for level, same in groupby(kept, key=lambda n: n.level)
        )
        items.append(ItemNotes(item, levels))
    return tuple(items)


def read_notes(
    round_: Round,
    visible: Iterable[int] | None,
    *,
    tambon_id: int | None = None,
    search: str = "",
    per_item: int | None = None,
    lang: str = "th",
) -> tuple[ItemNotes, ...]:
    """The round's notes grouped item → level → notes (see `note_list` for the arguments);
    at most `per_item` notes of each item. Items without a note are left out."""
    found = note_list(round_, visible, tambon_id=tambon_id, search=search, lang=lang)
    return by_item(found, per_item)


def _rows(round_id: int, tambon_id: int | None, visible: Iterable[int] | None):
    """Every non-empty note of the round's own tambons with its writer's snapshot."""
    query = (
        select(
            Rating.item_code,
            Rating.current_level,
            Rating.target_level,
            Rating.note,
            Response.id.label("response_id"),
            Response.name,
            Response.tambon_id,
            Province.name_th.label("province_th"),
            Province.name_en.label("province_en"),
            District.name_th.label("district_th"),
            District.name_en.label("district_en"),
            Tambon.name_th.label("tambon_th"),
            Tambon.name_en.label("tambon_en"),
        )
        .join(Response, Response.id == Rating.response_id)
        # Only the round's own tambons, as every page and file counts them.
        .join(
            round_tambon,
            (round_tambon.c.round_id == Response.round_id)
            & (round_tambon.c.tambon_id == Response.tambon_id),
        )
        .join(Tambon, Tambon.id == Response.tambon_id)
        .join(District, District.id == Tambon.district_id)
        .join(Province, Province.id == District.province_id)
        .where(Response.round_id == round_id, Rating.note != "")
    )
    if tambon_id is not None:
        query = query.where(Response.tambon_id == tambon_id)
    if visible is not None:
        query = query.where(Response.tambon_id.in_(sorted(visible)))
    return db.session.execute(query).all()


def _reading_order(codes: Sequence[str], lang: str):
    position = {code: number for number, code in enumerate(codes)}
    people: dict[int, tuple] = {}  # a person writes several notes: their key made once

    def key(pair) -> tuple:
        note, response_id = pair
        if (who := people.get(response_id)) is None:
            who = people[response_id] = names_key(note.tambon(lang), note.name, lang=lang)
        return (position.get(note.item, len(codes)), -note.level, *who, response_id)

    return key

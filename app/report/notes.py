"""A few of the facilitators' notes (the knowledge assets, app/notes) for each tambon's page."""

from collections import defaultdict

from app.models import Round
from app.notes.read import Note, note_list

NOTES_PER_TAMBON = 5


def notes_by_tambon(
    round_: Round, visible, lang: str, limit: int = NOTES_PER_TAMBON
) -> dict[str, tuple[Note, ...]]:
    """The first `limit` notes of each visible tambon (keyed as the round's facts key it), in
    the knowledge assets' reading order: items in order, the highest levels first."""
    kept: dict[str, list[Note]] = defaultdict(list)
    for note in note_list(round_, visible, lang=lang):
        if len(shelf := kept[str(note.tambon_id)]) < limit:
            shelf.append(note)
    return {key: tuple(notes) for key, notes in kept.items()}

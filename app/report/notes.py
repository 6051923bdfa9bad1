"""A few of the facilitators' notes (the `note` of their answers), for a tambon's page."""

from dataclasses import dataclass

from app.round_facts import RoundFacts

NOTES_PER_TAMBON = 5


@dataclass(frozen=True, slots=True)
class Note:
    """What one facilitator wrote about one item, and the level they gave themselves."""

    name: str
    item: str
    current: float
    text: str


def tambon_notes(facts: RoundFacts, unit: str, limit: int = NOTES_PER_TAMBON) -> list[Note]:
    """The first `limit` notes of the facilitators of `unit`, in item then name order
    (the facts are limited to the reader's scope, so are the names)."""
    names = {p.id: p.name for p in facts.persons}
    order = {code: i for i, code in enumerate(facts.item_order)}
    notes = [
        Note(names[a.person], a.item, a.current, facts.notes[(a.person, a.item)].strip())
        for a in facts.answers
        if a.unit == unit and facts.notes.get((a.person, a.item), "").strip()
    ]
    notes.sort(key=lambda n: (order.get(n.item, len(order)), n.name))
    return notes[:limit]

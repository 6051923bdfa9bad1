"""Generated submissions of the facilitator form, valid and not, and what each must store.

A submission starts as a valid answer to every item of the real facilitator instrument
(levels 1-5, target not below current, short notes in any script), then up to three
mutations: a junk level, a target below the current level, a field missing, a field sent
twice (with the same or another value), a long note (over 1000 characters or not), a NUL,
unknown fields, or a submission id that is no id. `expected_ratings` decides, independently
of the app, what the server must store for it: the ratings, or None (nothing at all).
"""

import uuid
from dataclasses import dataclass

from hypothesis import strategies as st

from tests.assess_helpers import FACILITATOR as INSTRUMENT

CODES = INSTRUMENT.item_codes
LEVELS = ("1", "2", "3", "4", "5")
JUNK_LEVELS = ("0", "6", "-1", "2.5", "3.7", "1e9", "NaN", "inf", "", " 3", "3 ", "３", "๓", "abc")
NOTE_MAX = 1000
# Any character but NUL and the surrogates (which no UTF-8 form can carry).
ANY_CHARACTER = st.characters(codec="utf-8", exclude_characters="\x00")
short_notes = st.one_of(st.just(""), st.text(ANY_CHARACTER, max_size=40))
long_notes = st.text(ANY_CHARACTER, min_size=990, max_size=1100)
junk_levels = st.one_of(
    st.sampled_from(JUNK_LEVELS), st.text(max_size=6).filter(lambda s: s not in LEVELS)
)
junk_ids = st.one_of(
    st.text(max_size=40),
    st.uuids(version=1).map(str),
    st.uuids(version=4).map(lambda u: str(u).upper()),
    st.uuids(version=4).map(lambda u: str(u) + "0"),
)


@dataclass(frozen=True)
class Submission:
    fields: tuple[tuple[str, str], ...]  # in order, a name may repeat
    as_json: bool  # sent by the page's script (Accept: application/json)

    def values(self, name: str) -> list[str]:
        return [v for k, v in self.fields if k == name]

    @property
    def submission_id(self) -> str:
        ids = self.values("submission_id")
        return ids[0] if ids else ""

    @property
    def has_nul(self) -> bool:
        return any("\x00" in k or "\x00" in v for k, v in self.fields)


def is_submission_id(text: str) -> bool:
    """A version-4 UUID written as uuid4() writes it."""
    try:
        parsed = uuid.UUID(text)
    except ValueError:
        return False
    return parsed.version == 4 and str(parsed) == text


def clean_note(note: str) -> str:
    """A note as it is kept: line ends as the browser counts them (LF), trimmed."""
    return note.replace("\r\n", "\n").strip()


def _item(sub: Submission, code: str) -> tuple[float, float, str] | None:
    current, target = sub.values(f"{code}-current"), sub.values(f"{code}-target")
    notes = sub.values(f"{code}-note")
    if len(set(current)) != 1 or len(set(target)) != 1 or len(set(notes)) > 1:
        return None  # missing, or sent twice with two values
    if current[0] not in LEVELS or target[0] not in LEVELS or float(target[0]) < float(current[0]):
        return None
    note = clean_note(notes[0]) if notes else ""
    if len(note) > NOTE_MAX:
        return None
    return float(current[0]), float(target[0]), note


def expected_ratings(sub: Submission) -> dict[str, tuple[float, float, str]] | None:
    """What the server must store for `sub`: item -> (current, target, note), or None."""
    if sub.has_nul or not is_submission_id(sub.submission_id):
        return None
    ratings = {code: _item(sub, code) for code in CODES}
    return None if None in ratings.values() else ratings


# Each submission a new id, as the page makes one: ids drawn by Hypothesis repeat across
# examples, and a repeated id is a replay (tested on purpose, not by chance).
fresh_ids = st.builds(lambda: str(uuid.uuid4()))


def _valid_fields(draw) -> list[list[str]]:
    fields = [["submission_id", draw(fresh_ids)]]
    for code in CODES:
        current = draw(st.sampled_from(LEVELS))
        target = draw(st.sampled_from([level for level in LEVELS if level >= current]))
        fields += [[f"{code}-current", current], [f"{code}-target", target],
                   [f"{code}-note", draw(short_notes)]]  # fmt: skip
    return fields


def _field(fields: list[list[str]], name: str) -> list[str] | None:
    return next((f for f in fields if f[0] == name), None)


def _junk_level(draw, fields, code) -> None:
    level = _field(fields, f"{code}-{draw(st.sampled_from(('current', 'target')))}")
    if level:
        level[1] = draw(junk_levels)


def _below(draw, fields, code) -> None:
    current, target = _field(fields, f"{code}-current"), _field(fields, f"{code}-target")
    lower = [level for level in LEVELS if current and level < current[1]]
    if target and lower:
        target[1] = draw(st.sampled_from(lower))


def _missing(draw, fields, code) -> None:
    names = (f"{code}-current", f"{code}-target", f"{code}-note", "submission_id")
    name = draw(st.sampled_from(names))
    fields[:] = [f for f in fields if f[0] != name]


def _twice(draw, fields, code) -> None:
    name = f"{code}-{draw(st.sampled_from(('current', 'target', 'note')))}"
    first = _field(fields, name)
    values = st.sampled_from(LEVELS) if not name.endswith("note") else short_notes
    other = first[1] if first and draw(st.booleans()) else draw(values)
    fields.insert(draw(st.integers(0, len(fields))), [name, other])


def _long_note(draw, fields, code) -> None:
    note = _field(fields, f"{code}-note")
    if note:
        note[1] = draw(long_notes)


def _nul(draw, fields, code) -> None:
    field = draw(st.sampled_from(fields)) if fields else None
    if field:
        at = draw(st.integers(0, len(field[1])))
        field[1] = field[1][:at] + "\x00" + field[1][at:]


def _unknown(draw, fields, code) -> None:
    name = draw(st.sampled_from(("X9-current", f"{code}-extra", "note", "response_id")))
    fields.append([name, draw(st.text(ANY_CHARACTER, max_size=10))])


def _junk_id(draw, fields, code) -> None:
    field = _field(fields, "submission_id")
    if field:
        field[1] = draw(junk_ids)


MUTATIONS = {
    "junk level": _junk_level,
    "below": _below,
    "missing": _missing,
    "twice": _twice,
    "long note": _long_note,
    "nul": _nul,
    "unknown": _unknown,
    "junk id": _junk_id,
}


@st.composite
def submissions(draw) -> Submission:
    fields = _valid_fields(draw)
    for kind in draw(st.lists(st.sampled_from(sorted(MUTATIONS)), max_size=3)):
        MUTATIONS[kind](draw, fields, draw(st.sampled_from(CODES)))
    return Submission(tuple((k, v) for k, v in fields), draw(st.booleans()))

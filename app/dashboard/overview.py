"""The round overview: per tambon, how many of its facilitators have answered, read from the
kept summaries in one query whatever the size of the round.

"Answered" means what `RoundFacts.respondents()` means: a response with at least one rating
in this round, counted in the tambon kept on it. The roster is the respondents and the people
of the tambon who have not answered, as in `RoundFacts.persons`, so the overview and every
view count the same people.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.collation import sort_key
from app.extensions import db
from app.models import District, Round, Tambon, TambonSummary
from app.numbers import whole


@dataclass(frozen=True, slots=True)
class TambonTally:
    """One tambon of a round: roster size, respondents, and when the last answer came."""

    tambon: Tambon
    district: District
    roster: int
    answered: int
    last_answer: datetime | None

    @property
    def percent(self) -> int | None:
        return percent(self.answered, self.roster)


def percent(answered: int, roster: int) -> int | None:
    """The share of the roster that answered, in whole percent (None for an empty roster)."""
    return whole(100 * answered / roster) if roster else None


def tambon_tallies(round_: Round, tambon_ids: Collection[int] | None) -> list[TambonTally]:
    """A tally per tambon of the round that is in `tambon_ids` (None: every tambon), read
    from the kept summaries in one query (see app.summaries.keep for how they are counted).
    """
    query = (
        select(Tambon, District, TambonSummary.on_roster, TambonSummary.answered,
               TambonSummary.last_answer)
        .join(District, District.id == Tambon.district_id)
        .join(TambonSummary, TambonSummary.tambon_id == Tambon.id)
        .where(TambonSummary.round_id == round_.id)
    )  # fmt: skip
    if tambon_ids is not None:
        query = query.where(Tambon.id.in_(list(tambon_ids)))
    return [TambonTally(*row) for row in db.session.execute(query)]


def sorted_tallies(tallies: list[TambonTally], lang: str) -> list[TambonTally]:
    """Tallies by district, then tambon, by name in `lang`."""
    return sorted(
        tallies,
        key=lambda t: (
            sort_key(t.district.name_in(lang), lang),
            sort_key(t.tambon.name_in(lang), lang),
            t.tambon.id,
        ),
    )

"""Who can learn from whom, as the page shows it: a page each of pairs, outside-training
needs, learners waiting and learners only other tambons can teach, read from the pairing
kept for the viewer's scope.

The pairing ran once over every visible facilitator (so a coordinator's pairs never
name anyone outside their tambons; people of other tambons are only counted); a tambon
filter then only picks the learners shown.
Lines come in the order kept with them: by item, then learner's tambon and name.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from app.extensions import db
from app.models import PairingLine, PairingResult, Tambon
from app.params import int_arg

from .paging import Page, page_of

PAIRS_PER_PAGE = 200
LINES_PER_PAGE = 200  # needs and waiting: 62,704 and 77,547 lines at 50,000 facilitators
# The query parameter of each list's page number.
PAGE_PARAMS = {
    "pair": "page", "need": "needs_page", "waiting": "waiting_page", "other": "other_page",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class PairLine:
    """A learner and their teacher on one item, with names and tambons."""

    item: str
    learner: str
    learner_tambon: str
    current: float
    target: float
    teacher: str
    teacher_tambon: str
    teacher_current: float
    same_tambon: bool


@dataclass(frozen=True, slots=True)
class LearnerLine:
    """A learner with no teacher: an outside-training need, or waiting for a free teacher."""

    item: str
    name: str
    tambon: str
    current: float
    target: float
    capable: int = 0  # how many people reach the target: waiting, all at the cap; other,
    # in other tambons of the round


@dataclass(frozen=True, slots=True)
class Listing:
    """One page of one list, and the page's place among all of the list's lines."""

    lines: tuple
    page: Page
    param: str  # the query parameter of its page number


@dataclass(frozen=True, slots=True)
class PairsView:
    pairs: Listing
    needs: Listing
    waiting: Listing
    elsewhere: Listing  # learners only people of other tambons of the round can teach
    result: PairingResult
    need_counts: dict[str, int]  # the needs of each item on the page, over every page

    @property
    def cap(self) -> int:
        return self.result.cap

    def needs_by_item(self) -> list[tuple[str, list[LearnerLine]]]:
        """This page's outside-training needs grouped by item, in item order."""
        groups: dict[str, list[LearnerLine]] = {}
        for need in self.needs.lines:
            groups.setdefault(need.item, []).append(need)
        return list(groups.items())


def page_numbers(args: MultiDict) -> dict[str, int]:
    """The page number asked of each list (1 when not given; not a number: 400)."""
    return {kind: int_arg(args, param, 1) for kind, param in PAGE_PARAMS.items()}


def pairs_view(
    result: PairingResult, lang: str, tambon_id: int | None, numbers: dict[str, int]
) -> PairsView | None:
    """Pages `numbers` of the kept `result`, learners of `tambon_id` only when given;
    None when one of those pages does not exist."""
    pages = {}
    for kind in PAGE_PARAMS:
        size = PAIRS_PER_PAGE if kind == "pair" else LINES_PER_PAGE
        page = page_of(_count(result, kind, tambon_id), size, numbers[kind])
        if page is None:
            return None
        pages[kind] = (page, _rows(result, kind, tambon_id, page))
    places = _tambon_names((row for _, rows in pages.values() for row in rows), lang)
    pair_page, pair_rows = pages["pair"]
    listings = {
        kind: Listing(tuple(_learner_line(r, places) for r in rows), page, PAGE_PARAMS[kind])
        for kind, (page, rows) in pages.items()
        if kind != "pair"
    }
    needs = {r.item for r in pages["need"][1]}
    return PairsView(
        Listing(tuple(_pair_line(r, places) for r in pair_rows), pair_page, "page"),
        listings["need"],
        listings["waiting"],
        listings["other"],
        result,
        _counts_by_item(result, tambon_id, needs),
    )


def _lines(result: PairingResult, kind: str, tambon_id: int | None):
    query = select(PairingLine).where(
        PairingLine.round_id == result.round_id,
        PairingLine.scope_key == result.scope_key,
        PairingLine.kind == kind,
    )
    if tambon_id is not None:
        query = query.where(PairingLine.learner_tambon_id == tambon_id)
    return query


def _count(result: PairingResult, kind: str, tambon_id: int | None) -> int:
    if tambon_id is None and kind != "other":  # kept with the result
        return {"pair": result.pairs, "need": result.needs, "waiting": result.waiting}[kind]
    query = _lines(result, kind, tambon_id).with_only_columns(func.count())
    return db.session.execute(query).scalar_one()


def _rows(result: PairingResult, kind: str, tambon_id: int | None, page: Page) -> list:
    query = _lines(result, kind, tambon_id).order_by(PairingLine.position)
    query = query.offset(page.start).limit(page.size)
    return list(db.session.execute(query).scalars())


def _counts_by_item(result: PairingResult, tambon_id: int | None, items: set[str]):
    if not items:
        return {}
    query = _lines(result, "need", tambon_id).where(PairingLine.item.in_(items))
    query = query.with_only_columns(PairingLine.item, func.count()).group_by(PairingLine.item)
    return dict(db.session.execute(query).all())


def _tambon_names(rows: Iterable[PairingLine], lang: str) -> dict[int, str]:
    """The names in `lang` of the tambons these lines name."""
    ids = set()
    for row in rows:
        ids |= {row.learner_tambon_id, row.teacher_tambon_id} - {None}
    if not ids:
        return {}
    tambons = db.session.execute(select(Tambon).where(Tambon.id.in_(ids))).scalars()
    return {t.id: t.name_in(lang) for t in tambons}


def _pair_line(row: PairingLine, places: dict[int, str]) -> PairLine:
    return PairLine(
        item=row.item,
        learner=row.learner_name,
        learner_tambon=places[row.learner_tambon_id],
        current=row.current,
        target=row.target,
        teacher=row.teacher_name,
        teacher_tambon=places[row.teacher_tambon_id],
        teacher_current=row.teacher_current,
        same_tambon=row.teacher_tambon_id == row.learner_tambon_id,
    )


def _learner_line(row: PairingLine, places: dict[int, str]) -> LearnerLine:
    return LearnerLine(
        row.item, row.learner_name, places[row.learner_tambon_id], row.current, row.target,
        row.capable,
    )  # fmt: skip

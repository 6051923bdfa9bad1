"""Everything the round report shows, gathered as plain data from the read model.

The figures are the dashboard's: the facts of the reader's scope (app.round_facts), the
scoring's profiles, river, overall order and training plan (with its pairing), the
progress view of app.dashboard.progress, and the same chart functions. Nothing here
knows about requests; the language is passed in.
"""

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from app.collation import sort_key
from app.dashboard.diagrams import RiverView, river_view
from app.dashboard.progress import TambonChange, progress_picture, progress_view
from app.dashboard.scope import Scope
from app.dashboard.units import UnitChoice, tambon_order
from app.exports.plan import round_plan
from app.i18n import format_day
from app.models import Tambon
from app.notes.read import Note
from app.round_facts import RoundFacts
from app.scoring import PlanRow, Standing, TeamProfile, overall_order, round_profile, team_profiles
from app.scoring.pairing import Pair, TrainingNeed, Waiting

from .charts import Chart, wording
from .notes import notes_by_tambon

ChartURL = Callable[..., str | None]
FIRST_NEEDS = 10  # rows of the training plan in the programme
PAIRS_PER_TAMBON = 12  # lines of "who can learn from whom" on a tambon's page
NEEDS_PER_TAMBON = 8


@dataclass(frozen=True, slots=True)
class Taking:
    """Who took part in one tambon: facilitators who answered, and those still waiting."""

    tambon: str
    district: str
    answered: int
    waiting: int

    @property
    def roster(self) -> int:
        return self.answered + self.waiting


@dataclass(frozen=True, slots=True)
class DistrictNeeds:
    """Needs nobody in the scope can teach, in one district: (learner, item) lines,
    the learners and the items they concern."""

    district: str
    needs: int
    learners: int
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Progress:
    """The change since the previous round: the tambons' changes and a before/after chart."""

    earlier_name: str
    earlier_day: str
    items: tuple[str, ...]
    tambons: tuple[TambonChange, ...]
    chart: Chart


@dataclass(frozen=True, slots=True)
class Named:
    """A pairing line with names and tambon names, as the report prints it."""

    item: str
    learner: str
    current: float
    target: float
    teacher: str = ""
    teacher_tambon: str = ""
    teacher_current: float | None = None


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """A learner whom nobody of the reader's tambons can teach, and how many people of the
    round's other tambons can (never who)."""

    item: str
    learner: str
    current: float
    target: float
    capable: int


@dataclass(frozen=True, slots=True)
class TambonPage:
    """One tambon's page: its radar and numbers, gaps, pairs, needs and notes."""

    key: str
    name: str
    district: str
    taking: Taking
    profile: TeamProfile
    radar: Chart
    plan: tuple[PlanRow, ...]  # its items in priority order
    pairs: tuple[Named, ...]
    pair_count: int
    needs: tuple[Named, ...]
    need_count: int
    waiting: int
    notes: tuple[Note, ...]
    elsewhere: tuple[Elsewhere, ...]  # learners only other tambons' people can teach
    waiting_names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Report:
    round_id: int
    round_name: str
    day: str  # the round's date as people write it (B.E. in Thai)
    made: str  # the day the report was made
    lang: str
    limited: bool  # a coordinator's tambons only
    expected: bool  # the instrument sets expected levels (else no such column)
    instrument_title: str
    item_texts: dict[str, str]
    taking: tuple[Taking, ...]
    whole: TeamProfile
    whole_radar: Chart
    river: RiverView
    river_chart: Chart
    overall: tuple[Standing, ...]
    unit_names: dict[str, str]
    first_needs: tuple[PlanRow, ...]
    outside_by_district: tuple[DistrictNeeds, ...]
    progress: Progress | None
    tambons: tuple[TambonPage, ...] = field(default=())

    @property
    def answered(self) -> int:
        return sum(t.answered for t in self.taking)

    @property
    def roster(self) -> int:
        return sum(t.roster for t in self.taking)


def no_url(name: str, **params: object) -> None:
    return None


def build_report(
    scope: Scope, lang: str, earlier: Scope | None, today: date, url: ChartURL = no_url
) -> Report:
    """The report of `scope` in `lang`; `earlier`: the previous round to compare, if any;
    `url(name, **params)`: the dashboard's URL of the same chart (for the page on screen)."""
    facts = scope.facts()
    round_ = scope.round
    day = format_day(round_.held_on, lang)
    stamp = f"{round_.name} · {day}"
    order = tambon_order(facts, lang)
    names = {key: facts.tambons[key].name_in(lang) for key in order}
    profiles = {
        p.unit: p
        for p in team_profiles(
            facts.answers, facts.persons, facts.item_order, facts.expected, units=order
        )
    }
    whole = round_profile(facts.answers, facts.persons, facts.item_order, facts.expected)
    plan = round_plan(facts, scope.tambon_ids)
    notes = notes_by_tambon(round_, scope.tambon_ids, lang)
    river = river_view(facts, UnitChoice("tambons"), lang, None)
    words = wording(lang)
    taking = {key: _taking(facts, key, facts.tambons[key], lang) for key in order}
    instrument = facts.instrument
    return Report(
        round_id=round_.id,
        round_name=round_.name,
        day=day,
        made=format_day(today, lang),
        lang=lang,
        limited=scope.tambon_ids is not None,
        expected=instrument.has_expected_levels,
        instrument_title=instrument.title.get(lang),
        item_texts={item.code: item.text.get(lang) for item in instrument.items},
        taking=tuple(taking.values()),
        whole=whole,
        whole_radar=Chart(
            "radar",
            {
                "profile": whole,
                "item_labels": {},
                "title": _whole_title(lang, stamp),
                "wording": words,
            },
            url("radar"),
        ),
        river=river,
        river_chart=Chart(
            "river",
            {
                "river": river.river,
                "item_labels": {},
                "wording": words,
                "title": stamp,
                "unit_labels": {key: river.units.labels[key] for key in river.shown},
                "show_units": frozenset(river.shown),
            },
            url("river"),
        ),
        overall=overall_order(river.units.levels, facts.item_order),
        unit_names=names,
        first_needs=plan.round[:FIRST_NEEDS],
        outside_by_district=_outside_by_district(plan.pairing.needs, facts, lang),
        progress=_progress(earlier, scope, lang, stamp, url) if earlier else None,
        tambons=tuple(
            _tambon_page(
                facts,
                key,
                names,
                profiles[key],
                plan,
                taking[key],
                stamp,
                lang,
                url,
                notes.get(key, ()),
            )
            for key in order
        ),
    )


def _whole_title(lang: str, stamp: str) -> str:
    return ("All tambons · " if lang == "en" else "ทุกตำบล · ") + stamp


def _taking(facts: RoundFacts, key: str, tambon: Tambon, lang: str) -> Taking:
    answered = facts.respondents(key)
    waiting = sum(1 for p in facts.persons if p.unit == key and p.id not in answered)
    return Taking(tambon.name_in(lang), tambon.district.name_in(lang), len(answered), waiting)


def _outside_by_district(
    needs: tuple[TrainingNeed, ...], facts: RoundFacts, lang: str
) -> tuple[DistrictNeeds, ...]:
    """The needs nobody can teach, counted by the district of the learner's tambon."""
    lines: Counter[str] = Counter()
    learners: dict[str, set[int]] = defaultdict(set)
    items: dict[str, set[str]] = defaultdict(set)
    for need in needs:
        district = facts.tambons[need.unit].district.name_in(lang)
        lines[district] += 1
        learners[district].add(need.person)
        items[district].add(need.item)
    order = {code: i for i, code in enumerate(facts.item_order)}
    return tuple(
        DistrictNeeds(d, lines[d], len(learners[d]), tuple(sorted(items[d], key=order.get)))
        for d in sorted(lines, key=lambda d: sort_key(d, lang))
    )


def _tambon_page(
    facts: RoundFacts, key: str, names: dict[str, str], profile: TeamProfile, plan,
    taking: Taking, stamp: str, lang: str, url: ChartURL, notes: tuple[Note, ...],
) -> TambonPage:  # fmt: skip
    people = {p.id: p.name for p in facts.persons}
    pairs = [p for p in plan.pairing.pairs if p.learner_unit == key]
    needs = [n for n in plan.pairing.needs if n.unit == key]
    waiting: list[Waiting] = [w for w in plan.pairing.waiting if w.unit == key]
    answered = facts.respondents(key)
    return TambonPage(
        key=key,
        name=names[key],
        district=taking.district,
        taking=taking,
        profile=profile,
        radar=Chart(
            "radar",
            {
                "profile": profile,
                "item_labels": {},
                "title": f"{names[key]} · {stamp}",
                "wording": wording(lang),
            },
            url("radar", tambon=int(key)),
        ),
        plan=tuple(row for row in plan.units if row.unit == key),
        pairs=tuple(_pair(p, people, names) for p in pairs[:PAIRS_PER_TAMBON]),
        pair_count=len(pairs),
        needs=tuple(
            Named(n.item, people[n.person], n.current, n.target) for n in needs[:NEEDS_PER_TAMBON]
        ),
        need_count=len(needs),
        waiting=len(waiting),
        notes=notes,
        elsewhere=tuple(
            Elsewhere(e.item, people[e.person], e.current, e.target, e.capable)
            for e in plan.pairing.elsewhere
            if e.unit == key
        ),
        waiting_names=tuple(
            p.name for p in facts.persons if p.unit == key and p.id not in answered
        ),
    )


def _pair(pair: Pair, people: dict[int, str], names: dict[str, str]) -> Named:
    return Named(
        pair.item, people[pair.learner], pair.learner_current, pair.learner_target,
        people[pair.teacher], names[pair.teacher_unit], pair.teacher_current,
    )  # fmt: skip


def _progress(
    earlier: Scope, later: Scope, lang: str, stamp: str, url: ChartURL
) -> Progress | None:
    """The tambons' change since `earlier` (every page of the progress view's tambons), and
    the progress page's picture: each item's mean in both rounds, over the same people."""
    tambons: list[TambonChange] = []
    number, view = 1, progress_view(earlier, later, lang, 1)
    if view is None:
        return None
    while view is not None and view.tambons:
        tambons += view.tambons
        number += 1
        view = progress_view(earlier, later, lang, number) if number <= view.page.pages else None
    picture = progress_picture(earlier, later)
    chart = Chart(
        "progress",
        {"means": picture.means, "item_labels": {}, "title": stamp, "wording": wording(lang),
         "rounds": (earlier.round.name, later.round.name)},
        url("progress", **{"from": earlier.round.id, "was": earlier.round.revision}),
    )  # fmt: skip
    return Progress(
        earlier.round.name,
        format_day(earlier.round.held_on, lang),
        picture.items,
        tuple(tambons),
        chart,
    )

"""What each view shows and draws: its data and its chart specs, from the request's choices.

A page and its chart URLs call the same builder, so the numbers in a page's tables and
the chart beside them come from the same facts, limited to what the user may see.
"""

from flask import abort, current_app
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from app.charts import ENGLISH, MAX_RADARS_PER_FIGURE, THAI, Wording
from app.i18n import current_lang, format_day
from app.numbers import whole_number
from app.params import int_arg
from app.people_filter import NO_FILTER, PeopleFilter, filtered
from app.round_facts import RoundFacts, RoundUnits, load_round_facts
from app.scoring import TeamProfile, round_profile, team_profiles
from app.summaries import read

from .diagrams import RiverView, StairsView, river_view, stairs_view
from .filtering import chosen_tambons, filter_label, scope_filter
from .paging import Page, page_of
from .progress import ProgressPicture, progress_picture
from .rounds import in_time_order, same_instrument
from .scope import Scope, round_scope, tambon_facts, visible_tambon
from .serve import ChartSpec
from .units import UNIT_KINDS, UnitChoice, tambon_order

# Charts label items by code (K1, S1, …); the page's legend table gives their texts.
ITEM_CODES: dict[str, str] = {}


def wording() -> Wording:
    """The chart words in the reader's language."""
    return ENGLISH if current_lang() == "en" else THAI


def caption(scope: Scope) -> str:
    """What every chart states at its foot: the round and the day it was held (B.E. in Thai)."""
    return f"{scope.round.name} · {format_day(scope.round.held_on, current_lang())}"


def page_number(args: MultiDict) -> int:
    """?page= (1 when absent; 400 when not a whole number; a page that does not exist: 404)."""
    return int_arg(args, "page", 1)


def tambon_radar(
    scope: Scope, tambon_id: int, people: PeopleFilter = NO_FILTER
) -> tuple[RoundFacts, TeamProfile, ChartSpec]:
    """One tambon's facts, profile and radar, of the people the filter keeps (404 when the
    tambon is not visible)."""
    facts = filtered(tambon_facts(scope, tambon_id), people)
    key = str(tambon_id)
    (profile,) = team_profiles(
        facts.answers, facts.persons, facts.item_order, facts.expected, units=[key]
    )
    title = _titled(f"{facts.tambons[key].name_in(current_lang())} · {scope.round.name}", people)
    inputs = {
        "profile": profile,
        "item_labels": ITEM_CODES,
        "title": title,
        "wording": wording(),
        "caption": caption(scope),
    }
    params = {"tambon": tambon_id, **people.params()}
    return facts, profile, ChartSpec("radar", "radar", inputs, params, scope)


def round_radar(
    scope: Scope, units: RoundUnits, people: PeopleFilter = NO_FILTER
) -> tuple[TeamProfile, ChartSpec]:
    """The whole visible round as one team: profile (from the kept summaries, or from the
    answers of the people a filter keeps) and radar."""
    if people.active:
        facts = filtered(scope.facts(), people)
        profile = round_profile(facts.answers, facts.persons, facts.item_order, facts.expected)
    else:
        profile = read.whole_profile(scope.round.id, units.tambon_ids, units.item_order)
    title = _titled(f"{_('All tambons')} · {scope.round.name}", people)
    inputs = {
        "profile": profile,
        "item_labels": ITEM_CODES,
        "title": title,
        "wording": wording(),
        "caption": caption(scope),
    }
    return profile, ChartSpec("radar", "radar", inputs, people.params(), scope)


def radar_grid(
    scope: Scope,
    units: RoundUnits,
    number: int,
    people: PeopleFilter = NO_FILTER,
    chosen: list[str] | None = None,
) -> tuple[Page, list[TeamProfile], ChartSpec]:
    """Page `number` of the tambons' radars as small multiples (404 past the last page): the
    `chosen` tambons (None: every visible one), of the people the filter keeps. Only the
    page's tambons are read, from the kept summaries when no filter is on."""
    ordered = tambon_order(units, current_lang())
    if chosen is not None:
        ordered = [key for key in ordered if key in set(chosen)]
    page = page_of(len(ordered), MAX_RADARS_PER_FIGURE, number) or abort(404)
    keys = list(page.of(ordered))
    found = _unit_profiles(scope, units, keys, people)
    shown = [found[key] for key in keys]
    labels = {p.unit: units.tambons[p.unit].name_in(current_lang()) for p in shown}
    title = _titled(scope.round.name, people)
    if page.pages > 1:
        title += " · " + _("page %(page)d of %(pages)d", page=page.number, pages=page.pages)
    inputs = {"profiles": shown, "item_labels": ITEM_CODES, "unit_labels": labels,
              "title": title, "wording": wording(), "caption": caption(scope)}  # fmt: skip
    params = {"page": page.number, "tambons": chosen, **people.params()}
    return page, shown, ChartSpec("radar-grid", "radar_grid", inputs, params, scope)


def _unit_profiles(
    scope: Scope, units: RoundUnits, keys: list[str], people: PeopleFilter
) -> dict[str, TeamProfile]:
    """The profiles of these tambons: kept sums, or the filtered people's answers."""
    if not people.active:
        return read.unit_profiles(scope.round.id, [int(k) for k in keys], units.item_order)
    facts = filtered(load_round_facts(scope.round, {int(k) for k in keys}), people)
    profiles = team_profiles(
        facts.answers, facts.persons, facts.item_order, facts.expected, units=keys
    )
    return {p.unit: p for p in profiles}


def _titled(title: str, people: PeopleFilter) -> str:
    """A chart title that names the filter, so a printed chart says whom it shows."""
    return f"{title} · {filter_label(people)}" if people.active else title


def unit_choice(scope: Scope, args: MultiDict) -> UnitChoice:
    """Tambons or people (of one visible tambon, when `tambon` is given: 404 if not visible)."""
    kind = args.get("units", "tambons")
    if kind not in UNIT_KINDS:
        kind = "tambons"
    # Read (and refused when odd) whatever the kind, but it only narrows the people.
    tambon_id = int_arg(args, "tambon")
    if kind != "people":
        tambon_id = None
    if tambon_id is not None:
        visible_tambon(scope, tambon_id)
    return UnitChoice(kind, tambon_id)


def choice_facts(scope: Scope, choice: UnitChoice) -> RoundFacts | RoundUnits:
    """What a unit choice needs: the units only, for tambons (their levels are kept); the
    facts of one tambon's people, or of every visible tambon's."""
    if choice.kind == "tambons":
        return scope.units()
    if choice.tambon_id is not None:
        return tambon_facts(scope, choice.tambon_id)
    return scope.facts()


def picked_units(args: MultiDict, choice: UnitChoice) -> set | None:
    """The units whose lines the reader ticked; None before the form was ever sent."""
    if args.get("chosen") != choice.token:
        return None
    keys = {whole_number(v) for v in args.getlist("show")} - {None}
    return {str(k) for k in keys} if choice.kind == "tambons" else keys


def river(scope: Scope, args: MultiDict) -> tuple[RoundFacts, RiverView, ChartSpec]:
    """The river of the chosen units, with the ticked units' lines."""
    choice = unit_choice(scope, args)
    facts = choice_facts(scope, choice)
    view = river_view(facts, choice, current_lang(), picked_units(args, choice))
    title = f"{_('River of knowledge')} · {scope.round.name}"
    if choice.tambon_id is not None:
        title += " · " + facts.tambons[str(choice.tambon_id)].name_in(current_lang())
    inputs = {
        "river": view.river,
        "item_labels": ITEM_CODES,
        "unit_labels": {key: view.units.labels[key] for key in view.shown},
        "title": title,
        "wording": wording(),
        "caption": caption(scope),
        "show_units": frozenset(view.shown),
    }
    params = {**choice.params(), "chosen": choice.token, "show": list(view.shown)}
    return facts, view, ChartSpec("river", "river", inputs, params, scope)


def stairs(scope: Scope, args: MultiDict) -> tuple[RoundFacts, StairsView, ChartSpec]:
    """The stairs of the chosen item (404 for an unknown item or page) and the overall order."""
    choice = unit_choice(scope, args)
    facts = choice_facts(scope, choice)
    item = args.get("item") or facts.item_order[0]
    if item not in facts.item_order:
        abort(404)
    view = stairs_view(facts, choice, current_lang(), item, page_number(args)) or abort(404)
    title = f"{_('Stairs of exchange')} · {item} · {scope.round.name}"
    inputs = {  # the whole stairs on every page: a step per level, names capped per step
        "stairs": view.stairs,
        "unit_labels": {s.key: view.step_label(s.key) for s in view.stairs.steps},
        "title": title,
        "wording": wording(),
        "caption": caption(scope),
    }
    params = {**choice.params(), "item": item}
    return facts, view, ChartSpec("stairs", "stairs", inputs, params, scope)


def progress_charts(
    scope: Scope, earlier: Scope, later: Scope
) -> tuple[ProgressPicture, ChartSpec, ChartSpec]:
    """The progress picture of the page of `scope` (one of the two rounds), and its two
    charts: the means per item and the two rivers. Their URLs name the other round and its
    revision, so a change to either round's answers draws them anew."""
    picture = kept_picture(earlier, later)
    other = earlier if later.round.id == scope.round.id else later
    params = {"from": other.round.id, "was": other.round.revision}
    rounds = (earlier.round.name, later.round.name)
    common = {"item_labels": ITEM_CODES, "rounds": rounds, "wording": wording(),
              "caption": caption(later)}  # fmt: skip
    span = f"{earlier.round.name} → {later.round.name}"
    means = {"means": picture.means, "title": f"{_('Progress')} · {span}", **common}
    rivers = {"earlier": picture.earlier, "later": picture.later,
              "title": f"{_('River of knowledge')} · {span}", **common}  # fmt: skip
    return (
        picture,
        ChartSpec("progress", "progress", means, params, scope),
        ChartSpec("progress-river", "progress_river", rivers, params, scope),
    )


def kept_picture(earlier: Scope, later: Scope) -> ProgressPicture:
    """The progress picture, made once while neither round changes (their revisions name it)."""
    key = tuple((s.round.id, s.round.revision, s.tambon_ids) for s in (earlier, later))
    kept = current_app.extensions["progress_pictures"]
    return kept.get_or_make(key, lambda: progress_picture(earlier, later))


def compared_rounds(scope: Scope, args: MultiDict) -> tuple[Scope, Scope]:
    """The earlier and later round of a progress chart: ?from= names the other round (404
    when absent, this round, or a round of another instrument)."""
    chosen = int_arg(args, "from")
    if chosen is None or chosen == scope.round.id:
        abort(404)
    other = round_scope(chosen)
    if not same_instrument(other.round, scope.round):
        abort(404)
    return in_time_order(other, scope)


def chart_spec(scope: Scope, name: str, args: MultiDict) -> ChartSpec:
    """The spec behind chart URL `name` with query `args` (404 for an unknown name)."""
    if name == "radar":
        people = scope_filter(scope, args)[0]
        tambon_id = int_arg(args, "tambon")
        if tambon_id is not None:
            return tambon_radar(scope, tambon_id, people)[2]
        return round_radar(scope, scope.units(), people)[1]
    if name == "radar-grid":
        people, units = scope_filter(scope, args)[0], scope.units()
        chosen = chosen_tambons(args, units.tambons)
        return radar_grid(scope, units, page_number(args), people, chosen)[2]
    if name == "river":
        return river(scope, args)[2]
    if name == "stairs":
        return stairs(scope, args)[2]
    if name in ("progress", "progress-river"):
        _, means, rivers = progress_charts(scope, *compared_rounds(scope, args))
        return means if name == "progress" else rivers
    abort(404)

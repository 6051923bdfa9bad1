"""What each view shows and draws: its data and its chart specs, from the request's choices.

A page and its chart URLs call the same builder, so the numbers in a page's tables and
the chart beside them come from the same facts, limited to what the user may see.
"""

from flask import abort
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from app.charts import ENGLISH, MAX_RADARS_PER_FIGURE, THAI, Wording
from app.i18n import current_lang, format_day
from app.numbers import whole_number
from app.params import int_arg
from app.round_facts import RoundFacts, RoundUnits
from app.scoring import TeamProfile, team_profiles
from app.summaries import read

from .diagrams import RiverView, StairsView, river_view, stairs_view
from .paging import Page, page_of
from .scope import Scope, tambon_facts, visible_tambon
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


def tambon_radar(scope: Scope, tambon_id: int) -> tuple[RoundFacts, TeamProfile, ChartSpec]:
    """One tambon's facts, profile and radar (404 when the tambon is not visible)."""
    facts = tambon_facts(scope, tambon_id)
    key = str(tambon_id)
    (profile,) = team_profiles(
        facts.answers, facts.persons, facts.item_order, facts.expected, units=[key]
    )
    title = f"{facts.tambons[key].name_in(current_lang())} · {scope.round.name}"
    inputs = {
        "profile": profile,
        "item_labels": ITEM_CODES,
        "title": title,
        "wording": wording(),
        "caption": caption(scope),
    }
    return facts, profile, ChartSpec("radar", "radar", inputs, {"tambon": tambon_id}, scope)


def round_radar(scope: Scope, units: RoundUnits) -> tuple[TeamProfile, ChartSpec]:
    """The whole visible round as one team: profile (from the kept summaries) and radar."""
    profile = read.whole_profile(scope.round.id, units.tambon_ids, units.item_order)
    title = f"{_('All tambons')} · {scope.round.name}"
    inputs = {
        "profile": profile,
        "item_labels": ITEM_CODES,
        "title": title,
        "wording": wording(),
        "caption": caption(scope),
    }
    return profile, ChartSpec("radar", "radar", inputs, {}, scope)


def radar_grid(
    scope: Scope, units: RoundUnits, number: int
) -> tuple[Page, list[TeamProfile], ChartSpec]:
    """Page `number` of the tambons' radars as small multiples (404 past the last page); only
    the page's tambons are read from the kept summaries."""
    ordered = tambon_order(units, current_lang())
    page = page_of(len(ordered), MAX_RADARS_PER_FIGURE, number) or abort(404)
    keys = list(page.of(ordered))
    found = read.unit_profiles(scope.round.id, [int(k) for k in keys], units.item_order)
    shown = [found[key] for key in keys]
    labels = {p.unit: units.tambons[p.unit].name_in(current_lang()) for p in shown}
    title = scope.round.name
    if page.pages > 1:
        title += " · " + _("page %(page)d of %(pages)d", page=page.number, pages=page.pages)
    inputs = {"profiles": shown, "item_labels": ITEM_CODES, "unit_labels": labels,
              "title": title, "wording": wording(), "caption": caption(scope)}  # fmt: skip
    return page, shown, ChartSpec("radar-grid", "radar_grid", inputs, {"page": page.number}, scope)


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
    inputs = {
        "stairs": view.page_stairs,
        "unit_labels": {s.key: view.units.labels[s.key] for s in view.page_stairs.steps},
        "title": title,
        "wording": wording(),
        "caption": caption(scope),
    }
    params = {**choice.params(), "item": item, "page": view.page.number}
    return facts, view, ChartSpec("stairs", "stairs", inputs, params, scope)


def chart_spec(scope: Scope, name: str, args: MultiDict) -> ChartSpec:
    """The spec behind chart URL `name` with query `args` (404 for an unknown name)."""
    if name == "radar":
        tambon_id = int_arg(args, "tambon")
        if tambon_id is not None:
            return tambon_radar(scope, tambon_id)[2]
        return round_radar(scope, scope.units())[1]
    if name == "radar-grid":
        return radar_grid(scope, scope.units(), page_number(args))[2]
    if name == "river":
        return river(scope, args)[2]
    if name == "stairs":
        return stairs(scope, args)[2]
    abort(404)

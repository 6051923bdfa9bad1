"""The coordinators' pages: the round overview and every view of a round's team gaps."""

from functools import partial

from flask import Blueprint, abort, render_template, request
from flask_login import current_user

from app import pairing
from app.auth.access import coordinator_required
from app.charts import FORMATS
from app.collation import sort_key
from app.i18n import current_lang
from app.params import int_arg

from . import figures
from .filtering import chosen_tambons, scope_filter
from .gaps import COLUMN_ORDERS, filtered_gaps_view, gaps_view
from .overview import percent, sorted_tallies, tambon_tallies
from .pairs import page_numbers, pairs_view
from .progress import progress_view
from .rounds import comparable_rounds, in_time_order, previous_round, same_instrument
from .scope import Scope, round_scope, visible_tambon
from .serve import chart_response
from .units import tambon_names

bp = Blueprint("dashboard", __name__)


@bp.get("/rounds/<int:round_id>")
@coordinator_required
def overview(round_id: int):
    """Per tambon: how many of its facilitators have answered, out of the roster."""
    scope = round_scope(round_id)
    tallies = sorted_tallies(tambon_tallies(scope.round, scope.tambon_ids), current_lang())
    return render_template(
        "dashboard/overview.html", round=scope.round, tallies=tallies, percent=percent
    )


@bp.get("/rounds/<int:round_id>/radar")
@coordinator_required
def radar(round_id: int):
    """Small multiples of the visible tambons (12 a page) and the whole round's radar."""
    scope = round_scope(round_id)
    facts = scope.units()
    people, menus = scope_filter(scope, request.args)
    chosen = chosen_tambons(request.args, facts.tambons)
    number = figures.page_number(request.args)
    page, profiles, grid = figures.radar_grid(scope, facts, number, people, chosen)
    whole, whole_chart = figures.round_radar(scope, facts, people)
    return render_template(
        "dashboard/radar.html", round=scope.round, facts=facts, page=page, profiles=profiles,
        grid=grid, whole=whole, whole_chart=whole_chart, names=tambon_names(facts, current_lang()),
        people=people, menus=menus, chosen=chosen or (),
    )  # fmt: skip


@bp.get("/rounds/<int:round_id>/radar/<int:tambon_id>")
@coordinator_required
def tambon_radar(round_id: int, tambon_id: int):
    """One tambon's radar, bigger, with its numbers and who has not answered yet."""
    scope = round_scope(round_id)
    people, menus = scope_filter(scope, request.args)
    facts, profile, chart = figures.tambon_radar(scope, tambon_id, people)
    answered = facts.respondents()
    waiting = [p for p in facts.persons if p.id not in answered]
    return render_template(
        "dashboard/tambon_radar.html", round=scope.round, facts=facts, profile=profile,
        chart=chart, tambon=facts.tambons[str(tambon_id)], waiting=waiting, people=people,
        menus=menus,
    )  # fmt: skip


@bp.get("/rounds/<int:round_id>/river")
@coordinator_required
def river(round_id: int):
    """The river of tambons or facilitators, unit lines ticked in a GET form."""
    scope = round_scope(round_id)
    facts, view, chart = figures.river(scope, request.args)
    return render_template(
        "dashboard/river.html", round=scope.round, facts=facts, view=view, chart=chart,
        choices=_tambon_choices(scope),
    )  # fmt: skip


@bp.get("/rounds/<int:round_id>/stairs")
@coordinator_required
def stairs(round_id: int):
    """The stairs of one item and the overall order of the units."""
    scope = round_scope(round_id)
    facts, view, chart = figures.stairs(scope, request.args)
    return render_template(
        "dashboard/stairs.html", round=scope.round, facts=facts, view=view, chart=chart,
        choices=_tambon_choices(scope),
    )  # fmt: skip


@bp.get("/rounds/<int:round_id>/gaps")
@coordinator_required
def gaps(round_id: int):
    """Facilitators × items, target − current: the training list, biggest shared gap first."""
    scope = round_scope(round_id)
    tambon_id = int_arg(request.args, "tambon")
    if tambon_id is not None:
        visible_tambon(scope, tambon_id)
    people, menus = scope_filter(scope, request.args)
    facts = scope.units() if tambon_id is None else scope.units_of(tambon_id)
    columns = request.args.get("columns", "priority")
    if columns not in COLUMN_ORDERS:
        columns = "priority"
    rows = request.args.get("rows", "tambon")
    number = figures.page_number(request.args)
    if people.active:
        view = filtered_gaps_view(facts, people, current_lang(), columns, rows, number)
    else:
        view = gaps_view(facts, current_lang(), columns, rows, number)
    if view is None:
        abort(404)
    return render_template(
        "dashboard/gaps.html", round=scope.round, facts=facts, view=view, columns=columns,
        rows=rows, tambon_id=tambon_id, choices=_tambon_choices(scope), people=people,
        menus=menus,
    )  # fmt: skip


@bp.get("/rounds/<int:round_id>/pairs")
@coordinator_required
def pairs(round_id: int):
    """Who can learn from whom, outside-training needs and learners waiting for a teacher,
    as last computed for what the user may see (and when that was)."""
    scope = round_scope(round_id)
    tambon_id = int_arg(request.args, "tambon")
    if tambon_id is not None:
        visible_tambon(scope, tambon_id)
    latest = pairing.latest(scope)
    page = partial(
        render_template, "dashboard/pairs.html", round=scope.round, latest=latest,
        instrument=scope.round.instrument_version.instrument, tambon_id=tambon_id,
        choices=_tambon_choices(scope), limited=scope.tambon_ids is not None,
    )  # fmt: skip
    if latest.result is None:  # being computed in the background: nothing to show yet
        return page(view=None)
    numbers = page_numbers(request.args)
    view = pairs_view(latest.result, current_lang(), tambon_id, numbers) or abort(404)
    return page(view=view)


@bp.get("/rounds/<int:round_id>/progress")
@coordinator_required
def progress(round_id: int):
    """Change of current level between this round and another of the same instrument."""
    scope = round_scope(round_id)
    others = comparable_rounds(scope.round, current_user)
    chosen = int_arg(request.args, "from")
    number = figures.page_number(request.args)  # refused when odd, whichever rounds exist
    if chosen == round_id:
        abort(400)
    if chosen is None:
        chosen = previous_round(scope, others)
    page = partial(
        render_template, "dashboard/progress.html", round=scope.round, others=others, chosen=chosen
    )
    if chosen is None:
        return page()
    other = round_scope(chosen)
    if not same_instrument(other.round, scope.round):
        return page(refused=other.round), 400
    earlier, later = in_time_order(other, scope)
    view = progress_view(earlier, later, current_lang(), number) or abort(404)
    picture, means, rivers = figures.progress_charts(scope, earlier, later)
    return page(view=view, earlier=earlier.round, later=later.round, picture=picture,
                charts=(means, rivers))  # fmt: skip


@bp.get("/rounds/<int:round_id>/charts/<name>.<fmt>")
@coordinator_required
def chart(round_id: int, name: str, fmt: str):
    """A chart image of a round, as PNG or SVG, with ETag and a bounded cache."""
    if fmt not in FORMATS:
        abort(404)
    scope = round_scope(round_id)
    return chart_response(scope, name, fmt, lambda: figures.chart_spec(scope, name, request.args))


def _tambon_choices(scope: Scope) -> list[tuple[int, str]]:
    """(id, name) of the visible tambons of the round, by name, for the filter menus."""
    lang = current_lang()
    choices = ((t.id, t.name_in(lang)) for t in scope.tambons())
    return sorted(choices, key=lambda c: (sort_key(c[1], lang), c[0]))

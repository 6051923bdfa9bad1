"""The knowledge-assets page of a round: its notes by item and level, searched and filtered."""

from flask import Blueprint, abort, render_template, request

from app.auth.access import coordinator_required
from app.dashboard.figures import page_number
from app.dashboard.paging import page_of
from app.dashboard.routes import _tambon_choices
from app.dashboard.scope import round_scope, visible_tambon
from app.i18n import current_lang
from app.params import int_arg

from .read import by_item, note_list

bp = Blueprint("notes", __name__)
NOTES_PER_PAGE = 100


@bp.get("/rounds/<int:round_id>/notes")
@coordinator_required
def index(round_id: int):
    """What people at each level say about each item, in the tambons the user may see."""
    scope = round_scope(round_id)
    tambon_id = int_arg(request.args, "tambon")
    if tambon_id is not None:
        visible_tambon(scope, tambon_id)
    search = request.args.get("q", "")
    notes = note_list(
        scope.round, scope.tambon_ids, tambon_id=tambon_id, search=search, lang=current_lang()
    )
    page = page_of(len(notes), NOTES_PER_PAGE, page_number(request.args)) or abort(404)
    return render_template(
        "notes/index.html", round=scope.round, items=by_item(page.of(notes)), page=page,
        total=len(notes), search=search, tambon_id=tambon_id,
        choices=_tambon_choices(scope), limited=scope.tambon_ids is not None,
    )  # fmt: skip

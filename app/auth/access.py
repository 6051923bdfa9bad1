"""Who may see what: an admin sees every tambon, a coordinator the tambons assigned to them."""

from functools import wraps

from flask import abort
from flask_login import current_user, login_required
from sqlalchemy import select

from app.collation import sorted_by_name
from app.extensions import db
from app.models import Coordinator, Tambon, coordinator_tambon


def visible_tambon_ids(user: Coordinator) -> set[int] | None:
    """The ids of the tambons `user` may see, or None when they may see all of them."""
    if user.is_admin:
        return None
    query = select(coordinator_tambon.c.tambon_id).where(
        coordinator_tambon.c.coordinator_id == user.id
    )
    return set(db.session.execute(query).scalars())


def visible_tambons(user: Coordinator) -> list[Tambon]:
    """The tambons `user` may see, ordered by Thai name."""
    query = select(Tambon)
    visible = visible_tambon_ids(user)
    if visible is not None:
        query = query.where(Tambon.id.in_(visible))
    return sorted_by_name(db.session.execute(query).scalars(), lambda t: t.name_th)


def coordinator_required(view):
    """A signed-in coordinator or admin; others are sent to the sign-in page."""
    return login_required(view)


def admin_required(view):
    """A signed-in admin; a coordinator gets 403, an anonymous visitor the sign-in page."""

    @wraps(view)
    @login_required
    def guarded(*args, **kwargs):
        if not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return guarded

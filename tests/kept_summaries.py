"""The kept summaries of every round as plain rows, and the same after a rebuild, for tests
that compare them."""

from sqlalchemy import select

from app.extensions import db
from app.models import ItemSummary, ResponseSummary, TambonSummary
from app.summaries.keep import rebuild_all


def kept() -> dict:
    """Every kept summary row, keyed by its primary key."""

    def rows(model, key):
        found = db.session.execute(select(model)).scalars()
        return {
            key(r): {c.name: getattr(r, c.name) for c in model.__table__.columns} for r in found
        }

    db.session.expire_all()
    return {
        "tambons": rows(TambonSummary, lambda r: (r.round_id, r.tambon_id)),
        "items": rows(ItemSummary, lambda r: (r.round_id, r.tambon_id, r.item_code)),
        "responses": rows(ResponseSummary, lambda r: r.response_id),
    }


def rebuilt() -> dict:
    """What a rebuild from the ratings would keep (rolled back afterwards)."""
    rebuild_all(db.session)
    db.session.flush()
    found = kept()
    db.session.rollback()
    return found

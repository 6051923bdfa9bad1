"""`/healthz`: whether this app server can reach its database, for a load balancer or monitor."""

from flask import Blueprint
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def health():
    """200 with the database's migration revision, or 503 when the database does not answer."""
    try:
        revision = db.session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        db.session.rollback()
        return {"status": "error", "database": "unavailable"}, 503, {"Cache-Control": "no-store"}
    return (
        {"status": "ok", "database": "ok", "revision": revision},
        200,
        {"Cache-Control": "no-store"},
    )


def init_app(app) -> None:
    app.register_blueprint(bp)

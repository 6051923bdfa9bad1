"""When the database does not answer: 503, and a message that says nothing was saved.

A request whose database work cannot connect, loses its connection, or waits past the
lock timeout has written nothing: its transaction is rolled back whole, so whatever was
stored before (a facilitator's earlier answers) stands unchanged. The page says so and
asks to send again in a minute; the form's script, which asks for JSON, keeps the
submission on the phone and sends it again by itself.
"""

import logging
from contextlib import suppress

from flask import g, render_template
from flask_babel import gettext as _
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

from app.assess.pages import wants_json
from app.extensions import db, login_manager

RETRY_AFTER_SECONDS = 30
log = logging.getLogger(__name__)


def init_app(app) -> None:
    # OperationalError: no connection, a dropped one, a lock held too long.
    # InterfaceError: the driver lost its connection in between.
    app.register_error_handler(OperationalError, unavailable)
    app.register_error_handler(InterfaceError, unavailable)
    # Runs before Flask-SQLAlchemy's own teardown (teardowns run last-registered first).
    app.teardown_appcontext(_end_session)


def unavailable(_error):
    """The 503 answer, drawn without touching the database."""
    _forget_transaction()
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS), "Cache-Control": "no-store"}
    if wants_json():
        # The form's script keeps the submission and sends it again by itself.
        message = _(
            "Nothing was saved yet: the database did not answer. What was saved before is "
            "unchanged. Your answers are kept on this phone and will be sent again shortly."
        )
        return {"saved": False, "message": message}, 503, headers
    message = _(
        "Nothing was saved: the database did not answer. What was saved before is "
        "unchanged. Your answers are still on the page: send them again in a minute."
    )
    return render_template("error.html", code=503, message=message), 503, headers


def _end_session(_error) -> None:
    """Close the request's session; a connection that died meanwhile must not turn the
    answer already made (a page, the 503) into the server's bare 500."""
    try:
        db.session.remove()
    except SQLAlchemyError as error:
        log.warning("closing the database session failed: %s", type(error).__name__)
        _discard_session()


def _discard_session() -> None:
    # The connection cannot even roll back: drop it from the pool, and the session with it.
    with suppress(SQLAlchemyError):
        db.session().invalidate()
    db.session.registry.clear()


def _forget_transaction() -> None:
    # When the connection is gone already, nothing of this request was committed anyway.
    try:
        db.session.rollback()
    except SQLAlchemyError:
        _discard_session()
    # The page header asks whether a coordinator is signed in, which would load the account
    # from the database that just failed: show the page as to a visitor instead.
    g._login_user = login_manager.anonymous_user()

"""The freedom-table app: facilitators rate themselves, coordinators see the team gaps."""

from collections.abc import Mapping
from pathlib import Path

from flask import Flask

from app import logs
from config import Config, database_url, secret_key


def create_app(overrides: Mapping | None = None) -> Flask:
    """Build the app: settings, extensions, features, commands."""
    app = Flask(__name__, instance_relative_config=True)
    # Templates without the blank lines their tags leave: fewer bytes to a slow phone.
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.config.from_object(Config)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url(Path(app.instance_path))
    app.config.update(overrides or {})
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secret_key(Path(app.instance_path))
    _init_extensions(app)
    _register_features(app)
    logs.init_app(app)  # last: every module has made its logger
    return app


def _init_extensions(app: Flask) -> None:
    from app import (
        compression,
        database,  # also registers the SQLite connection settings
    )
    from app.extensions import babel, csrf, db, migrate
    from app.i18n import select_locale

    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = database.engine_options(app.config)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent.parent / "migrations"))
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    compression.init_app(app)


def _register_features(app: Flask) -> None:
    from app import (
        admin,
        assess,
        auth,
        backup,
        dashboard,
        demo,
        exports,
        facilitators,
        health,
        i18n,
        main,
        notes,
        pairing,
        report,
        roster,
        rounds,
        security,
        summaries,
        unavailable,
        workshop,
    )
    from app.instruments import commands as instrument_commands

    security.init_app(app)
    health.init_app(app)
    i18n.init_app(app)
    main.init_app(app)
    instrument_commands.init_app(app)
    auth.init_app(app)
    dashboard.init_app(app)
    notes.init_app(app)
    admin.init_app(app)
    demo.init_app(app)
    rounds.init_app(app)
    assess.init_app(app)
    exports.init_app(app)
    report.init_app(app)
    roster.init_app(app)
    facilitators.init_app(app)
    backup.init_app(app)
    workshop.init_app(app)
    summaries.init_app(app)
    pairing.init_app(app)
    unavailable.init_app(app)

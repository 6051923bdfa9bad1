"""The coordinators' dashboard: team gaps per tambon (radar), river, stairs, the gap table,
who can learn from whom, and progress between rounds, each chart with its numbers."""

from app.dashboard import routes
from app.dashboard.cache import DEFAULT_BYTES, DEFAULT_SIZE, ChartCache, KeptFigures
from app.dashboard.filtering import filter_label, role_name, roles_label, team_name
from app.dashboard.formatting import change, level
from app.dashboard.gaps import heat
from app.dashboard.links import url_with


def init_app(app) -> None:
    app.config.setdefault("CHART_CACHE_SIZE", DEFAULT_SIZE)
    app.config.setdefault("CHART_CACHE_BYTES", DEFAULT_BYTES)
    app.extensions["chart_cache"] = ChartCache(
        app.config["CHART_CACHE_SIZE"], app.config["CHART_CACHE_BYTES"]
    )
    # The progress picture joins both rounds' ratings (seconds at national size); the page
    # and its two charts each ask for it.
    app.extensions["progress_pictures"] = KeptFigures()
    app.register_blueprint(routes.bp)
    app.add_template_filter(level, "level")
    app.add_template_filter(change, "change")
    app.add_template_filter(heat, "heat")
    app.add_template_global(url_with, "url_with")
    app.add_template_global(role_name, "role_name")
    app.add_template_global(team_name, "team_name")
    app.add_template_global(filter_label, "filter_label")
    app.add_template_global(roles_label, "roles_label")

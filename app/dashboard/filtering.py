"""The people filter and the tambon chooser as read from a page's query (?agency=, ?role=,
?team=, ?tambons=): a value the round does not offer is a 400 that says so, in the
reader's language; never a 500, never silently every facilitator."""

from collections.abc import Collection

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from app.i18n import current_lang
from app.models.people import ROLES, TEAMS
from app.numbers import whole_number
from app.params import BadParameter
from app.people_filter import FilterChoices, PeopleFilter, filter_choices
from app.roster.roles import ROLE_NAMES, role_names

from .scope import Scope


def role_name(role: str) -> str:
    """A role in the reader's language."""
    return ROLE_NAMES[role].get(current_lang())


def roles_label(roles) -> str:
    """Roles in the reader's language, in the order of ROLES ("—" for none)."""
    return role_names(roles, current_lang()) or "—"


def team_name(team: str | None) -> str:
    """A team as the filter menu shows it."""
    names = {"u": _("u: the tambon's facilitators"), "v": _("v: being trained")}
    return names.get(team, "—") if team else "—"


def people_filter(args: MultiDict, choices: FilterChoices) -> PeopleFilter:
    """The filter of ?agency=, ?role= and ?team= (empty: any); a 400 for a value not offered."""
    agency, role, team = (args.get(name, "").strip() or None for name in ("agency", "role", "team"))
    if agency is not None and agency not in choices.agencies:
        raise BadParameter(
            _(
                "No facilitator of the agency “%(agency)s” answered this round in the tambons "
                "you may see. Agencies here: %(agencies)s.",
                agency=agency,
                agencies=", ".join(choices.agencies) or "—",
            )
        )
    if role is not None and role not in ROLES:
        names = ", ".join(f"{r} ({ROLE_NAMES[r].get(current_lang())})" for r in ROLES)
        raise BadParameter(_("“role” in the address must be one of: %(roles)s.", roles=names))
    if team is not None and team not in TEAMS:
        raise BadParameter(_("“team” in the address must be u or v."))
    return PeopleFilter(agency, role, team)


def scope_filter(scope: Scope, args: MultiDict) -> tuple[PeopleFilter, FilterChoices]:
    """The page's people filter and the menus it was chosen from (what the user may see)."""
    choices = filter_choices(scope.round.id, scope.tambon_ids)
    people = people_filter(args, choices)
    # A role or team nobody here holds may still be asked for (it shows nobody): keep it shown.
    roles = tuple(r for r in ROLES if r in choices.roles or r == people.role)
    teams = tuple(t for t in TEAMS if t in choices.teams or t == people.team)
    return people, FilterChoices(choices.agencies, roles, teams)


def chosen_tambons(args: MultiDict, visible: Collection[str]) -> list[str] | None:
    """The tambon keys ticked in ?tambons= (None: none ticked, every tambon); a 400 naming
    any that is not a number or not one of the `visible` tambon keys of the round."""
    texts = [t.strip() for t in args.getlist("tambons") if t.strip()]
    if not texts:
        return None
    keys = [whole_number(t) for t in texts]
    wrong = [t for t, k in zip(texts, keys) if k is None or str(k) not in visible]
    if wrong:
        raise BadParameter(
            _(
                "These tambons are not among the tambons of this round you may see: "
                "%(tambons)s. Tick tambons in the list instead.",
                tambons=", ".join(wrong),
            )
        )
    return list(dict.fromkeys(str(k) for k in keys))


def filter_label(people: PeopleFilter) -> str:
    """The filter in words, for titles: "พช. · บันทึก · ทีม v"."""
    parts = [people.agency] if people.agency else []
    if people.role:
        parts.append(ROLE_NAMES[people.role].get(current_lang()))
    if people.team:
        parts.append(_("team %(team)s", team=people.team))
    return " · ".join(parts)

"""The change log and a person's details in readable words, in the current language."""

from dataclasses import dataclass, field

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.assess.forms import ROLE_LABELS
from app.extensions import db
from app.facilitators.changes import FIELDS
from app.i18n import current_lang
from app.models import FacilitatorChange, Tambon
from app.models.people import roles_from_text

# Changes made by no account, as the log stores them, in the reader's words.
MACHINES = {"command line": _l("the command line"), "workshop import": _l("a workshop import")}
ACTIONS = {
    "add": _l("Added"),
    "import": _l("Imported"),
    "edit": _l("Details changed"),
    "deactivate": _l("Deactivated"),
    "reactivate": _l("Reactivated"),
    "merge": _l("Merged with another record"),
    "new_link": _l("New personal link issued"),
    "delete": _l("Deleted"),
}
FIELD_NAMES = {
    "name": _l("Name"),
    "tambon_id": _l("Tambon"),
    "roles": _l("Roles"),
    "agency": _l("Agency"),
    "team": _l("Team"),
    "active": _l("Active"),
}


@dataclass(frozen=True, slots=True)
class Line:
    """One changed field: its name, before and after."""

    field: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class SetAside:
    """A response removed by a merge, as the log keeps it."""

    round_name: str
    revision: int
    submitted_at: str
    snapshot: str
    ratings: list[tuple[str, str, str]]  # item, current, target
    revisions: int


@dataclass(frozen=True, slots=True)
class Described:
    change: FacilitatorChange
    action: str
    lines: list[Line]
    merged: str = ""  # the other record of a merge
    set_aside: list[SetAside] = field(default_factory=list)

    @property
    def who(self) -> str:
        """Who made the change: the account, or the command or import that did it."""
        return str(MACHINES.get(self.change.by, self.change.by))


def tambon_name(tambon_id) -> str:
    tambon = db.session.get(Tambon, tambon_id) if tambon_id is not None else None
    if tambon is None:
        return "" if tambon_id is None else f"#{tambon_id}"
    return tambon.name_in(current_lang())


def role_words(roles) -> str:
    if isinstance(roles, str):
        roles = roles_from_text(roles)
    return ", ".join(str(ROLE_LABELS[r]) for r in roles if r in ROLE_LABELS)


def team_word(team) -> str:
    return {"u": "u", "v": "v"}.get(team, _("no team"))


def value_words(key: str, value) -> str:
    """One field's value as people read it."""
    if key == "tambon_id":
        return tambon_name(value)
    if key == "roles":
        return role_words(value or ())
    if key == "team":
        return team_word(value)
    if key == "active":
        return _("active") if value else _("deactivated")
    return "" if value is None else str(value)


def lines(before: dict | None, after: dict | None) -> list[Line]:
    before, after = before or {}, after or {}
    keys = [k for k in FIELDS if k in before or k in after]
    return [
        Line(str(FIELD_NAMES[k]), value_words(k, before.get(k)), value_words(k, after.get(k)))
        for k in keys
    ]


def snapshot_words(name: str, tambon_id, roles, team) -> str:
    """A person as a response keeps them: name · tambon · roles · team."""
    return " · ".join((name, tambon_name(tambon_id), role_words(roles), team_word(team)))


def _set_aside(kept: dict) -> SetAside:
    ratings = [(r["item_code"], f"{r['current_level']:g}", f"{r['target_level']:g}")
               for r in kept.get("ratings", ())]  # fmt: skip
    snapshot = snapshot_words(kept["name"], kept["tambon_id"], kept["roles"], kept["team"])
    return SetAside(kept.get("round_name", ""), kept["revision"], kept.get("submitted_at", ""),
                    snapshot, ratings, len(kept.get("revisions", ())))  # fmt: skip


def describe(change: FacilitatorChange) -> Described:
    """A change as the person's page shows it."""
    action = str(ACTIONS.get(change.action, change.action))
    if change.action == "merge":
        other = (change.before or {}).get("other", {})
        merged = f"{other.get('name', '')} (#{other.get('id', '')})"
        kept = [_set_aside(r) for r in (change.before or {}).get("set_aside", ())]
        return Described(change, action, [], merged, kept)
    if change.action == "new_link":
        round_name = (change.after or {}).get("round", "")
        return Described(change, action, [Line(_("Round"), "", round_name)])
    return Described(change, action, lines(change.before, change.after))

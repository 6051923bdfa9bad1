"""`flask facilitators …`: the facilitator pages from the command line (admin scope).

The same rules as the pages (app.facilitators.manage and .merge), recorded as made by
"command line". Bad input is a clear message and a non-zero exit, with nothing written.
"""

from functools import wraps

import click
from flask import current_app, url_for
from flask.cli import AppGroup
from flask_babel import force_locale

from app.extensions import db
from app.facilitators import manage
from app.facilitators.changes import command_line, history
from app.facilitators.listing import Filters, answered_counts, matching
from app.facilitators.merge import KEPT, OTHER, merge, responses_of
from app.facilitators.wording import describe, role_words, team_word
from app.models import ROLES, Round, Tambon
from app.numbers import whole_number
from app.security import MAX_ID

ID = click.IntRange(1, MAX_ID)
group = AppGroup("facilitators", help="List, show, edit, merge and deactivate facilitators.")
LOCAL_URL = "http://127.0.0.1:5000"


def _refusals_as_errors(command):
    """Run in English; a refused change becomes a ClickException, nothing written."""

    @wraps(command)
    def run(*args, **kwargs):
        with force_locale("en"):
            try:
                return command(*args, **kwargs)
            except manage.Refused as refused:
                db.session.rollback()
                raise click.ClickException(refused.message) from None

    return run


def _person(person_id: int):
    try:
        return manage.person_for(person_id, command_line())
    except manage.NotVisible:
        raise click.ClickException(f"no facilitator with id {person_id}") from None


def _line(person, answered: int) -> str:
    status = "active" if person.active else "deactivated"
    fields = (str(person.id), person.name, person.tambon.name_th, ",".join(person.roles),
              person.agency or "-", person.team or "-", str(answered), status)  # fmt: skip
    return "\t".join(fields)


@group.command("list")
@click.option("--tambon", type=ID, help="Only this tambon (id).")
@click.option("--search", default="", help="Part of a name, with or without a title.")
@click.option("--all", "everyone", is_flag=True, help="Deactivated people too.")
@_refusals_as_errors
def list_command(tambon: int | None, search: str, everyone: bool) -> None:
    """List facilitators (id, name, tambon, roles, agency, team, rounds answered, status)."""
    if tambon is not None and db.session.get(Tambon, tambon) is None:
        raise click.BadParameter(f"no tambon has id {tambon}", param_hint="--tambon")
    people = matching(Filters(None, tambon, search, everyone))
    counts = answered_counts([p.id for p in people]) if people else {}
    for person in people:
        click.echo(_line(person, counts.get(person.id, 0)))


@group.command("show")
@click.argument("person_id", type=ID)
@_refusals_as_errors
def show_command(person_id: int) -> None:
    """Show a facilitator: details, rounds answered and the history of changes."""
    person = _person(person_id)
    click.echo(_line(person, manage.answered_count(person.id)))
    for response in responses_of(person.id):
        round_ = response.round
        click.echo(f"round {round_.id}\t{round_.name}\t{round_.held_on.isoformat()}\t"
                   f"{'open' if round_.is_open else 'closed'}\trevision {response.revision}\t"
                   f"as answered: {response.name}, {role_words(response.roles)}, "
                   f"team {team_word(response.team)}")  # fmt: skip
    for change in history(person.id):
        said = describe(change)
        details = "; ".join(f"{line.field}: {line.before} -> {line.after}" for line in said.lines)
        click.echo(f"{change.at:%Y-%m-%d %H:%M} UTC\t{change.by}\t{said.action}\t{details}")


def _roles(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    roles = tuple(r.strip() for r in text.split(",") if r.strip())
    unknown = [r for r in roles if r not in ROLES]
    if unknown or not roles:
        raise click.BadParameter(
            f"roles are one or more of {', '.join(ROLES)}", param_hint="--roles"
        )
    return roles


@group.command("edit")
@click.argument("person_id", type=ID)
@click.option("--name", help="The name as written.")
@click.option("--tambon", type=ID, help="Move to this tambon (id).")
@click.option("--roles", help="Comma-separated: " + ",".join(ROLES) + ".")
@click.option("--agency", help="The agency (an empty string for none).")
@click.option("--team", type=click.Choice(("u", "v", "none")), help="u, v or none.")
@_refusals_as_errors
def edit_command(person_id, name, tambon, roles, agency, team) -> None:
    """Change a facilitator's name, tambon, roles, agency or team; the rest stays."""
    person = _person(person_id)
    details = manage.Details(
        name=person.name if name is None else name,
        tambon_id=person.tambon_id if tambon is None else tambon,
        roles=person.roles if roles is None else _roles(roles),
        agency=person.agency if agency is None else agency,
        team=person.team if team is None else (None if team == "none" else team),
    )
    changed = manage.edit(person, details, command_line())
    db.session.commit()
    click.echo(f"Saved: {person.name} ({person.id})." if changed else "Nothing was changed.")


def _choices(pairs: tuple[str, ...]) -> dict[int, str]:
    choices = {}
    for pair in pairs:
        round_id, _sep, which = pair.partition("=")
        number = whole_number(round_id)
        if number is None or which not in (KEPT, OTHER):
            raise click.BadParameter(f"{pair!r}: write ROUND_ID=kept or ROUND_ID=other",
                                     param_hint="--keep")  # fmt: skip
        choices[number] = which
    return choices


@group.command("merge")
@click.argument("keep_id", type=ID)
@click.argument("other_id", type=ID)
@click.option("--keep", "keep", multiple=True, metavar="ROUND_ID=kept|other",
              help="For a round both answered: whose answers count (once per round).")  # fmt: skip
@_refusals_as_errors
def merge_command(keep_id: int, other_id: int, keep: tuple[str, ...]) -> None:
    """Merge record OTHER_ID into KEEP_ID: responses and history move, OTHER_ID is removed."""
    choices = _choices(keep)
    kept, other = _person(keep_id), _person(other_id)
    before = merge(kept, other, choices, command_line())
    db.session.commit()
    aside = len(before["set_aside"])
    click.echo(f"Merged {other_id} into {kept.name} ({kept.id}); {aside} response(s) set aside "
               "in the history.")  # fmt: skip


@group.command("deactivate")
@click.argument("person_id", type=ID)
@click.option("--undo", is_flag=True, help="Reactivate instead.")
@_refusals_as_errors
def deactivate_command(person_id: int, undo: bool) -> None:
    """Deactivate a facilitator (off every roster from now on), or reactivate with --undo."""
    person = _person(person_id)
    changed = manage.set_active(person, undo, command_line())
    db.session.commit()
    state = "active" if undo else "deactivated"
    click.echo(f"{person.name} ({person.id}) is {state}." if changed else f"Already {state}.")


@group.command("delete")
@click.argument("person_id", type=ID)
@_refusals_as_errors
def delete_command(person_id: int) -> None:
    """Delete a facilitator who never answered a round."""
    person = _person(person_id)
    name = person.name
    manage.delete(person, command_line())
    db.session.commit()
    click.echo(f"Deleted {name} ({person_id}).")


@group.command("new-link")
@click.argument("person_id", type=ID)
@click.argument("round_id", type=ID)
@_refusals_as_errors
def new_link_command(person_id: int, round_id: int) -> None:
    """Issue a new personal link for a response in an open round; prints it once."""
    person = _person(person_id)
    round_ = db.session.get(Round, round_id)
    if round_ is None:
        raise click.ClickException(f"no round with id {round_id}")
    _response, token = manage.new_link(person, round_, command_line())
    db.session.commit()
    base = (current_app.config.get("PUBLIC_URL") or LOCAL_URL).rstrip("/")
    with current_app.test_request_context("/"):
        click.echo(base + url_for("assess.result", token=token))

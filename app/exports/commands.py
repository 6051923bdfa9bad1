"""`flask export`: the same files as the downloads, for everything (admin scope)."""

from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from app.exports.catalogue import EXPORTS, FORMATS
from app.exports.files import ascii_filename, write_beside, write_export
from app.extensions import db
from app.models import Round
from app.models.people import ROLES, TEAMS
from app.numbers import whole_number
from app.people_filter import PeopleFilter, filter_choices


def find_round(reference: str) -> Round:
    """A round by id (digits) or by join code (any case)."""
    query = select(Round).where(Round.join_code == reference.strip().upper())
    if (number := whole_number(reference)) is not None:
        query = select(Round).where(Round.id == number)
    found = db.session.execute(query).scalar_one_or_none()
    if found is None:
        raise click.BadParameter(f"no round with id or join code {reference!r}", param_hint="ROUND")
    return found


@click.command("export")
@click.argument("name", type=click.Choice(list(EXPORTS)))
@click.argument("round_reference", metavar="ROUND")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="File to write (default: JOINCODE-NAME.FORMAT here).")  # fmt: skip
@click.option("--lang", type=click.Choice(("th", "en")), default="th", show_default=True,
              help="Language of place, role and domain names.")  # fmt: skip
@click.option("--agency", help="training-plan only: the facilitators of this agency.")
@click.option("--role", type=click.Choice(ROLES), help="training-plan only: holding this role.")
@click.option("--team", type=click.Choice(TEAMS), help="training-plan only: of this team.")
@with_appcontext
def export_command(name, round_reference, fmt, output, lang, agency, role, team) -> None:
    """Export NAME (ratings, ratings-wide, training-plan, notes) of ROUND (id or join code);
    the training plan may be limited to an agency, role or team, as each person answered."""
    round_ = find_round(round_reference)
    people = _people(name, round_, PeopleFilter(agency or None, role, team))
    output = Path(output or ascii_filename(round_, name, fmt))
    try:
        write_beside(output, lambda path: _write(path, name, fmt, round_, lang, people))
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror}") from None
    click.echo(f"Wrote {output} ({name}, {fmt}, round {round_.join_code}: {round_.name}).")


def _people(name: str, round_: Round, people: PeopleFilter) -> PeopleFilter:
    """`people`, checked: only for the training plan, and an agency someone answered as."""
    if people.active and not EXPORTS[name].filterable:
        raise click.UsageError("--agency, --role and --team apply to training-plan only")
    agencies = filter_choices(round_.id, None).agencies
    if people.agency is not None and people.agency not in agencies:
        raise click.BadParameter(
            f"nobody answered round {round_.join_code} as {people.agency!r}; "
            f"agencies: {', '.join(agencies) or 'none'}",
            param_hint="--agency",
        )
    return people


def _write(path: Path, name: str, fmt: str, round_: Round, lang: str, people) -> None:
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            write_export(out, name, fmt, round_, None, lang, people)
    else:
        write_export(path, name, fmt, round_, None, lang, people)

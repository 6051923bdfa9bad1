"""`flask workshop …`: pack a round for a laptop, unpack it there, export what was answered,
import it on the server, and serve the workshop (serve.py)."""

from pathlib import Path

import click
from flask.cli import with_appcontext
from flask_babel import force_locale
from sqlalchemy import select

from app.extensions import db
from app.models import Round
from app.numbers import whole_number
from app.workshop import files
from app.workshop.answers import export_answers
from app.workshop.merge import Merged, import_answers
from app.workshop.pack import pack_round, unpack_round
from app.workshop.serve import serve_command


@click.group("workshop")
def group() -> None:
    """Run a round on a laptop with no internet, then bring its answers to the server."""


group.add_command(serve_command)


def _round(which: str) -> Round:
    """A round by id or join code."""
    query = select(Round).filter_by(join_code=which.strip().upper())
    round_ = db.session.execute(query).scalar_one_or_none()
    # An id is ASCII digits in an id's range; "²" or a huge number is a code nobody has.
    if round_ is None and (number := whole_number(which)) is not None:
        round_ = db.session.get(Round, number)
    if round_ is None:
        raise click.ClickException(
            f"No round with id or join code {which}: an id is a whole number written with 0-9."
        )
    return round_


def _refused(path: Path, error: files.WorkshopFileError, what: str) -> click.ClickException:
    """The command line's message for a refused file (in English, as every command speaks)."""
    with force_locale("en"):
        return click.ClickException(f"{path}: {error}. {what}")


def _read(path: Path, kind: str) -> dict:
    try:
        return files.read(path, kind)
    except files.WorkshopFileError as error:
        raise _refused(path, error, "Nothing was changed.") from None


@group.command("pack")
@click.argument("round_id", metavar="ROUND")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@with_appcontext
def pack_command(round_id: str, output: Path) -> None:
    """Write ROUND (id or join code), its instrument and its roster to a file for a laptop."""
    round_ = _round(round_id)
    content = pack_round(round_)
    files.write(output, files.ROUND, content)
    click.echo(
        f"Wrote {output}: round {round_.name} ({round_.join_code}), "
        f"{len(content['places'])} tambons, {len(content['roster'])} people."
    )


@group.command("unpack")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def unpack_command(file: Path) -> None:
    """Load a round file (from `workshop pack`) into this database; again changes nothing."""
    try:
        done = unpack_round(_read(file, files.ROUND))
    except files.WorkshopFileError as error:
        raise _refused(file, error, "Nothing was changed.") from None
    state = "added" if done.round_added else "already here"
    click.echo(
        f"Round {done.round.name} ({done.round.join_code}): {state}; "
        f"{done.places_added} tambons added; {len(done.people_added)} people added, "
        f"{done.people_matched} already on the roster."
    )


@group.command("export")
@click.argument("round_id", metavar="ROUND")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@with_appcontext
def export_command(round_id: str, output: Path) -> None:
    """Write what was answered in ROUND here (id or join code), to import on the server."""
    round_ = _round(round_id)
    content = export_answers(round_)
    files.write(output, files.ANSWERS, content)
    revisions = sum(len(r["revisions"]) for r in content["responses"])
    click.echo(
        f"Wrote {output}: {len(content['responses'])} responses ({revisions} revisions), "
        f"{len(content['people'])} people."
    )


@group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Say what would change; change nothing.")
@with_appcontext
def import_command(file: Path, dry_run: bool) -> None:
    """Merge an answers file (from `workshop export`) into the same round (by join code)."""
    try:
        merged = import_answers(_read(file, files.ANSWERS), dry_run=dry_run)
    except files.WorkshopFileError as error:
        raise _refused(file, error, "Nothing was imported.") from None
    for line in report_lines(merged):
        click.echo(line)
    if dry_run:
        click.echo("Dry run: nothing was written.")


def report_lines(merged: Merged) -> list[str]:
    """What an import did, in plain English lines (the command line's report)."""
    lines = [
        f"Round {merged.round.name} ({merged.round.join_code}).",
        f"People added: {len(merged.people_added)}"
        + (f" ({', '.join(merged.people_added)})" if merged.people_added else "")
        + f"; matched on the roster: {len(merged.people_matched)}.",
        f"Responses added: {merged.responses_added}; updated: {merged.responses_updated}; "
        f"revisions added: {merged.revisions_added}; already here (skipped): "
        f"{merged.revisions_skipped}.",
    ]
    if merged.kept:
        lines.append(f"A later answer on this server still counts for: {', '.join(merged.kept)}.")
    if merged.redated:
        lines.append(f"Dated at the import, as sent after it by the laptop's clock: "
                     f"{merged.redated} submissions.")  # fmt: skip
    if merged.links_kept_here:
        lines.append("The workshop's personal link does not open these answers here (they keep "
                     f"this server's link): {', '.join(merged.links_kept_here)}.")  # fmt: skip
    return lines

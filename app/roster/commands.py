"""`flask roster import FILE`: the roster upload from the command line (admin scope)."""

from pathlib import Path

import click
from flask.cli import AppGroup
from flask_babel import force_locale

from app.roster.load import Scope, import_roster
from app.roster.messages import describe_line, listed_problems, more_problems, summary

group = AppGroup("roster", help="Import facilitators from a CSV file.")


@group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True,
              help="Check the file and list what each line would do; import nothing.")  # fmt: skip
@click.option("--create-places", is_flag=True,
              help="Add provinces, districts and tambons that do not exist yet.")  # fmt: skip
@click.option("--lang", type=click.Choice(("th", "en")), default="th", show_default=True,
              help="Language of the report.")  # fmt: skip
def import_command(file: Path, dry_run: bool, create_places: bool, lang: str) -> None:
    """Import facilitators from FILE (CSV, UTF-8): all lines or none."""
    report = import_roster(file.read_bytes(), Scope(None, create_places), dry_run=dry_run)
    with force_locale(lang):
        if dry_run:
            for line in report.lines:
                click.echo(f"{line.row.line}\t{line.row.name}\t{line.tambon_name}\t"
                           f"{describe_line(line)}")  # fmt: skip
        if report.ok:
            click.echo(summary(report, dry_run))
            return
        problems, more = listed_problems(report)
        for where, message in problems:
            click.echo(f"{where}: {message}", err=True)
        if more:
            click.echo(more_problems(more), err=True)
        raise click.ClickException(
            f"{len(report.problems):,} problem(s) in {file.name}; nothing was imported."
        )

"""`flask report ROUND -o FILE.pdf`: the round report as a PDF, from the command line."""

from pathlib import Path

import click
from flask.cli import with_appcontext

from app.dashboard.scope import Scope
from app.exports.commands import find_round
from app.exports.files import write_beside
from app.numbers import whole_number

from .render import report_file_bytes


def _tambon(scope: Scope, reference: str | None) -> frozenset[int] | None:
    """--tambon as a set of one id of the round (None: every tambon)."""
    if reference is None:
        return None
    number = whole_number(reference)
    if number is None or not scope.sees(number):
        raise click.BadParameter(
            f"{reference!r} is not the id of a tambon of round {scope.round.id}",
            param_hint="--tambon",
        )
    return frozenset({number})


def _output(path: str) -> Path:
    output = Path(path)
    if output.suffix.lower() != ".pdf":
        raise click.BadParameter(f"{path!r} does not end in .pdf", param_hint="-o")
    if not output.parent.is_dir():
        raise click.BadParameter(f"no folder {str(output.parent)!r}", param_hint="-o")
    return output


@click.command("report")
@click.argument("round_reference", metavar="ROUND")
@click.option("--tambon", help="Only this tambon (its id).")
@click.option("--lang", type=click.Choice(("th", "en")), default="th", show_default=True)
@click.option("-o", "--output", required=True, help="The PDF file to write.")
@with_appcontext
def report_command(round_reference, tambon, lang, output) -> None:
    """Write the report of ROUND (id or join code) to the governor as a PDF."""
    path = _output(output)
    round_ = find_round(round_reference)
    chosen = _tambon(Scope(round_, None), tambon)
    body = report_file_bytes(round_, chosen, lang)
    try:
        write_beside(path, lambda partial: partial.write_bytes(body))
    except OSError as error:
        raise click.ClickException(f"cannot write {path}: {error.strerror}") from None
    pages = len(Scope(round_, chosen).tambons())
    click.echo(f"Wrote {path} (round {round_.join_code}: {round_.name}, {pages} tambon pages).")

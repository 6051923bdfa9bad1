"""`flask backup FILE` and `flask restore FILE`."""

from pathlib import Path

import click
from flask.cli import with_appcontext

from app.backup.archive import BackupError, restore_backup, write_backup


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {name}" for name, n in counts.items() if n) or "no rows"


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(file: Path) -> None:
    """Write the whole database to FILE (gzipped JSON Lines; keep it safe: personal data)."""
    try:
        counts = write_backup(file)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Wrote {file}: {_summary(counts)}.")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def restore_command(file: Path) -> None:
    """Restore FILE into this EMPTY database (at the backup's schema revision)."""
    try:
        counts = restore_backup(file)
    except BackupError as error:
        raise click.ClickException(f"{error} Nothing was restored.") from None
    click.echo(f"Restored {file}: {_summary(counts)}.")

"""`flask instruments check` and `flask instruments load`."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from app.extensions import db
from app.instruments.model import Instrument
from app.instruments.parse import InstrumentError, load_directory, load_file
from app.instruments.store import store_version

group = AppGroup("instruments", help="Check and load the instrument files in instruments/.")


def _instruments_dir() -> Path:
    return Path(current_app.config["INSTRUMENTS_DIR"])


def _parse(paths: tuple[str, ...]) -> list[tuple[Path, Instrument]]:
    """The parsed instruments of `paths` (default: the whole folder), with their paths."""
    if not paths:
        return load_directory(_instruments_dir())
    return [(Path(p), load_file(p)) for p in paths]


@group.command("check")
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False))
def check_command(paths: tuple[str, ...]) -> None:
    """Check instrument files without touching the database (default: all of instruments/)."""
    try:
        parsed = _parse(paths)
    except InstrumentError as error:
        raise click.ClickException(_problem_report(error)) from None
    for path, instrument in parsed:
        click.echo(
            f"ok  {path.name}: {instrument.key} {instrument.version}, {len(instrument.items)} items"
        )


@group.command("load")
def load_command() -> None:
    """Store every instrument file of instruments/ whose content is new; nothing if any is wrong."""
    try:
        parsed = _parse(())
    except InstrumentError as error:
        raise click.ClickException(_problem_report(error)) from None
    for path, instrument in parsed:
        version, added = store_version(instrument, path.name)
        state = "stored as revision" if added else "unchanged, revision"
        click.echo(f"{instrument.key}: {state} {version.revision} ({path.name})")
    db.session.commit()


def _problem_report(error: InstrumentError) -> str:
    count = len(error.problems)
    lines = [f"{count} problem(s) in the instrument files — พบปัญหา {count} จุดในไฟล์แบบประเมิน:"]
    lines += [f"  - {p}" for p in error.problems]
    lines.append("Nothing was loaded. — ยังไม่ได้โหลดอะไรเข้าฐานข้อมูล")
    return "\n".join(lines)


def init_app(app) -> None:
    app.cli.add_command(group)

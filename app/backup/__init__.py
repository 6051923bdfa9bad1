"""Backup and restore of the whole database (`flask backup`, `flask restore`)."""

from app.backup import commands


def init_app(app) -> None:
    app.cli.add_command(commands.backup_command)
    app.cli.add_command(commands.restore_command)

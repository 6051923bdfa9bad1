"""Summaries of rounds kept in the database as answers and rosters change (see keep.py and
watch.py), read by the pages a page at a time (read.py), rebuilt by `flask summaries`."""

from flask import Flask

from .keep import rebuild_all, rebuild_round

__all__ = ["init_app", "rebuild_all", "rebuild_round"]


def init_app(app: Flask) -> None:
    from . import commands, watch

    watch.listen()
    app.cli.add_command(commands.summaries)

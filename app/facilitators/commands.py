"""`flask facilitators …`: the facilitator pages from the command line (admin scope)."""

from flask.cli import AppGroup

group = AppGroup("facilitators", help="List, show, edit, merge and deactivate facilitators.")

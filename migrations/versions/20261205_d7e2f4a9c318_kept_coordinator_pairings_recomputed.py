"""Kept pairings of coordinators' scopes dropped, to be recomputed: a learner whom only
another tambon's people can teach is no longer an outside-training need

Revision ID: d7e2f4a9c318
Revises: c6a1d8e3f910
Create Date: 2026-12-05 11:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d7e2f4a9c318"
down_revision = "c6a1d8e3f910"
branch_labels = None
depends_on = None


def upgrade():
    # A closed round's revision never moves again, so these would never be recomputed and
    # would keep calling "nobody in the round" what another tambon can teach. The page
    # recomputes a missing result (in the request, or through the worker). Lines go with
    # their result (ON DELETE CASCADE is not relied on: SQLite may not enforce it).
    op.execute(sa.text("DELETE FROM pairing_line WHERE scope_key <> 'all'"))
    op.execute(sa.text("DELETE FROM pairing_result WHERE scope_key <> 'all'"))


def downgrade():
    """Nothing to restore: a result missing is computed again."""

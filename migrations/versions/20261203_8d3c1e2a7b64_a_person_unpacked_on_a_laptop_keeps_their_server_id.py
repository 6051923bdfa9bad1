"""A person unpacked on a workshop laptop keeps their id on the server, so the workshop's
answers find them there even when they were renamed in between

Revision ID: 8d3c1e2a7b64
Revises: 5ef91409b1a4
Create Date: 2026-12-03 02:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "8d3c1e2a7b64"
down_revision = "5ef91409b1a4"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("facilitator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("origin_id", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("facilitator", schema=None) as batch_op:
        batch_op.drop_column("origin_id")

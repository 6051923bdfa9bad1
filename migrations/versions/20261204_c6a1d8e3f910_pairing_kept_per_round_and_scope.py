"""Who can learn from whom kept per round and scope, computed in the background; on
PostgreSQL, Procrastinate's job queue

Revision ID: c6a1d8e3f910
Revises: b41c7e9d2a05
Create Date: 2026-12-04 03:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "c6a1d8e3f910"
down_revision = "b41c7e9d2a05"
branch_labels = None
depends_on = None

LEVEL = sa.Numeric(2, 1, asdecimal=False)
# Sent as it is, in one simple query: the SQL holds many statements, and % and :: in them.
RAW = {"no_parameters": True}

# Procrastinate's objects, dropped on the way down (its schema has no downgrade of its own).
DROP_QUEUE = """
DROP TABLE IF EXISTS procrastinate_events, procrastinate_periodic_defers, procrastinate_jobs,
    procrastinate_workers CASCADE;
DO $$ DECLARE f record; BEGIN
  FOR f IN SELECT p.oid::regprocedure AS name FROM pg_proc p
           JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = current_schema() AND p.proname LIKE 'procrastinate\\_%' LOOP
    EXECUTE 'DROP FUNCTION ' || f.name || ' CASCADE';
  END LOOP;
END $$;
DROP TYPE IF EXISTS procrastinate_job_to_defer_v1, procrastinate_job_event_type,
    procrastinate_job_status CASCADE;
"""


def upgrade():
    op.create_table(
        "pairing_result",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("scope_key", sa.String(length=64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.Column("cap", sa.Integer(), nullable=False),
        sa.Column("pairs", sa.Integer(), nullable=False),
        sa.Column("needs", sa.Integer(), nullable=False),
        sa.Column("waiting", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["round.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("round_id", "scope_key"),
    )
    op.create_table(
        "pairing_line",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("scope_key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=7), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=20), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("learner_name", sa.String(length=200), nullable=False),
        sa.Column("learner_tambon_id", sa.Integer(), nullable=False),
        sa.Column("current", LEVEL, nullable=False),
        sa.Column("target", LEVEL, nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=True),
        sa.Column("teacher_name", sa.String(length=200), nullable=True),
        sa.Column("teacher_tambon_id", sa.Integer(), nullable=True),
        sa.Column("teacher_current", LEVEL, nullable=True),
        sa.Column("capable", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id", "scope_key"],
            ["pairing_result.round_id", "pairing_result.scope_key"],
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("round_id", "scope_key", "kind", "position"),
    )
    op.create_index(
        "ix_pairing_line_tambon",
        "pairing_line",
        ["round_id", "scope_key", "kind", "learner_tambon_id", "position"],
    )
    if op.get_bind().dialect.name == "postgresql":
        from procrastinate.schema import SchemaManager

        op.get_bind().exec_driver_sql(SchemaManager.get_schema(), execution_options=RAW)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.get_bind().exec_driver_sql(DROP_QUEUE, execution_options=RAW)
    op.drop_index("ix_pairing_line_tambon", table_name="pairing_line")
    op.drop_table("pairing_line")
    op.drop_table("pairing_result")

"""Incremental cross-report resolution: what the resolver knows of the stored entities, kept.

- ``resolution_members``: each resolved entity's name group (the group's earliest member); an
  entity without a row has not been resolved yet, so a resolution cut short is taken up again.
- ``resolution_groups``: each name group's resolver profile and what the resolver compares of it
  (JSON), the type the store reads its name as (``features.reading``: 'person', 'person:<full
  name>', 'org', or '' as tagged), and a lone word's namesakes.
- ``blocking_keys``: the keys a profile is compared by (indexed: a new report's profiles are
  compared only with their blocks' members), the words of a person's full names and a person's
  lone word, and what the type reconciliation reads of each profile's own names.
- ``resolution_edges``: every pair the name rules linked, with the pair model's score before
  partial names are settled (``candidates`` keeps the settled scores), and the names of the
  company both sides keep (the pair is scored again when one of them turns common).
- ``context_counts``: how many profiles name each context name.

Empty here: the next ``resolve`` fills them from the stored entities once (as a full resolution).

Revision ID: 0009_incremental_resolution
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_incremental_resolution"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resolution_members",
        sa.Column("entity_id", sa.String(100), primary_key=True),
        sa.Column("group_id", sa.String(100), nullable=False),
    )
    op.create_index("ix_resolution_members_group", "resolution_members", ["group_id", "entity_id"])
    op.create_table(
        "resolution_groups",
        sa.Column("group_id", sa.String(100), primary_key=True),
        sa.Column("gkey", sa.Text(), nullable=False),
        sa.Column("profile", sa.Text(), nullable=False),
        sa.Column("features", sa.Text(), nullable=False),
        sa.Column("reading", sa.Text(), nullable=False),
        sa.Column("namesakes", sa.Text(), nullable=False),
    )
    op.create_index("ix_resolution_groups_gkey", "resolution_groups", ["gkey"], unique=True)
    op.create_table(
        "blocking_keys",
        sa.Column("key", sa.Text(), primary_key=True),
        sa.Column("group_id", sa.String(100), primary_key=True),
        sa.Column("sort", sa.Text(), primary_key=True),
    )
    op.create_index("ix_blocking_keys_group", "blocking_keys", ["group_id"])
    op.create_table(
        "resolution_edges",
        sa.Column("left_id", sa.String(100), primary_key=True),
        sa.Column("right_id", sa.String(100), primary_key=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("shared", sa.Text(), nullable=False),
    )
    op.create_index("ix_resolution_edges_right", "resolution_edges", ["right_id"])
    op.create_table(
        "context_counts",
        sa.Column("key", sa.Text(), primary_key=True),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    op.create_index("ix_context_counts_n", "context_counts", ["n"])


def downgrade() -> None:
    tables = ("context_counts", "resolution_edges", "blocking_keys", "resolution_groups", "resolution_members")
    for table in tables:
        op.drop_table(table)

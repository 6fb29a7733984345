"""Names people give actors: ``labels``, one row per rename (``rename``, ``merge --name``, or the
fullest name a merge keeps).

Like judgements, a label is an edge that is never deleted: it names the graph entity that its
member entity belongs to, and the newest label of a graph entity is its display name.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "labels",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entity_id", sa.String(100), sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("norm", sa.Text, nullable=False),
        sa.Column("user", sa.String(100), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_labels_entity", "labels", ["entity_id"])
    op.create_index("ix_labels_norm", "labels", ["norm"])


def downgrade() -> None:
    op.drop_index("ix_labels_norm", table_name="labels")
    op.drop_index("ix_labels_entity", table_name="labels")
    op.drop_table("labels")

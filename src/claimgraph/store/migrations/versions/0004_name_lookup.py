"""Look actors up by name from one index: ``ix_names_norm`` becomes ``(norm, graph_id)``.

A name lookup counts, per graph entity, the names equal to (or containing) the key. Since 0002
the names carry their graph id, so the count needs neither a join to entities nor the names'
rows: with the graph id next to the normalised name, both backends answer it from the index
alone (an index-only range for an exact name, an index scan for a part of one), already in
graph-id order for the grouping. The index still serves every lookup by ``norm`` alone.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# written out here rather than imported, so this migration keeps doing what it did
BEFORE = ("norm",)
AFTER = ("norm", "graph_id")


def upgrade() -> None:
    op.drop_index("ix_names_norm", table_name="names")
    op.create_index("ix_names_norm", "names", list(AFTER))


def downgrade() -> None:
    op.drop_index("ix_names_norm", table_name="names")
    op.create_index("ix_names_norm", "names", list(BEFORE))

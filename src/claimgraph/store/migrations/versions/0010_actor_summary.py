"""Actor summaries: what an actor page computes from all of a big actor's claims, quotes and
reports, kept per graph id (see :mod:`claimgraph.store.summaries`).

``actor_summaries`` holds one row per actor of many report entities, as JSON: its counts, the
totals of its claim groups, the claim ids of its conflicts, the ids of the newest quotes the page
lists and the claims and reports it lists in full. Empty here: the store fills it when it is opened and after each
resolution; writes that change an actor delete its row, and its page is computed in full until
the row is written again.

Revision ID: 0010
Revises: 0009_incremental_resolution
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009_incremental_resolution"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actor_summaries",
        sa.Column("graph_id", sa.String(100), primary_key=True),
        sa.Column("data", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("actor_summaries")
    op.execute("DELETE FROM run_state WHERE key = 'actor_summaries'")

"""A small key-value table of the store's own state: ``resolved_seq``, the last document seq that
cross-report resolution has seen. A run killed after storing reports but before (or during) the
resolution leaves it behind the newest document, and the next ingest resolves even when it adds
nothing. A store from before this migration has no mark, so its next ingest resolves once.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "run_state",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("run_state")

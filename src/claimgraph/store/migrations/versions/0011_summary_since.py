"""Actor summaries brought up to date from the reports a batch adds (see
:mod:`claimgraph.store.summary_update`).

``actor_summaries.since``: NULL while a summary counts every row of its actor; else the ingest
order (``documents.seq``) of the first report it does not count yet. A new report, or a
regrouping of the entities of reports that no summary counts yet, sets it instead of
deleting the row, and the next :func:`claimgraph.store.summaries.fill` adds what those reports
hold to the summary instead of computing it from all of the actor's rows. Pages read only rows
without it. Existing rows count every row of their actor: they keep NULL.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("actor_summaries") as batch:
        batch.add_column(sa.Column("since", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.execute("DELETE FROM actor_summaries WHERE since IS NOT NULL")  # rows 0010 would read as whole
    with op.batch_alter_table("actor_summaries") as batch:
        batch.drop_column("since")

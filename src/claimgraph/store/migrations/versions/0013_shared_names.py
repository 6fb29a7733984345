"""The company names whose commonness can move a kept pair's score, indexed by name.

A context name turns common (or stops being) as the store grows (``resolve.common_context``:
named by more than a fiftieth of the profiles), and the kept pairs (``resolution_edges``) whose
shared company holds it are scored again. They were found by a ``LIKE`` scan of every kept pair;
``shared_names`` lists, for each pair whose score a flip can move, the names it shares, so they
are found by index, and ``resolution_edges.shared`` goes. A pair sharing four context names or more is not listed: its shared company
is full whichever names are common (:func:`claimgraph.store.incremental.sensitive_names`).

Empty here: kept state of other rules is resolved whole again, which fills it.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shared_names",
        sa.Column("left_id", sa.String(100), primary_key=True),
        sa.Column("right_id", sa.String(100), primary_key=True),
        sa.Column("name", sa.Text(), primary_key=True),
    )
    op.create_index("ix_shared_names_name", "shared_names", ["name"])
    op.execute("ALTER TABLE resolution_edges DROP COLUMN shared")  # SQLite 3.35 and later, PostgreSQL


def downgrade() -> None:  # the pairs' company is unknown: other rules' state, resolved whole again
    op.drop_table("shared_names")
    op.add_column("resolution_edges", sa.Column("shared", sa.Text(), nullable=False, server_default="[]"))

"""The reports not resolved yet, and what resolution reads in each report, kept (issue #10).

Incremental resolution found the entities not resolved yet by an anti-join of every entity with
``resolution_members``: a scan that grows with the store, at every resolution however few
reports came in. ``unresolved_reports`` lists the reports stored since (the writer adds each),
and resolution reads their entities by index and empties it. Filled here with the reports that
have an entity without a name group.

``document_facts`` keeps, per report, what resolution reads in it besides names (its country,
the titles before names, the full name a surname alone means: ``report_facts``), computed from the
report's text and mentions; a name group's profile is made again from its first reports' facts
whenever it gains members, and those were read from the texts again. Empty here: filled as
reports are resolved.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("unresolved_reports", sa.Column("document_id", sa.String(64), primary_key=True))
    op.create_table(
        "document_facts",
        sa.Column("document_id", sa.String(64), primary_key=True),
        sa.Column("facts", sa.Text(), nullable=False),
    )
    op.execute(
        "INSERT INTO unresolved_reports (document_id) SELECT DISTINCT e.document_id FROM entities e "
        "LEFT JOIN resolution_members m ON m.entity_id = e.id WHERE m.entity_id IS NULL"
    )


def downgrade() -> None:
    op.drop_table("document_facts")
    op.drop_table("unresolved_reports")

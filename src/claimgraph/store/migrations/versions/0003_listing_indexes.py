"""Covering indexes for the newest-first lists: current reports by date, and quotes by id.

A list (an actor's reports, claims, quotes) keeps only current reports, orders them by date and
counts them all. With ``(id, current, published, seq)`` on documents and ``(id, speaker_gid,
document_id, start)`` on quotes, both backends filter, count and rank thousands of rows from the
indexes alone, and read the wide rows (report title, quote text) only for the few they return.
Without them a ranking join reads every report's row, text included. Likewise an actor's
names and member types are counted from ``(graph_id, norm, name)`` on names and ``(canonical_id,
doc_seq, type)`` on entities, which also lists its first members without sorting them all.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# written out here rather than imported, so this migration keeps doing what it did
INDEXES = (
    ("ix_documents_listing", "documents", ("id", "current", "published", "seq")),
    ("ix_quotes_listing", "quotes", ("id", "speaker_gid", "document_id", "start")),
    ("ix_entities_members", "entities", ("canonical_id", "doc_seq", "type")),
)
# an index of 0002 that now also covers the names it is read for
NAMES_BEFORE = ("graph_id",)
NAMES_AFTER = ("graph_id", "norm", "name")


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, list(columns))
    op.drop_index("ix_names_graph", table_name="names")
    op.create_index("ix_names_graph", "names", list(NAMES_AFTER))


def downgrade() -> None:
    op.drop_index("ix_names_graph", table_name="names")
    op.create_index("ix_names_graph", "names", list(NAMES_BEFORE))
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)

"""Graph ids on the rows that name entities: claims, quotes, quote mentions and names.

Each row that names a member entity also carries that member's graph id (``entities.canonical_id``),
indexed, so the views find an actor's claims and quotes with one index lookup on one column
instead of joining thousands of member ids. Existing rows are filled from the entities here.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (table, member id column, graph id column, index name, index columns); written out here rather
# than imported, so this migration keeps doing what it did when the package changes later.
LINKS = (
    ("claims", "subject_id", "subject_gid", "ix_claims_subject_gid", ("subject_gid",)),
    ("claims", "object_id", "object_gid", "ix_claims_object_gid", ("object_gid",)),
    ("claims", "attributed_id", "attributed_gid", "ix_claims_attributed_gid", ("attributed_gid",)),
    ("quotes", "speaker_id", "speaker_gid", "ix_quotes_speaker_gid", ("speaker_gid",)),
    ("quote_mentions", "entity_id", "graph_id", "ix_quote_mentions_graph", ("graph_id", "quote_id")),
    ("names", "entity_id", "graph_id", "ix_names_graph", ("graph_id",)),
)


def upgrade() -> None:
    for table, _ref, column, _index, _cols in LINKS:
        op.add_column(table, sa.Column(column, sa.String(100)))
    for table, ref, column, _index, _cols in LINKS:
        # plain SQL both backends run alike: a correlated lookup of each row's member
        op.execute(
            f"UPDATE {table} SET {column} = "
            f"(SELECT canonical_id FROM entities WHERE entities.id = {table}.{ref}) "
            f"WHERE {ref} IS NOT NULL"
        )
    for table, _ref, _column, index, cols in LINKS:
        op.create_index(index, table, list(cols))


def downgrade() -> None:
    for table, _ref, column, index, _cols in LINKS:
        op.drop_index(index, table_name=table)
        # a plain DROP COLUMN (SQLite 3.35+): batch mode would copy the table, which the
        # foreign keys pointing at quotes forbid
        op.drop_column(table, column)

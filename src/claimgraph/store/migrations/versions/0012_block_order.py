"""Blocks read in their window's order: ``blocking_keys``' primary key becomes (key, sort, group_id).

A block over ``MAX_BLOCK`` compares a sliding window over its members sorted by (sort, group id);
an incremental resolution now reads only the members near a new one by an ordered scan of this
key (:mod:`claimgraph.store.blocks`) instead of the whole block. The two columns compare byte by
byte on both backends, as Python compares them: SQLite's BINARY already does; on PostgreSQL they
take the "C" collation (a database's default one, such as en_US, orders otherwise).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_SQLITE = """CREATE TABLE blocking_keys_new (
    key TEXT NOT NULL, group_id VARCHAR(100) NOT NULL, sort TEXT NOT NULL, PRIMARY KEY ({columns}))"""


def _sqlite(columns: str) -> None:
    op.execute(_SQLITE.format(columns=columns))
    op.execute("INSERT INTO blocking_keys_new (key, group_id, sort) "
               "SELECT key, group_id, sort FROM blocking_keys")
    op.execute("DROP TABLE blocking_keys")
    op.execute("ALTER TABLE blocking_keys_new RENAME TO blocking_keys")
    op.create_index("ix_blocking_keys_group", "blocking_keys", ["group_id"])


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite("key, sort, group_id")
        return
    op.execute('ALTER TABLE blocking_keys ALTER COLUMN sort TYPE TEXT COLLATE "C", '
               'ALTER COLUMN group_id TYPE VARCHAR(100) COLLATE "C"')
    op.execute("ALTER TABLE blocking_keys DROP CONSTRAINT blocking_keys_pkey, "
               "ADD CONSTRAINT blocking_keys_pkey PRIMARY KEY (key, sort, group_id)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite("key, group_id, sort")
        return
    op.execute("ALTER TABLE blocking_keys DROP CONSTRAINT blocking_keys_pkey, "
               "ADD CONSTRAINT blocking_keys_pkey PRIMARY KEY (key, group_id, sort)")
    op.execute('ALTER TABLE blocking_keys ALTER COLUMN sort TYPE TEXT COLLATE "default", '
               'ALTER COLUMN group_id TYPE VARCHAR(100) COLLATE "default"')

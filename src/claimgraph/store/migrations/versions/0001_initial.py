"""The first store: documents, entities and their names and mentions, quotes, claims, judgements.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Full-text search is the one place the two backends need different DDL.
# Porter stemming on SQLite so "killing" finds "killed" as PostgreSQL's english configuration does.
SQLITE_FTS = (
    (
        "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', "
        "content_rowid='seq', tokenize='porter unicode61')"
    ),
    (
        "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', "
        "content_rowid='seq', tokenize='porter unicode61')"
    ),
)
POSTGRES_FTS = (
    (
        "CREATE INDEX ix_documents_fts ON documents USING gin "
        "(to_tsvector('english', coalesce(title, '') || ' ' || text))"
    ),
    "CREATE INDEX ix_quotes_fts ON quotes USING gin (to_tsvector('english', text))",
)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(64), nullable=False, unique=True),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("authors", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("current", sa.Boolean, nullable=False),
        sa.Column("added_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_documents_url", "documents", ["url"])
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_table(
        "entities",
        sa.Column("id", sa.String(100), primary_key=True),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("doc_seq", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("aliases", sa.Text, nullable=False),
        sa.Column("canonical_id", sa.String(100), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    op.create_index("ix_entities_document", "entities", ["document_id"])
    op.create_index("ix_entities_canonical", "entities", ["canonical_id", "document_id", "id"])
    op.create_index("ix_entities_key", "entities", ["key", "doc_seq"])
    op.create_table(
        "names",
        sa.Column("entity_id", sa.String(100), sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("norm", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.create_index("ix_names_norm", "names", ["norm"])
    op.create_index("ix_names_entity", "names", ["entity_id"])
    op.create_table(
        "mentions",
        sa.Column("entity_id", sa.String(100), sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_mentions_entity", "mentions", ["entity_id"])
    op.create_index("ix_mentions_document", "mentions", ["document_id", "start"])
    op.create_table(
        "quotes",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(100), nullable=False, unique=True),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("speaker_id", sa.String(100)),
        sa.Column("speaker_text", sa.Text),
        sa.Column("cue", sa.Text),
        sa.Column("sentence_start", sa.Integer),
        sa.Column("sentence_end", sa.Integer),
    )
    op.create_index("ix_quotes_document", "quotes", ["document_id", "start"])
    op.create_index("ix_quotes_speaker", "quotes", ["speaker_id"])
    op.create_table(
        "quote_mentions",
        sa.Column("quote_id", sa.String(100), sa.ForeignKey("quotes.id"), nullable=False),
        sa.Column("entity_id", sa.String(100), sa.ForeignKey("entities.id"), nullable=False),
    )
    op.create_index("ix_quote_mentions_entity", "quote_mentions", ["entity_id"])
    op.create_index("ix_quote_mentions_quote", "quote_mentions", ["quote_id"])
    op.create_table(
        "claims",
        sa.Column("id", sa.String(100), primary_key=True),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject_id", sa.String(100), nullable=False),
        sa.Column("predicate", sa.String(60), nullable=False),
        sa.Column("object_id", sa.String(100)),
        sa.Column("value", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("unit", sa.Text),
        sa.Column("qualifier", sa.String(20)),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("attributed_id", sa.String(100)),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_index("ix_claims_subject", "claims", ["subject_id"])
    op.create_index("ix_claims_object", "claims", ["object_id"])
    op.create_index("ix_claims_attributed", "claims", ["attributed_id"])
    op.create_index("ix_claims_document", "claims", ["document_id"])
    op.create_table(
        "judgements",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("left_id", sa.String(100), nullable=False),
        sa.Column("right_id", sa.String(100), nullable=False),
        sa.Column("judgement", sa.String(10), nullable=False),
        sa.Column("user", sa.String(100), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_judgements_pair", "judgements", ["left_id", "right_id"])
    op.create_index("ix_judgements_right", "judgements", ["right_id"])
    op.create_table(
        "candidates",
        sa.Column("left_id", sa.String(100), primary_key=True),
        sa.Column("right_id", sa.String(100), primary_key=True),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    ddl = SQLITE_FTS if op.get_bind().dialect.name == "sqlite" else POSTGRES_FTS
    for statement in ddl:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE quotes_fts")
        op.execute("DROP TABLE documents_fts")
    tables = (
        "candidates",
        "judgements",
        "claims",
        "quote_mentions",
        "quotes",
        "mentions",
        "names",
        "entities",
        "documents",
    )
    for table in tables:
        op.drop_table(table)

"""What an actor page reads, as index lookups: stored rebuttals, labels and candidates by graph id.

- ``rebuttals``: the denials of another's words that ``graph/rebuttals.py`` finds in a report's
  text, one row each, with the graph ids of who claims and who denies. Before, every actor page
  and every ``conflicts`` read the text of every current report (10 s at 10k reports). Empty
  here: the store fills it when it is opened (:func:`claimgraph.store.rebuttals.refresh`), as it
  does whenever the rules that find rebuttals change.
- ``labels.graph_id``: the graph id of the labelled member, kept like the other copies
  (``graph_ids.LINKS``), so an actor's display name is one index lookup instead of a join over
  its thousands of members.
- ``candidates.left_gid`` / ``right_gid``: the graph ids of both sides, kept the same way, so
  an actor's merge candidates are read by its graph id instead of through its thousands of
  members (and every candidate, as the OR of both sides made the query read them all); with
  ``ix_candidates_right``, which keeps that copy up to date for members on the right side (the
  primary key serves the left).
- ``ix_claims_subject_gid``, ``_object_gid`` and ``_attributed_gid`` now also cover what an
  actor's claims are counted by (what they say) and ranked by (report and position): the biggest
  actor's 1,360 claims are counted in 2 ms from the index instead of 16 ms from their rows.
- Entities, quotes and quote mentions carry their report's date and ingest order (documents
  never change), and ``ix_entities_reports``, ``ix_quotes_speaker_gid`` and
  ``ix_quote_mentions_graph`` hold them after the actor's graph id: an actor's newest reports,
  quotes and quotes about it are an index walk that stops after the twenty shown, not a
  lookup of the report of each of its thousands of rows to sort them (11 ms to 0.1 ms for the
  quotes of the biggest actor at 10k reports).
- ``ix_entities_members`` and ``ix_names_entity`` also hold the member's id and report, and the
  name: the names an actor was reported under come with example reports from the indexes alone.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


# written out here rather than imported, so this migration keeps doing what it did
LISTED: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (  # table, index, before, after
    ("quotes", "ix_quotes_speaker_gid", ("speaker_gid",),
     ("speaker_gid", "doc_published", "doc_seq", "start", "id", "document_id")),
    ("quote_mentions", "ix_quote_mentions_graph", ("graph_id", "quote_id"),
     ("graph_id", "doc_published", "doc_seq", "quote_start", "quote_id")),
    ("entities", "ix_entities_members", ("canonical_id", "doc_seq", "type"),
     ("canonical_id", "doc_seq", "type", "id", "document_id")),
    ("names", "ix_names_entity", ("entity_id",), ("entity_id", "name")),
)
_SAID = ("kind", "predicate", "unit", "modality", "qualifier", "value", "high", "document_id", "start", "id")
CLAIMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # index: (columns before, after)
    "ix_claims_subject_gid": (("subject_gid",), ("subject_gid", "object_gid", *_SAID)),
    "ix_claims_object_gid": (("object_gid",), ("object_gid", "subject_gid", *_SAID)),
    "ix_claims_attributed_gid": (("attributed_gid",), ("attributed_gid", "subject_gid", "object_gid", *_SAID)),
}


def upgrade() -> None:
    op.create_table(
        "rebuttals",
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
        sa.Column("claimant_gid", sa.String(100)),
        sa.Column("denier_gid", sa.String(100)),
        sa.Column("claim_start", sa.Integer, nullable=False),
        sa.Column("claim_end", sa.Integer, nullable=False),
        sa.Column("claim_text", sa.Text, nullable=False),
        sa.Column("denial_start", sa.Integer, nullable=False),
        sa.Column("denial_end", sa.Integer, nullable=False),
        sa.Column("denial_text", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("document_id", "n"),
    )
    op.create_index("ix_rebuttals_claimant", "rebuttals", ["claimant_gid"])
    op.create_index("ix_rebuttals_denier", "rebuttals", ["denier_gid"])
    op.add_column("labels", sa.Column("graph_id", sa.String(100)))
    op.execute(
        "UPDATE labels SET graph_id = (SELECT entities.canonical_id FROM entities WHERE entities.id = labels.entity_id)"
    )
    op.create_index("ix_labels_graph", "labels", ["graph_id", "seq"])
    op.add_column("candidates", sa.Column("left_gid", sa.String(100)))
    op.add_column("candidates", sa.Column("right_gid", sa.String(100)))
    op.execute(
        "UPDATE candidates SET"
        " left_gid = (SELECT entities.canonical_id FROM entities WHERE entities.id = candidates.left_id),"
        " right_gid = (SELECT entities.canonical_id FROM entities WHERE entities.id = candidates.right_id)"
    )
    op.create_index("ix_candidates_right", "candidates", ["right_id"])
    op.create_index("ix_candidates_left_gid", "candidates", ["left_gid", "right_gid"])
    op.create_index("ix_candidates_right_gid", "candidates", ["right_gid", "left_gid"])
    _newest_first()
    for name, (_before, after) in CLAIMS.items():
        op.drop_index(name, table_name="claims")
        op.create_index(name, "claims", list(after))


def _newest_first() -> None:
    """Copy each report's date and ingest order onto its entities, quotes and quote mentions."""
    op.add_column("entities", sa.Column("doc_published", sa.String(40)))
    op.add_column("quotes", sa.Column("doc_published", sa.String(40)))
    op.add_column("quotes", sa.Column("doc_seq", sa.Integer))
    for column in (sa.Column("doc_published", sa.String(40)), sa.Column("doc_seq", sa.Integer),
                   sa.Column("quote_start", sa.Integer)):
        op.add_column("quote_mentions", column)
    doc = "SELECT documents.{} FROM documents WHERE documents.id = {}.document_id"
    op.execute(f"UPDATE entities SET doc_published = ({doc.format('published', 'entities')})")
    op.execute(f"UPDATE quotes SET doc_published = ({doc.format('published', 'quotes')}),"
               f" doc_seq = ({doc.format('seq', 'quotes')})")
    quote = "SELECT quotes.{} FROM quotes WHERE quotes.id = quote_mentions.quote_id"
    published, seq, start = (quote.format(c) for c in ("doc_published", "doc_seq", '"start"'))
    op.execute(f"UPDATE quote_mentions SET doc_published = ({published}), doc_seq = ({seq}), quote_start = ({start})")
    for table, name, _before, after in LISTED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, list(after))
    op.create_index("ix_entities_reports", "entities", ["canonical_id", "doc_published", "doc_seq", "document_id"])


def downgrade() -> None:
    for name, (before, _after) in CLAIMS.items():
        op.drop_index(name, table_name="claims")
        op.create_index(name, "claims", list(before))
    op.drop_index("ix_entities_reports", table_name="entities")
    for table, name, before, _after in LISTED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, list(before))
    copied: dict[str, tuple[str, ...]] = {
        "entities": ("doc_published",),
        "quotes": ("doc_published", "doc_seq"),
        "quote_mentions": ("doc_published", "doc_seq", "quote_start"),
    }
    for table, columns in copied.items():
        for column in columns:
            op.drop_column(table, column)
    op.drop_index("ix_candidates_right_gid", table_name="candidates")
    op.drop_index("ix_candidates_left_gid", table_name="candidates")
    op.drop_index("ix_candidates_right", table_name="candidates")
    op.drop_column("candidates", "right_gid")  # SQLite drops columns since 3.35
    op.drop_column("candidates", "left_gid")
    op.drop_index("ix_labels_graph", table_name="labels")
    op.drop_column("labels", "graph_id")
    op.drop_index("ix_rebuttals_denier", table_name="rebuttals")
    op.drop_index("ix_rebuttals_claimant", table_name="rebuttals")
    op.drop_table("rebuttals")

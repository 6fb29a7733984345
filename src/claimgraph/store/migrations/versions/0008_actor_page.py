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
- ``ix_quotes_speaker_gid`` now also covers what the newest-first list of an actor's quotes
  ranks them by (report and position), as ``ix_quotes_listing`` does for quotes about it: the
  quote rows (their text) are read for the twenty shown, not for its thousands of quotes.

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
SPEAKER_BEFORE = ("speaker_gid",)
SPEAKER_AFTER = ("speaker_gid", "document_id", "start", "id")


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
    op.drop_index("ix_quotes_speaker_gid", table_name="quotes")
    op.create_index("ix_quotes_speaker_gid", "quotes", list(SPEAKER_AFTER))


def downgrade() -> None:
    op.drop_index("ix_quotes_speaker_gid", table_name="quotes")
    op.create_index("ix_quotes_speaker_gid", "quotes", list(SPEAKER_BEFORE))
    op.drop_index("ix_candidates_right_gid", table_name="candidates")
    op.drop_index("ix_candidates_left_gid", table_name="candidates")
    op.drop_index("ix_candidates_right", table_name="candidates")
    with op.batch_alter_table("candidates") as batch:
        batch.drop_column("right_gid")
        batch.drop_column("left_gid")
    op.drop_index("ix_labels_graph", table_name="labels")
    with op.batch_alter_table("labels") as batch:  # SQLite before 3.35 cannot drop a column
        batch.drop_column("graph_id")
    op.drop_index("ix_rebuttals_denier", table_name="rebuttals")
    op.drop_index("ix_rebuttals_claimant", table_name="rebuttals")
    op.drop_table("rebuttals")

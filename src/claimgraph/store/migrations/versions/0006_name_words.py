"""The words of every stored name: ``name_words``, one row per word of each distinct normalised name.

A lookup finds the names that hold a name as whole words ('john' in 'john r bolton') from this
index instead of scanning every name (70-90 ms at 10k documents). It maps words to normalised
names only, so regrouping entities never touches it. Filled here from the names already stored.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    words = op.create_table(
        "name_words",
        sa.Column("word", sa.Text, nullable=False),
        sa.Column("norm", sa.Text, nullable=False),
    )
    op.create_index("ix_name_words_word", "name_words", ["word", "norm"])
    norms = op.get_bind().execute(sa.text("SELECT DISTINCT norm FROM names")).scalars().all()
    rows = [{"word": w, "norm": n} for n in norms for w in dict.fromkeys(n.split())]
    for i in range(0, len(rows), 5000):
        op.bulk_insert(words, rows[i : i + 5000])


def downgrade() -> None:
    op.drop_index("ix_name_words_word", table_name="name_words")
    op.drop_table("name_words")

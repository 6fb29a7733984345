"""Human judgements on pairs of entities (same / different / unsure) as stored edges, in the
nomenklatura style: the newest judgement of a pair is in force and nothing is deleted.

Kept apart from :mod:`claimgraph.store.resolution` so that reading them (the review queue) does
not load the resolver's name libraries.
"""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from claimgraph.store import schema
from claimgraph.store.writer import now

JUDGEMENTS = ("same", "different", "unsure")


def pair(a: str, b: str) -> tuple[str, str]:
    """Judgement edges are undirected; store them in one order."""
    return (a, b) if a <= b else (b, a)


def record(conn: Connection, a: str, b: str, judgement: str, user: str) -> None:
    if judgement not in JUDGEMENTS:
        raise ValueError(f"judgement must be one of {JUDGEMENTS}, not {judgement!r}")
    left, right = pair(a, b)
    conn.execute(
        insert(schema.judgements).values(
            left_id=left, right_id=right, judgement=judgement, user=user, created_at=now()
        )
    )


def judgements_in_force(conn: Connection) -> dict[tuple[str, str], str]:
    """The newest judgement of every pair ever judged."""
    j = schema.judgements
    rows = conn.execute(select(j.c.left_id, j.c.right_id, j.c.judgement).order_by(j.c.seq))
    return {(a, b): v for a, b, v in rows}

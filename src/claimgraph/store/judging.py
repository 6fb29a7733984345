"""What a person decides about two entities: merge, split, undo, and the review queue.

Every decision adds judgement edges (see :mod:`claimgraph.store.resolution`); none removes one.
A merge overrides any 'different' edge between the two groups, a split any 'same' edge between
the part that leaves and the part that stays, so the newest decision is the one in force.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection

from claimgraph.store import schema
from claimgraph.store.resolution import group_of, judgements_in_force, pair, recluster, record


@dataclass(slots=True)
class Candidate:
    """A pair the resolver found alike but that is not merged and nobody has judged."""

    left: str
    right: str
    score: float
    reason: str


def merge(conn: Connection, a: str, b: str, user: str) -> None:
    group_a, group_b = set(group_of(conn, a)), set(group_of(conn, b))
    for (left, right), judgement in judgements_in_force(conn).items():
        crossing = (left in group_a and right in group_b) or (left in group_b and right in group_a)
        if judgement == "different" and crossing and (left, right) != pair(a, b):
            record(conn, left, right, "unsure", user)
    record(conn, a, b, "same", user)
    recluster(conn)


def split(conn: Connection, entity_id: str, user: str) -> list[str]:
    """Take ``entity_id`` and the entities with its exact name out of their graph entity.

    When the whole group has that one name, ``entity_id`` alone leaves. Returns the ids that left.
    """
    e = schema.entities
    group = group_of(conn, entity_id)
    keys = dict(conn.execute(select(e.c.id, e.c.key).where(e.c.id.in_(group))).all())
    if len(group) < 2:
        return []
    leaving = {m for m in group if keys[m] == keys[entity_id]}
    if leaving == set(group):
        leaving = {entity_id}
    staying = [m for m in group if m not in leaving]
    for (left, right), judgement in judgements_in_force(conn).items():
        if judgement == "same" and ((left in leaving) != (right in leaving)) and {left, right} <= set(group):
            record(conn, left, right, "different", user)
    if keys[entity_id] in {keys[m] for m in staying}:  # one name group: part from each member
        targets = staying
    else:  # a name group is joined as one, so one edge to each staying name group is enough
        targets = list({keys[m]: m for m in reversed(staying)}.values())
    for other in targets:
        record(conn, entity_id, other, "different", user)
    recluster(conn)
    return sorted(leaving)


def undo(conn: Connection, a: str, b: str, user: str) -> None:
    """Withdraw the judgement in force between a and b: the algorithm decides that pair again."""
    record(conn, a, b, "unsure", user)
    recluster(conn)


def review_queue(conn: Connection, limit: int = 20) -> list[Candidate]:
    """The strongest candidate pairs that sit in different graph entities and were never judged."""
    c, e = schema.candidates, schema.entities
    judged = judgements_in_force(conn)
    ids = select(c.c.left_id).union(select(c.c.right_id)).scalar_subquery()
    canon = dict(conn.execute(select(e.c.id, e.c.canonical_id).where(e.c.id.in_(ids))).all())
    out: list[Candidate] = []
    rows = conn.execute(
        select(c.c.left_id, c.c.right_id, c.c.score, c.c.reason).order_by(
            c.c.score.desc(), c.c.left_id, c.c.right_id
        )
    )
    for left, right, score, reason in rows:
        if canon.get(left) == canon.get(right) or pair(left, right) in judged:
            continue
        if pair(canon.get(left, left), canon.get(right, right)) in judged:
            continue
        out.append(Candidate(left, right, score, reason))
        if len(out) >= limit:
            break
    return out

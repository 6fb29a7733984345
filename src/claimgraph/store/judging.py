"""What a person decides about entities: merge, split, undo, rename (the queue is in ``review``).

Every decision adds judgement edges (see :mod:`claimgraph.store.resolution`); none removes one.
A merge overrides any 'different' edge between the two groups, a split any 'same' edge between
the part that leaves and the part that stays, so the newest decision is the one in force.
"""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from claimgraph.errors import NotJudged
from claimgraph.store import schema, summaries
from claimgraph.store.names import fullest, norm
from claimgraph.store.queries import names_of
from claimgraph.store.judgements import judgements_in_force, pair, record
from claimgraph.store.resolution import group_of, recluster, regroup_without
from claimgraph.store.writer import now


def merge(conn: Connection, a: str, b: str, user: str, name: str | None = None) -> str:
    """Join the graph entities of members ``a`` and ``b``; returns the graph id of the result.

    The result is called ``name`` when given, else the fuller of the two actors' names, whichever
    member's group the graph id comes from: a label names it when its own head would not.
    """
    names = names_of(conn, [a, b])
    before = {a: names.get(a, a), b: names.get(b, b)}
    group_a, group_b = set(group_of(conn, a)), set(group_of(conn, b))
    for (left, right), judgement in judgements_in_force(conn).items():
        crossing = (left in group_a and right in group_b) or (left in group_b and right in group_a)
        if judgement == "different" and crossing and (left, right) != pair(a, b):
            record(conn, left, right, "unsure", user)
    record(conn, a, b, "same", user)
    recluster(conn)
    e = schema.entities
    graph_id = str(conn.execute(select(e.c.canonical_id).where(e.c.id == a)).scalar())
    if name:
        label(conn, graph_id, name, user)
    else:
        keep = fullest([before[a], before[b]])
        if names_of(conn, [graph_id])[graph_id] != keep:
            # on the member whose name it is, so that an undo leaves each side its own name
            label(conn, a if keep == before[a] else b, keep, user)
    return graph_id


def label(conn: Connection, entity_id: str, name: str, user: str) -> None:
    """Name the graph entity that ``entity_id`` belongs to (the newest label is its name)."""
    name = " ".join(name.split())
    if not norm(name):
        raise ValueError(f"{name!r} is no name")
    e = schema.entities
    graph_id = select(e.c.canonical_id).where(e.c.id == entity_id).scalar_subquery()
    summaries.forget_related(conn, conn.execute(select(graph_id)).scalar_one())
    conn.execute(
        insert(schema.labels).values(
            entity_id=entity_id, name=name, norm=norm(name), user=user, created_at=now(), graph_id=graph_id
        )
    )


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


def undo_merge(
    conn: Connection, side_a: list[str], side_b: list[str], user: str
) -> tuple[str, str, str, str]:
    """Withdraw the 'same' judgement that keeps members ``side_a`` and ``side_b`` in one graph entity.

    The newest such judgement whose withdrawal parts them is withdrawn ('unsure'). Returns that
    judgement's pair, who made it and when; raises :class:`NotJudged` when the two sides are
    apart already or were joined by the resolver alone (then ``split`` parts them).
    """
    e, j = schema.entities, schema.judgements
    gid_a = conn.execute(select(e.c.canonical_id).where(e.c.id == side_a[0])).scalar()
    gid_b = conn.execute(select(e.c.canonical_id).where(e.c.id == side_b[0])).scalar()
    if gid_a != gid_b:
        raise NotJudged("they are not one actor: there is no merge to undo")
    group = group_of(conn, side_a[0])
    inside = set(group)
    in_force = judgements_in_force(conn)
    rows = conn.execute(select(j.c.left_id, j.c.right_id, j.c.user, j.c.created_at).order_by(j.c.seq.desc()))
    seen: set[tuple[str, str]] = set()
    for left, right, who, when in rows:
        if (left, right) in seen or left not in inside or right not in inside:
            continue
        seen.add((left, right))
        if in_force.get((left, right)) != "same":
            continue
        mapping = regroup_without(conn, group, (left, right))
        if not {mapping[x] for x in side_a} & {mapping[x] for x in side_b}:
            record(conn, left, right, "unsure", user)
            recluster(conn)
            return left, right, who, when
    raise NotJudged("no judgement joined them (the resolver did): `claimgraph split` takes one out")

"""Keep the graph ids copied onto claims, quotes, quote mentions, names, labels and candidate pairs
equal to the entities'.

The views filter on these copies (one indexed column) instead of on a graph entity's members.
The writer fills them when a report is stored; whatever changes ``entities.canonical_id``
(resolution, merge, split, undo) calls :func:`sync` with the entities it moved.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Column, Table, func, select, union, update
from sqlalchemy.engine import Connection

from claimgraph.store import schema, summaries

E = schema.entities
_CHUNK = 500  # ids per statement: well under every backend's bound-parameter limit

# (table, member id column, graph id column)
LINKS: tuple[tuple[Table, Column[str], Column[str]], ...] = (
    (schema.claims, schema.claims.c.subject_id, schema.claims.c.subject_gid),
    (schema.claims, schema.claims.c.object_id, schema.claims.c.object_gid),
    (schema.claims, schema.claims.c.attributed_id, schema.claims.c.attributed_gid),
    (schema.quotes, schema.quotes.c.speaker_id, schema.quotes.c.speaker_gid),
    (schema.quote_mentions, schema.quote_mentions.c.entity_id, schema.quote_mentions.c.graph_id),
    (schema.names, schema.names.c.entity_id, schema.names.c.graph_id),
    (schema.labels, schema.labels.c.entity_id, schema.labels.c.graph_id),
    (schema.candidates, schema.candidates.c.left_id, schema.candidates.c.left_gid),
    (schema.candidates, schema.candidates.c.right_id, schema.candidates.c.right_gid),
)


def sync(conn: Connection, entity_ids: Collection[str] | None = None) -> None:
    """Copy ``canonical_id`` of the given entities (None: of all) onto the rows that name them,
    and delete the summaries of the actors they leave and join (see :mod:`summaries`)."""
    _forget_summaries(conn, entity_ids)
    for table, ref, column in LINKS:
        value = select(E.c.canonical_id).where(E.c.id == ref).scalar_subquery()
        statement = update(table).values({column.name: value})
        if entity_ids is None:
            conn.execute(statement.where(ref.is_not(None)))
            continue
        ids = sorted(entity_ids)
        for i in range(0, len(ids), _CHUNK):
            conn.execute(statement.where(ref.in_(ids[i : i + _CHUNK])))


def _forget_summaries(conn: Connection, entity_ids: Collection[str] | None) -> None:
    """Before the copies change: set aside the summaries of the graph ids the entities had (in
    the copies) and now have, and of the actors of the claims they are in (grouped by graph id).
    Entities of reports stored since summaries were last written set them aside until those
    reports are counted (:func:`summaries.defer`: their rows are all in those reports, which no
    summary counts yet); others delete them."""
    if entity_ids is None:
        summaries.forget_all(conn)
        return
    boundary = summaries.summarised_seq(conn)
    ids = sorted(entity_ids)
    for i in range(0, len(ids), _CHUNK):
        seqs = conn.execute(select(E.c.id, E.c.doc_seq).where(E.c.id.in_(ids[i : i + _CHUNK]))).all()
        old = [e for e, seq in seqs if seq <= boundary]
        if old:
            summaries.forget(conn, _actors(conn, old))
        if new := [e for e, seq in seqs if seq > boundary]:
            summaries.defer(conn, _actors(conn, new), min(seq for _e, seq in seqs if seq > boundary))


def _actors(conn: Connection, chunk: list[str]) -> list[str]:
    """The graph ids these entities have in the copies and in ``entities``, and those of the
    actors of the claims they are in."""
    c = schema.claims
    roles = (c.c.subject_gid, c.c.object_gid, c.c.attributed_gid)
    old = union(*(select(column).where(ref.in_(chunk)) for _table, ref, column in LINKS))
    new = select(E.c.canonical_id).where(E.c.id.in_(chunk))
    # one indexed arm per member column (see queries.about_query)
    members = (c.c.subject_id, c.c.object_id, c.c.attributed_id)
    claims = union(*(select(*roles).where(ref.in_(chunk)) for ref in members))
    partners = [g for row in conn.execute(claims) for g in row]
    return [*conn.execute(old).scalars(), *conn.execute(new).scalars(), *partners]


def stale(conn: Connection) -> int:
    """How many copied graph ids differ from their entity's ``canonical_id`` (0 in a sound store)."""
    total = 0
    for table, ref, column in LINKS:
        joined = table.join(E, E.c.id == ref)
        wrong = column.is_(None) | (column != E.c.canonical_id)
        total += conn.execute(select(func.count()).select_from(joined).where(wrong)).scalar() or 0
    return total

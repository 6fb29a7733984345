"""The names an actor was reported under, most used first, with the first reports of each (the
actor page's "Names and aliases"; the summaries keep them for big actors)."""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection

from claimgraph.store import queries, schema

E, N = schema.entities, schema.names
EARLY = 200  # first members looked at for example reports

NameUse = tuple[str, int, list[str]]  # name, report entities carrying it, first report ids


def name_examples(
    conn: Connection,
    graph_id: str,
    per_name: int = 3,
    limit: int = 12,
    counted: list[tuple[str, str, int]] | None = None,
) -> list[NameUse]:
    """The actor's ``limit`` most used names, with how many report entities carry each
    (``counted``: :func:`queries.name_counts`, read here if not given) and the ids of the first
    ``per_name`` reports of each, in ingest order."""
    per: dict[str, int] = defaultdict(int)
    norm_of: dict[str, str] = {}
    for name, key, n in counted if counted is not None else queries.name_counts(conn, graph_id):
        per[name] += n
        norm_of[name] = key
    top = sorted(per.items(), key=lambda x: (-x[1], x[0]))[:limit]
    # examples from the actor's first members (ingest order, from ix_entities_members); only a
    # name none of them carries needs a query of its own
    examples: dict[str, list[str]] = defaultdict(list)
    for name, doc_id in conn.execute(_examples(), {"gid": graph_id, "early": EARLY}):
        if len(examples[name]) < per_name and doc_id not in examples[name]:
            examples[name].append(doc_id)
    for name, _total in top:
        if name not in examples:
            params = {"gid": graph_id, "norm": norm_of[name], "name": name, "limit": per_name}
            examples[name] = list(conn.execute(_examples_of_name(), params).scalars())
    return [(name, total, examples[name]) for name, total in top]


@functools.cache
def _examples() -> Any:
    """The names of the first bound ``early`` members of bound ``gid``, with their reports, in
    ingest order."""
    first = (
        select(E.c.id, E.c.document_id, E.c.doc_seq)
        .where(E.c.canonical_id == bindparam("gid"))
        .order_by(E.c.doc_seq)
        .limit(bindparam("early"))
        .subquery()
    )
    return (
        select(N.c.name, first.c.document_id)
        .select_from(first.join(N, N.c.entity_id == first.c.id))
        .order_by(first.c.doc_seq, first.c.id)
    )


@functools.cache
def _examples_of_name() -> Any:
    """The first reports in which the actor is called a name (by ``ix_names_graph``)."""
    return (
        select(E.c.document_id)
        .select_from(N.join(E, E.c.id == N.c.entity_id))
        .where(N.c.graph_id == bindparam("gid"), N.c.norm == bindparam("norm"), N.c.name == bindparam("name"))
        .order_by(E.c.doc_seq)
        .limit(bindparam("limit"))
    )

"""Stream the whole graph out of the store, for exporters: constant memory at any size.

Every entity id yielded is a graph id (after resolution and judgements); only current
document versions are read.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from itertools import groupby
from typing import Any

from sqlalchemy import Engine, and_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from claimgraph.graph.claims import Claim
from claimgraph.graph.records import GraphDocument, GraphEntity, GraphQuote
from claimgraph.store import queries, schema
from claimgraph.store.names import norm

E, D, Q = schema.entities, schema.documents, schema.quotes
_BATCH = 2000


def _stream(engine: Engine, query: Select[Any]) -> Iterator[Any]:
    # stream_results: a server-side cursor on PostgreSQL, so rows are not all fetched at once
    with engine.connect() as conn:
        yield from conn.execution_options(stream_results=True, yield_per=_BATCH).execute(query)


def iter_documents(engine: Engine) -> Iterator[GraphDocument]:
    cols = (D.c.id, D.c.source, D.c.title, D.c.published, D.c.url, D.c.publisher)
    for row in _stream(engine, select(*cols).where(D.c.current).order_by(D.c.seq)):
        yield GraphDocument(*row)


def iter_entities(engine: Engine) -> Iterator[GraphEntity]:
    query = (
        select(E.c.canonical_id, E.c.id, E.c.name, E.c.type, E.c.aliases, E.c.document_id)
        .join(D, and_(D.c.id == E.c.document_id, D.c.current))
        .order_by(E.c.canonical_id, E.c.doc_seq, E.c.id)
    )
    with engine.connect() as names_conn:
        for graph_id, rows in groupby(_stream(engine, query), key=lambda r: r[0]):
            yield _entity(names_conn, graph_id, list(rows))


def _entity(conn: Connection, graph_id: str, rows: list[Any]) -> GraphEntity:
    head = next((r for r in rows if r[1] == graph_id), None)
    # the graph id's own member may sit in an older version of a report: name it from there
    name = head[2] if head else queries.names_of(conn, [graph_id]).get(graph_id, rows[0][2])
    types = Counter(r[3] for r in rows)
    seen, aliases = {norm(name)}, []
    for r in rows:
        for alias in [r[2], *json.loads(r[4])]:
            if (n := norm(alias)) not in seen:
                seen.add(n)
                aliases.append(alias)
    documents = list(dict.fromkeys(r[5] for r in rows))
    return GraphEntity(graph_id, name, types.most_common(1)[0][0], aliases, documents)


def iter_claims(engine: Engine) -> Iterator[Claim]:
    query = queries.claim_select().order_by(D.c.seq, schema.claims.c.start, schema.claims.c.id)
    for row in _stream(engine, query):
        yield Claim(*row)


def iter_quotes(engine: Engine) -> Iterator[GraphQuote]:
    """Quotes in report order, each with the actors it names (``about``: graph ids, its speaker
    aside), from the quote mentions the writer worked out."""
    sp, qm = E.alias("sp"), schema.quote_mentions
    query = (
        select(Q.c.id, Q.c.text, Q.c.kind, sp.c.canonical_id, Q.c.document_id, Q.c.start, Q.c.end)
        .add_columns(qm.c.graph_id)
        .select_from(
            Q.join(D, and_(D.c.id == Q.c.document_id, D.c.current))
            .outerjoin(sp, sp.c.id == Q.c.speaker_id)
            .outerjoin(qm, qm.c.quote_id == Q.c.id)
        )
        .order_by(D.c.seq, Q.c.start, Q.c.id, qm.c.graph_id)
    )
    for _quote_id, group in groupby(_stream(engine, query), key=lambda r: r[0]):
        rows = list(group)
        quote_id, text, kind, speaker, document_id, start, end, _ = rows[0]
        about = [g for g in dict.fromkeys(r[7] for r in rows) if g and g != speaker]
        yield GraphQuote(quote_id, text, kind, speaker, document_id, start, end, about)

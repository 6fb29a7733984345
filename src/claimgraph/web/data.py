"""Read queries the web pages need beyond the CLI's views: search with filters, and a report
with its mentions, quotes and claims (``actors.py`` has those about one actor).

Written in SQLAlchemy Core like the store, so they run on SQLite and PostgreSQL alike; user
input reaches the database only as bound parameters.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection

from claimgraph.graph.records import GraphDocument
from claimgraph.store import dialect, queries, schema
from claimgraph.store.names import norm
from claimgraph.web.names import NameIndex

E, N, D, Q, C = schema.entities, schema.names, schema.documents, schema.quotes, schema.claims
M, CAND = schema.mentions, schema.candidates
TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP")


@dataclass(slots=True)
class Filters:
    """Search filters: publication date range (ISO dates, inclusive), publisher, entity type."""

    since: str | None = None
    until: str | None = None
    publisher: str | None = None
    type: str | None = None

    def documents(self) -> list[Any]:
        """WHERE clauses on documents for the date range and publisher."""
        where: list[Any] = []
        if self.since:
            where.append(D.c.published >= self.since)
        if self.until:  # a date alone includes the whole day: '2020-01-05' < '2020-01-05T10:00'
            where.append(D.c.published < self.until + "\uffff")
        if self.publisher:
            where.append(D.c.publisher == self.publisher)
        return where


@dataclass(slots=True)
class ActorHit:
    id: str
    name: str
    type: str
    matched: str  # the name the query matched
    mentions: int


@dataclass(slots=True)
class SearchResults:
    query: str
    actors: list[ActorHit] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    reports: list[GraphDocument] = field(default_factory=list)


def search(
    conn: Connection, text: str, filters: Filters, limit: int = 10, index: NameIndex | None = None
) -> SearchResults:
    """Actors by any of their names (see :class:`NameIndex`), quotes and reports by their words
    (the last one as a prefix, being typed); the date range and publisher narrow quotes and
    reports, the type narrows actors."""
    out = SearchResults(text)
    key = norm(text)
    if not key:
        return out
    out.actors = _actors(conn, key, filters.type, limit, index or NameIndex())
    out.quotes = _quotes(conn, text, filters, limit)
    out.reports = _reports(conn, text, filters, limit)
    return out


def _actors(conn: Connection, key: str, type_: str | None, limit: int, index: NameIndex) -> list[ActorHit]:
    found = index.search(conn, key, limit * 3 if type_ else limit)
    ids = [h.graph_id for h in found]
    heads = {
        r[0]: (r[1], r[2]) for r in conn.execute(select(E.c.id, E.c.name, E.c.type).where(E.c.id.in_(ids)))
    }
    hits = []
    for h in found:
        if h.graph_id not in heads or (type_ and heads[h.graph_id][1] != type_):
            continue
        # the name as written, for "as ..." in the results
        matched = conn.execute(
            select(N.c.name).where(N.c.norm == h.norm, N.c.graph_id == h.graph_id).limit(1)
        ).scalar()
        hits.append(
            ActorHit(h.graph_id, heads[h.graph_id][0], heads[h.graph_id][1], matched or h.norm, h.count)
        )
    return hits[:limit]


def _quotes(conn: Connection, text: str, filters: Filters, limit: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(
            Q.c.id, Q.c.text, Q.c.speaker_gid, Q.c.document_id, Q.c.start, Q.c.end, D.c.title, D.c.published
        )
        .select_from(Q.join(D, and_(D.c.id == Q.c.document_id, D.c.current)))
        .where(dialect.quote_match(conn, text, prefix=True), *filters.documents())
        .order_by(D.c.published.desc(), Q.c.seq)
        .limit(limit)
    ).all()
    names = queries.names_of(conn, (r[2] for r in rows))
    keys = ("id", "text", "speaker", "document_id", "start", "end", "title", "published")
    return [{**dict(zip(keys, r, strict=True)), "speaker_name": names.get(r[2] or "")} for r in rows]


def _reports(conn: Connection, text: str, filters: Filters, limit: int) -> list[GraphDocument]:
    rows = conn.execute(
        select(D.c.id, D.c.source, D.c.title, D.c.published, D.c.url, D.c.publisher)
        .where(D.c.current, dialect.document_match(conn, text, prefix=True), *filters.documents())
        .order_by(D.c.published.desc(), D.c.seq.desc())
        .limit(limit)
    )
    return [GraphDocument(*r) for r in rows]


def most_reported(conn: Connection, limit: int = 12) -> list[ActorHit]:
    """The actors with the most report entities: where to start in a store one has not seen."""
    rows = conn.execute(
        select(E.c.canonical_id, func.count())
        .group_by(E.c.canonical_id)
        .order_by(func.count().desc(), E.c.canonical_id)
        .limit(limit)
    ).all()
    heads = {
        r[0]: (r[1], r[2])
        for r in conn.execute(select(E.c.id, E.c.name, E.c.type).where(E.c.id.in_([g for g, _ in rows])))
    }
    return [ActorHit(g, heads[g][0], heads[g][1], heads[g][0], n) for g, n in rows if g in heads]


def publishers(conn: Connection) -> list[str]:
    rows = conn.execute(select(D.c.publisher).where(D.c.current, D.c.publisher.is_not(None)).distinct())
    return sorted(r[0] for r in rows if r[0])


# -- a report -----------------------------------------------------------------------------


@dataclass(slots=True)
class Report:
    id: str
    title: str | None
    authors: list[str]
    publisher: str | None
    published: str | None
    url: str | None
    source: str | None
    version: int
    current: bool
    text: str
    entities: list[dict[str, Any]]  # mentions: start, end, entity (graph id), name, type
    quotes: list[dict[str, Any]]  # start, end, id, speaker (graph id), speaker_name, kind
    claims: list[dict[str, Any]]


def report(conn: Connection, document_id: str) -> Report | None:
    row = conn.execute(
        select(
            D.c.id,
            D.c.title,
            D.c.authors,
            D.c.publisher,
            D.c.published,
            D.c.url,
            D.c.source,
            D.c.version,
            D.c.current,
            D.c.text,
        ).where(D.c.id == document_id)
    ).first()
    if row is None:
        return None
    mentions = conn.execute(
        select(M.c.start, M.c.end, E.c.canonical_id, E.c.type)
        .select_from(M.join(E, E.c.id == M.c.entity_id))
        .where(M.c.document_id == document_id)
        .order_by(M.c.start)
    ).all()
    quotes = conn.execute(
        select(Q.c.id, Q.c.start, Q.c.end, Q.c.speaker_gid, Q.c.kind, Q.c.text)
        .where(Q.c.document_id == document_id)
        .order_by(Q.c.start)
    ).all()
    claims = conn.execute(
        select(
            C.c.id,
            C.c.kind,
            C.c.subject_gid,
            C.c.predicate,
            C.c.object_gid,
            C.c.value,
            C.c.unit,
            C.c.modality,
            C.c.attributed_gid,
            C.c.start,
            C.c.end,
        )
        .where(C.c.document_id == document_id)
        .order_by(C.c.start)
    ).all()
    ids = [m[2] for m in mentions] + [q[3] for q in quotes]
    ids += [x for c in claims for x in (c[2], c[4], c[8])]
    names = queries.names_of(conn, ids)
    return Report(
        row[0],
        row[1],
        json.loads(row[2] or "[]"),
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        bool(row[8]),
        row[9],
        [{"start": s, "end": e, "entity": g, "name": names.get(g, g), "type": t} for s, e, g, t in mentions],
        [
            {
                "id": i,
                "start": s,
                "end": e,
                "speaker": g,
                "speaker_name": names.get(g or ""),
                "kind": k,
                "text": txt,
            }
            for i, s, e, g, k, txt in quotes
        ],
        [
            {
                "id": c[0],
                "kind": c[1],
                "subject": c[2],
                "subject_name": names.get(c[2] or "", c[2]),
                "predicate": c[3],
                "object": c[4],
                "object_name": names.get(c[4] or "") if c[4] else None,
                "value": c[5],
                "unit": c[6],
                "modality": c[7],
                "by": c[8],
                "by_name": names.get(c[8] or "") if c[8] else None,
                "start": c[9],
                "end": c[10],
            }
            for c in claims
        ],
    )

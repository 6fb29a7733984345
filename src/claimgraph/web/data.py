"""Read queries the web pages need beyond the CLI's views: search with filters, a report with
its marks, the names an actor was reported under, its neighbourhood, its merge candidates.

Written in SQLAlchemy Core like the store, so they run on SQLite and PostgreSQL alike; user
input reaches the database only as bound parameters.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, or_, select
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


# -- an actor -----------------------------------------------------------------------------


@dataclass(slots=True)
class NameUse:
    name: str
    reports: int  # how many report entities (one per report) carry this name
    examples: list[GraphDocument]  # the first few of them


def names_used(conn: Connection, graph_id: str, per_name: int = 3, limit: int = 12) -> list[NameUse]:
    """The names the actor was reported under, most used first, with how many report entities
    carry each (from the covering index ``ix_names_graph``) and the first few reports of each."""
    counted = conn.execute(
        select(N.c.name, func.count())
        .where(N.c.graph_id == graph_id)
        .group_by(N.c.name)
        .order_by(func.count().desc(), N.c.name)
        .limit(limit)
    ).all()
    # examples from the actor's first members (ingest order, from ix_entities_members); only a
    # name none of them carries needs a query of its own
    first = [m[0] for m in queries.members(conn, graph_id, _EARLY)]
    examples: dict[str, list[str]] = defaultdict(list)
    rows = conn.execute(
        select(N.c.name, E.c.document_id, E.c.doc_seq)
        .select_from(N.join(E, E.c.id == N.c.entity_id))
        .where(N.c.entity_id.in_(first))
        .order_by(E.c.doc_seq)
    )
    for name, doc_id, _seq in rows:
        if len(examples[name]) < per_name and doc_id not in examples[name]:
            examples[name].append(doc_id)
    for name, _total in counted:
        if name not in examples:
            examples[name] = list(
                conn.execute(
                    select(E.c.document_id)
                    .select_from(N.join(E, E.c.id == N.c.entity_id))
                    .where(N.c.graph_id == graph_id, N.c.name == name)
                    .order_by(E.c.doc_seq)
                    .limit(per_name)
                ).scalars()
            )
    docs = queries.documents(conn, [d for name, _ in counted for d in examples[name]])
    return [NameUse(name, total, [docs[d] for d in examples[name] if d in docs]) for name, total in counted]


_EARLY = 200  # first members looked at for example reports


@dataclass(slots=True)
class MergeCandidate:
    member: str  # the member of this actor
    other: str  # the member of the other actor
    other_graph: str
    other_name: str
    other_type: str
    score: float
    reason: str


def merge_candidates(conn: Connection, graph_id: str, limit: int = 10) -> list[MergeCandidate]:
    """Candidate pairs linking one of the actor's members to a member of another actor."""
    mine = select(E.c.id).where(E.c.canonical_id == graph_id)
    rows = conn.execute(
        select(CAND.c.left_id, CAND.c.right_id, CAND.c.score, CAND.c.reason)
        .where(or_(CAND.c.left_id.in_(mine), CAND.c.right_id.in_(mine)))
        .order_by(CAND.c.score.desc())
        .limit(limit * 5)
    ).all()
    ids = {x for r in rows for x in r[:2]}
    canon = dict(conn.execute(select(E.c.id, E.c.canonical_id).where(E.c.id.in_(list(ids)))).all())
    heads = {
        r[0]: (r[1], r[2])
        for r in conn.execute(select(E.c.id, E.c.name, E.c.type).where(E.c.id.in_(list(set(canon.values())))))
    }
    out: list[MergeCandidate] = []
    seen: set[str] = set()
    for left, right, score, reason in rows:
        member, other = (left, right) if canon.get(left) == graph_id else (right, left)
        other_graph = canon.get(other, other)
        if other_graph == graph_id or other_graph in seen or other_graph not in heads:
            continue
        seen.add(other_graph)
        name, type_ = heads[other_graph]
        out.append(MergeCandidate(member, other, other_graph, name, type_, score, reason))
        if len(out) >= limit:
            break
    return out


# -- the neighbourhood --------------------------------------------------------------------


@dataclass(slots=True)
class Network:
    center: str
    nodes: list[dict[str, Any]]  # id, name, type, hop
    edges: list[dict[str, Any]]  # source, target, predicate, modality, statements


def network(
    conn: Connection,
    graph_id: str,
    hops: int = 1,
    predicate: str | None = None,
    modality: str | None = None,
    max_nodes: int = 80,
) -> Network:
    """The actor's relations and its neighbours' (``hops`` 1 or 2), counted per
    (subject, predicate, object, modality); at most ``max_nodes`` actors, nearest first."""
    hop_of = {graph_id: 0}
    edges: dict[tuple[str, str, str, str], int] = defaultdict(int)
    frontier = [graph_id]
    for hop in range(1, max(1, min(hops, 2)) + 1):
        found = _relations_of(conn, frontier, predicate, modality)
        nxt: list[str] = []
        for s, p, o, m, n in found:
            for x in (s, o):
                if x not in hop_of and len(hop_of) < max_nodes:
                    hop_of[x] = hop
                    nxt.append(x)
            if s in hop_of and o in hop_of:
                edges[(s, p, o, m)] += n
        frontier = nxt
        if not frontier:
            break
    heads = {
        r[0]: (r[1], r[2])
        for r in conn.execute(select(E.c.id, E.c.name, E.c.type).where(E.c.id.in_(list(hop_of))))
    }
    nodes = [
        {"id": g, "name": heads.get(g, (g, ""))[0], "type": heads.get(g, ("", ""))[1], "hop": h}
        for g, h in hop_of.items()
    ]
    return Network(
        graph_id,
        nodes,
        [
            {"source": s, "target": o, "predicate": p, "modality": m, "statements": n}
            for (s, p, o, m), n in sorted(edges.items())
        ],
    )


def _relations_of(
    conn: Connection, ids: list[str], predicate: str | None, modality: str | None
) -> list[tuple[str, str, str, str, int]]:
    out: list[tuple[str, str, str, str, int]] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        base = (
            select(C.c.subject_gid, C.c.predicate, C.c.object_gid, C.c.modality, func.count())
            .select_from(C.join(D, and_(D.c.id == C.c.document_id, D.c.current)))
            .where(C.c.kind == "relation", C.c.object_gid.is_not(None))
            .group_by(C.c.subject_gid, C.c.predicate, C.c.object_gid, C.c.modality)
        )
        if predicate:
            base = base.where(C.c.predicate == predicate)
        if modality:
            base = base.where(C.c.modality == modality)
        # one indexed arm per column rather than an OR (see queries.claims_about)
        for condition in (
            C.c.subject_gid.in_(chunk),
            and_(C.c.object_gid.in_(chunk), C.c.subject_gid.not_in(chunk)),
        ):
            out += [(r[0], r[1], r[2], r[3], r[4]) for r in conn.execute(base.where(condition))]
    return out

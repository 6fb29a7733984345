"""Read queries over graph entities: find an actor by name, and its claims, quotes and reports.

Only current document versions count. A graph entity is the set of stored entities whose
``canonical_id`` is its id; queries take the members as a subquery (one indexed lookup), so a
graph entity of thousands of reports costs no long parameter lists.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select, union_all
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from claimgraph.graph.claims import Claim
from claimgraph.graph.records import GraphDocument, GraphQuote
from claimgraph.store import dialect, schema
from claimgraph.store.names import norm

E, N, D, Q, C = schema.entities, schema.names, schema.documents, schema.quotes, schema.claims


@dataclass(slots=True)
class Match:
    """A graph entity that a name found, with how many of its members carry that name."""

    id: str
    name: str
    type: str
    hits: int


Members = Select[Any] | Sequence[str]


def members(graph_id: str) -> Select[Any]:
    """The member entity ids of a graph entity, as a subquery."""
    return select(E.c.id).where(E.c.canonical_id == graph_id)


def find(conn: Connection, name_or_id: str, limit: int = 10) -> list[Match]:
    """Graph entities by entity id, exact normalised name or alias, else by part of a name."""
    direct = conn.execute(select(E.c.canonical_id).where(E.c.id == name_or_id)).scalar()
    if direct:
        return [Match(direct, *_head(conn, direct), hits=1)]
    key = norm(name_or_id)
    if not key:
        return []
    for condition in (N.c.norm == key, N.c.norm.like(f"%{key}%")):
        rows = conn.execute(
            select(E.c.canonical_id, func.count())
            .select_from(N.join(E, E.c.id == N.c.entity_id))
            .where(condition)
            .group_by(E.c.canonical_id)
            .order_by(func.count().desc(), E.c.canonical_id)
            .limit(limit)
        ).all()
        if rows:
            return [Match(gid, *_head(conn, gid), hits=n) for gid, n in rows]
    return []


def _head(conn: Connection, graph_id: str) -> tuple[str, str]:
    row = conn.execute(select(E.c.name, E.c.type).where(E.c.id == graph_id)).one()
    return row[0], row[1]


def names_of(conn: Connection, graph_ids: Iterable[str | None]) -> dict[str, str]:
    """Display names of graph entities: the name of the member whose id is the graph id."""
    ids = sorted({g for g in graph_ids if g})
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        out.update(conn.execute(select(E.c.id, E.c.name).where(E.c.id.in_(ids[i : i + 500]))).all())
    return out


def aliases(conn: Connection, graph_id: str, member_ids: Members) -> tuple[str, str, list[str]]:
    """The graph entity's name, its most common type and its other names, most used first."""
    rows = conn.execute(
        select(N.c.name, N.c.norm, func.count())
        .where(N.c.entity_id.in_(member_ids))
        .group_by(N.c.name, N.c.norm)
    ).all()
    types: Counter[str] = Counter(
        dict(
            conn.execute(
                select(E.c.type, func.count()).where(E.c.canonical_id == graph_id).group_by(E.c.type)
            ).all()
        )
    )
    head, _ = _head(conn, graph_id)
    seen = {norm(head)}
    others = []
    for name, n, _count in sorted(rows, key=lambda r: (-r[2], r[0])):
        if n not in seen:
            seen.add(n)
            others.append(name)
    return head, types.most_common(1)[0][0] if types else "", others


@functools.cache
def claim_select() -> Select[Any]:
    """Claims with graph ids for subject, object and source, from current reports (built once)."""
    s, o, a = E.alias("s"), E.alias("o"), E.alias("a")
    return select(
        C.c.id,
        C.c.kind,
        s.c.canonical_id,
        C.c.predicate,
        o.c.canonical_id,
        C.c.value,
        C.c.qualifier,
        C.c.modality,
        a.c.canonical_id,
        C.c.document_id,
        C.c.evidence,
        C.c.start,
        C.c.end,
        C.c.unit,
        C.c.high,
    ).select_from(
        C.join(D, and_(D.c.id == C.c.document_id, D.c.current))
        .join(s, s.c.id == C.c.subject_id)
        .outerjoin(o, o.c.id == C.c.object_id)
        .outerjoin(a, a.c.id == C.c.attributed_id)
    )


def claims_about(conn: Connection, member_ids: Members) -> list[Claim]:
    """Relations and quantities whose subject or object is one of the members."""
    by_subject = claim_select().where(C.c.subject_id.in_(member_ids))
    by_object = claim_select().where(C.c.object_id.in_(member_ids))
    rows = conn.execute(union_all(by_subject, by_object)).all()
    seen: dict[str, Claim] = {}
    for r in rows:
        seen.setdefault(r[0], Claim(*r))
    return list(seen.values())


def documents(conn: Connection, ids: Iterable[str]) -> dict[str, GraphDocument]:
    wanted = sorted(set(ids))
    out: dict[str, GraphDocument] = {}
    for i in range(0, len(wanted), 500):
        rows = conn.execute(
            select(D.c.id, D.c.source, D.c.title, D.c.published, D.c.url, D.c.publisher).where(
                D.c.id.in_(wanted[i : i + 500])
            )
        )
        out.update((r[0], GraphDocument(*r)) for r in rows)
    return out


def reports_of(
    conn: Connection, graph_id: str, limit: int
) -> tuple[list[GraphDocument], int, str | None, str | None]:
    """The newest ``limit`` current reports a graph entity appears in, how many there are in all,
    and the first and last publication date (one pass over the reports' dates)."""
    docs = select(E.c.document_id).where(E.c.canonical_id == graph_id)
    rows = conn.execute(
        select(D.c.id, D.c.published)
        .where(D.c.current, D.c.id.in_(docs))
        .order_by(D.c.published.desc(), D.c.seq.desc())
    ).all()
    dates = [r[1] for r in rows if r[1]]
    latest = documents(conn, [r[0] for r in rows[:limit]])
    ordered = [latest[r[0]] for r in rows[:limit]]
    return ordered, len(rows), min(dates, default=None), max(dates, default=None)


def _quote_filters(
    conn: Connection, speaker: Members | None, about: Members | None, search: str | None
) -> list[Any]:
    where: list[Any] = []
    if speaker is not None:
        where.append(Q.c.speaker_id.in_(speaker))
    if about is not None:
        qm = schema.quote_mentions
        where.append(Q.c.id.in_(select(qm.c.quote_id).where(qm.c.entity_id.in_(about))))
        if speaker is None:  # what others say about it, not what it says
            where.append(Q.c.speaker_id.is_(None) | Q.c.speaker_id.not_in(about))
    if search:
        where.append(dialect.quote_match(conn, search))
    return where


def quotes(
    conn: Connection,
    speaker: Members | None = None,
    about: Members | None = None,
    search: str | None = None,
    limit: int | None = 50,
) -> list[GraphQuote]:
    """Quotes by any of ``speaker``'s members, mentioning any of ``about``'s, matching ``search``;
    newest report first."""
    sp = E.alias("sp")
    query = (
        select(Q.c.id, Q.c.text, Q.c.kind, sp.c.canonical_id, Q.c.document_id, Q.c.start, Q.c.end)
        .select_from(
            Q.join(D, and_(D.c.id == Q.c.document_id, D.c.current)).outerjoin(sp, sp.c.id == Q.c.speaker_id)
        )
        .where(*_quote_filters(conn, speaker, about, search))
        .order_by(D.c.published.desc(), D.c.seq.desc(), Q.c.start)
    )
    if limit:
        query = query.limit(limit)
    return [GraphQuote(*r) for r in conn.execute(query)]


def quotes_counted(
    conn: Connection,
    speaker: Members | None = None,
    about: Members | None = None,
    limit: int = 20,
) -> tuple[list[GraphQuote], int]:
    """The newest ``limit`` quotes by or about the members, and how many there are in all."""
    ids = (
        conn.execute(
            select(Q.c.seq)
            .select_from(Q.join(D, and_(D.c.id == Q.c.document_id, D.c.current)))
            .where(*_quote_filters(conn, speaker, about, None))
            .order_by(D.c.published.desc(), D.c.seq.desc(), Q.c.start)
        )
        .scalars()
        .all()
    )
    if not ids:
        return [], 0
    sp = E.alias("sp")
    rows = conn.execute(
        select(Q.c.seq, Q.c.id, Q.c.text, Q.c.kind, sp.c.canonical_id, Q.c.document_id, Q.c.start, Q.c.end)
        .select_from(Q.outerjoin(sp, sp.c.id == Q.c.speaker_id))
        .where(Q.c.seq.in_(ids[:limit]))
    ).all()
    by_seq = {r[0]: GraphQuote(*r[1:]) for r in rows}
    return [by_seq[s] for s in ids[:limit]], len(ids)


def search_documents(conn: Connection, text: str, limit: int = 20) -> list[GraphDocument]:
    rows = conn.execute(
        select(D.c.id, D.c.source, D.c.title, D.c.published, D.c.url, D.c.publisher)
        .where(D.c.current, dialect.document_match(conn, text))
        .order_by(D.c.published.desc(), D.c.seq.desc())
        .limit(limit)
    )
    return [GraphDocument(*r) for r in rows]

"""Read queries over graph entities: find an actor by name, and its claims, quotes and reports.

Only current document versions count. A graph entity is the set of stored entities whose
``canonical_id`` is its id; claims, quotes and names carry that graph id themselves (see
:mod:`claimgraph.store.graph_ids`), so an actor of thousands of reports is one index lookup.
Lists are cut to the newest ``limit`` rows by the database, which counts the rest.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, over, select, union_all
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select, Subquery

from claimgraph.graph.claims import Claim
from claimgraph.graph.records import GraphDocument, GraphQuote
from claimgraph.store import dialect, schema
from claimgraph.store.names import norm

E, N, D, Q, C = schema.entities, schema.names, schema.documents, schema.quotes, schema.claims
QM = schema.quote_mentions


@dataclass(slots=True)
class Match:
    """A graph entity that a name found, with how many of its members carry that name."""

    id: str
    name: str
    type: str
    hits: int


def find(conn: Connection, name_or_id: str, limit: int = 10) -> list[Match]:
    """Graph entities by entity id, exact normalised name or alias, else by part of a name."""
    direct = conn.execute(select(E.c.canonical_id).where(E.c.id == name_or_id)).scalar()
    if direct:
        return [Match(direct, *_head(conn, direct), hits=1)]
    key = norm(name_or_id)
    if not key:
        return []
    # counted on the names' own graph id (kept equal to canonical_id), from ix_names_norm alone
    for condition in (N.c.norm == key, N.c.norm.contains(key, autoescape=True)):  # "_" is no wildcard
        rows = conn.execute(
            select(N.c.graph_id, func.count())
            .where(condition)
            .group_by(N.c.graph_id)
            .order_by(func.count().desc(), N.c.graph_id)
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


def types_of(conn: Connection, graph_id: str) -> Counter[str]:
    """How many members of the graph entity have each entity type (their sum: all its members)."""
    rows = conn.execute(select(E.c.type, func.count()).where(E.c.canonical_id == graph_id).group_by(E.c.type))
    return Counter({type_: n for type_, n in rows})


def aliases(
    conn: Connection, graph_id: str, types: Counter[str] | None = None
) -> tuple[str, str, list[str]]:
    """The graph entity's name, its most common type (from ``types``, else counted here) and its
    other names, most used first."""
    rows = conn.execute(
        select(N.c.name, N.c.norm, func.count()).where(N.c.graph_id == graph_id).group_by(N.c.name, N.c.norm)
    ).all()
    if types is None:
        types = types_of(conn, graph_id)
    head, _ = _head(conn, graph_id)
    seen = {norm(head)}
    others = []
    for name, n, _count in sorted(rows, key=lambda r: (-r[2], r[0])):
        if n not in seen:
            seen.add(n)
            others.append(name)
    return head, types.most_common(1)[0][0] if types else "", others


def members(conn: Connection, graph_id: str, limit: int | None = None) -> list[tuple[str, str, str, float]]:
    """The first ``limit`` (None: all) per-report entities merged into the graph entity, in ingest
    order: id, name, report id, confidence. :func:`types_of` counts them all."""
    query = (
        select(E.c.id, E.c.name, E.c.document_id, E.c.confidence)
        .where(E.c.canonical_id == graph_id)
        .order_by(E.c.doc_seq)
    )
    rows = conn.execute(query.limit(limit) if limit is not None else query)
    return [(r[0], r[1], r[2], r[3]) for r in rows]


@functools.cache
def claim_select() -> Select[Any]:
    """Claims with graph ids for subject, object and source, from current reports (built once)."""
    return select(*claim_columns()).select_from(C.join(D, and_(D.c.id == C.c.document_id, D.c.current)))


def claim_columns() -> tuple[Any, ...]:
    """The columns of a :class:`Claim`, in its field order."""
    return (
        C.c.id,
        C.c.kind,
        C.c.subject_gid,
        C.c.predicate,
        C.c.object_gid,
        C.c.value,
        C.c.qualifier,
        C.c.modality,
        C.c.attributed_gid,
        C.c.document_id,
        C.c.evidence,
        C.c.start,
        C.c.end,
        C.c.unit,
        C.c.high,
    )


def claims_about(conn: Connection, graph_id: str) -> list[Claim]:
    """Relations and quantities whose subject or object is the graph entity."""
    by_subject = claim_select().where(C.c.subject_gid == graph_id)
    # one indexed arm per column rather than an OR, which PostgreSQL answers with a full scan
    by_object = claim_select().where(C.c.object_gid == graph_id, C.c.subject_gid != graph_id)
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


def _newest(matched: Select[Any], limit: int | None, *extra: Any) -> Subquery:
    """``matched`` cut to its newest ``limit`` rows (newest report first), with ``extra`` window
    aggregates over all of its rows.

    ``matched`` should select only ids and sort keys, which the covering indexes hold (migration
    0003): the wide columns (titles, quote text) are then read for the kept rows alone, by a join
    on the result. The window aggregates also make the filter a subquery the planner cannot merge
    into the outer LIMIT: else PostgreSQL walks every report down the date index, hoping to meet
    the few it wants early, instead of looking up the actor's rows by its index and sorting them.
    """
    inner = matched.add_columns(D.c.published.label("_published"), D.c.seq.label("_doc_seq"), *extra).subquery()
    query = select(inner).order_by(*newest_first(inner))
    return (query.limit(max(limit, 1)) if limit is not None else query).subquery()


def newest_first(rows: Subquery) -> list[Any]:
    """The order of :func:`_newest` results: newest report first, then by position in the report."""
    order: list[Any] = [rows.c._published.desc(), rows.c._doc_seq.desc()]
    if "start" in rows.c:
        order.append(rows.c.start)
    return order


def reports_of(
    conn: Connection, graph_id: str, limit: int
) -> tuple[list[GraphDocument], int, str | None, str | None]:
    """The newest ``limit`` current reports a graph entity appears in, how many there are in all,
    and the first and last publication date (one query)."""
    seen_in = select(D.c.id).where(
        D.c.current, D.c.id.in_(select(E.c.document_id).where(E.c.canonical_id == graph_id))
    )
    top = _newest(
        seen_in,
        limit,
        over(func.count()).label("_total"),
        over(func.min(D.c.published)).label("_first"),
        over(func.max(D.c.published)).label("_last"),
    )
    rows = conn.execute(
        select(D.c.id, D.c.source, D.c.title, D.c.published, D.c.url, D.c.publisher, top.c._total)
        .add_columns(top.c._first, top.c._last)
        .select_from(top.join(D, D.c.id == top.c.id))
        .order_by(*newest_first(top))
    ).all()
    if not rows:
        return [], 0, None, None
    return [GraphDocument(*r[:6]) for r in rows[:limit]], *rows[0][6:]


def _quote_filters(conn: Connection, speaker: str | None, about: str | None, search: str | None) -> list[Any]:
    where: list[Any] = []
    if speaker is not None:
        where.append(Q.c.speaker_gid == speaker)
    if about is not None:
        where.append(Q.c.id.in_(select(QM.c.quote_id).where(QM.c.graph_id == about)))
        if speaker is None:  # what others say about it, not what it says
            where.append(Q.c.speaker_gid.is_(None) | (Q.c.speaker_gid != about))
    if search:
        where.append(dialect.quote_match(conn, search))
    return where


def _newest_quotes(conn: Connection, where: list[Any], limit: int | None) -> list[Any]:
    """Rows of the quotes matching ``where``, newest ``limit`` first, each ending with the count of all."""
    matched = (
        select(Q.c.id, Q.c.start)
        .select_from(Q.join(D, and_(D.c.id == Q.c.document_id, D.c.current)))
        .where(*where)
    )
    top = _newest(matched, limit, over(func.count()).label("_total"))
    wide = (Q.c.id, Q.c.text, Q.c.kind, Q.c.speaker_gid, Q.c.document_id, Q.c.start, Q.c.end, top.c._total)
    query = select(*wide).select_from(top.join(Q, Q.c.id == top.c.id)).order_by(*newest_first(top))
    return list(conn.execute(query).all())


def quotes(
    conn: Connection,
    speaker: str | None = None,
    about: str | None = None,
    search: str | None = None,
    limit: int | None = 50,
) -> list[GraphQuote]:
    """Quotes by graph entity ``speaker``, mentioning graph entity ``about``, matching ``search``;
    newest report first."""
    rows = _newest_quotes(conn, _quote_filters(conn, speaker, about, search), limit or None)
    return [GraphQuote(*r[:-1]) for r in rows]


def quotes_counted(
    conn: Connection, speaker: str | None = None, about: str | None = None, limit: int = 20
) -> tuple[list[GraphQuote], int]:
    """The newest ``limit`` quotes by or about a graph entity, and how many there are in all."""
    rows = _newest_quotes(conn, _quote_filters(conn, speaker, about, None), limit)
    return [GraphQuote(*r[:-1]) for r in rows[:limit]], rows[0][-1] if rows else 0


def search_documents(conn: Connection, text: str, limit: int = 20) -> list[GraphDocument]:
    rows = conn.execute(
        select(D.c.id, D.c.source, D.c.title, D.c.published, D.c.url, D.c.publisher)
        .where(D.c.current, dialect.document_match(conn, text))
        .order_by(D.c.published.desc(), D.c.seq.desc())
        .limit(limit)
    )
    return [GraphDocument(*r) for r in rows]

"""Read queries over graph entities: find an actor by name, and its claims, quotes and reports.

Only current document versions count. A graph entity is the set of stored entities whose
``canonical_id`` is its id; claims, quotes and names carry that graph id themselves (see
:mod:`claimgraph.store.graph_ids`), so an actor of thousands of reports is one index lookup.
Lists are cut to the newest ``limit`` rows by the database, which counts the rest.

The statements a page runs many times are built once (``functools.cache``) with their values as
bound parameters: building a SQLAlchemy statement with subqueries costs more than running it
(2-3 ms against 1 ms for an actor's newest quotes at 10k reports).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, func, over, select, union_all
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Join, Select, Subquery
from sqlalchemy.sql.elements import BindParameter

from claimgraph.graph.claims import Claim
from claimgraph.graph.period import Period
from claimgraph.graph.records import GraphDocument, GraphQuote
from claimgraph.store import dialect, schema
from claimgraph.store.names import norm

E, N, D, Q, C = schema.entities, schema.names, schema.documents, schema.quotes, schema.claims
QM, L = schema.quote_mentions, schema.labels


CHUNK = 500  # ids bound in one IN list: well under every backend's bound-parameter limit
ALL_ROWS = 2**31 - 1  # the bound limit of a list asked for in full


def ids_param(name: str = "ids") -> BindParameter[Any]:
    """A bound list of values for ``IN``, given as a Python list when the statement runs."""
    return bindparam(name, expanding=True)


def chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    """Sorted distinct ids, :data:`CHUNK` at a time."""
    wanted = sorted(set(ids))
    for i in range(0, len(wanted), CHUNK):
        yield wanted[i : i + CHUNK]


@functools.cache
def _head() -> Select[Any]:
    return select(E.c.name, E.c.type).where(E.c.id == bindparam("id"))


def head(conn: Connection, graph_id: str) -> tuple[str, str]:
    """A graph entity's display name (see :func:`names_of`) and the type of its head member."""
    name, type_ = conn.execute(_head(), {"id": graph_id}).one()
    return labels_of(conn, [graph_id]).get(graph_id, str(name)), str(type_)


@functools.cache
def _names() -> Select[Any]:
    return select(E.c.id, E.c.name).where(E.c.id.in_(ids_param()))


def names_of(conn: Connection, graph_ids: Iterable[str | None]) -> dict[str, str]:
    """Display names of graph entities: the newest label people gave one of its members (rename,
    merge), else the name of the member whose id is the graph id."""
    ids = {g for g in graph_ids if g}
    out: dict[str, str] = {}
    for chunk in chunks(ids):
        out.update(conn.execute(_names(), {"ids": chunk}).all())
    out.update(labels_of(conn, ids))
    return out


@functools.cache
def _labels() -> Select[Any]:
    # by the graph id copied onto labels (0008), not a join over the actor's members
    return select(L.c.graph_id, L.c.name).where(L.c.graph_id.in_(ids_param())).order_by(L.c.seq)


def labels_of(conn: Connection, graph_ids: Iterable[str]) -> dict[str, str]:
    """The newest label of each graph entity that has one."""
    out: dict[str, str] = {}
    for chunk in chunks(graph_ids):
        rows = conn.execute(_labels(), {"ids": chunk})
        out.update((gid, name) for gid, name in rows)  # in label order: the newest stays
    return out


def in_period(period: Period | None) -> list[Any]:
    """WHERE conditions on the joined documents' publication dates (none for no period)."""
    where: list[Any] = []
    if period and period.start:
        where.append(D.c.published >= period.start)
    if period and period.end:
        where.append(D.c.published < period.end)
    return where


@functools.cache
def _types() -> Select[Any]:
    return select(E.c.type, func.count()).where(E.c.canonical_id == bindparam("gid")).group_by(E.c.type)


def types_of(conn: Connection, graph_id: str) -> Counter[str]:
    """How many members of the graph entity have each entity type (their sum: all its members), by
    type (``most_common`` breaks ties by that order on every backend)."""
    return Counter(dict(sorted((t, n) for t, n in conn.execute(_types(), {"gid": graph_id}))))


@functools.cache
def _name_counts() -> Select[Any]:
    return select(N.c.name, N.c.norm, func.count()).where(N.c.graph_id == bindparam("gid")).group_by(N.c.name, N.c.norm)


def name_counts(conn: Connection, graph_id: str) -> list[tuple[str, str, int]]:
    """The names of the graph entity's members: name, normalised name, how many members carry it
    (by name and normalised name, on every backend)."""
    return sorted((r[0], r[1], r[2]) for r in conn.execute(_name_counts(), {"gid": graph_id}))


def aliases(
    conn: Connection,
    graph_id: str,
    types: Counter[str] | None = None,
    counted: list[tuple[str, str, int]] | None = None,
    display: str | None = None,
) -> tuple[str, str, list[str]]:
    """The graph entity's name (``display``: :func:`names_of` it, else read here), its most
    common type (from ``types``, else counted here) and its other names, most used first (from
    ``counted``, :func:`name_counts`, else read here)."""
    rows = counted if counted is not None else name_counts(conn, graph_id)
    if types is None:
        types = types_of(conn, graph_id)
    if display is None:
        display, _ = head(conn, graph_id)
    seen = {norm(display)}
    others = []
    for name, n, _count in sorted(rows, key=lambda r: (-r[2], r[0])):
        if n not in seen:
            seen.add(n)
            others.append(name)
    return display, types.most_common(1)[0][0] if types else "", others


@functools.cache
def _members() -> Select[Any]:
    return (
        select(E.c.id, E.c.name, E.c.document_id, E.c.confidence)
        .where(E.c.canonical_id == bindparam("gid"))
        .order_by(E.c.doc_seq, E.c.id)  # members of one report by id (the index's order, not by type)
        .limit(bindparam("limit"))
    )


def members(conn: Connection, graph_id: str, limit: int | None = None) -> list[tuple[str, str, str, float]]:
    """The first ``limit`` (None: all) per-report entities merged into the graph entity, in ingest
    order: id, name, report id, confidence. :func:`types_of` counts them all."""
    rows = conn.execute(_members(), {"gid": graph_id, "limit": ALL_ROWS if limit is None else limit})
    return [(r[0], r[1], r[2], r[3]) for r in rows]


@functools.cache
def claim_select() -> Select[Any]:
    """Claims with graph ids for subject, object and source, from current reports (built once)."""
    return select(*claim_columns()).select_from(current_claims())


@functools.cache
def current_claims() -> Join:
    """Claims joined to their report, when it is current (built once)."""
    return C.join(D, and_(D.c.id == C.c.document_id, D.c.current))


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


def claims_about(conn: Connection, graph_id: str, period: Period | None = None) -> list[Claim]:
    """Relations and quantities whose subject or object is the graph entity, from reports
    published in ``period``."""
    return dated_claims(conn, graph_id, period).claims


@dataclass(slots=True)
class DatedClaims:
    claims: list[Claim]
    published: dict[str, str | None]  # report id -> publication date, for each claim's report
    seq: dict[str, int]  # report id -> ingest order


def period_params(period: Period | None) -> tuple[tuple[bool, bool], dict[str, str]]:
    """Which of :func:`dated_period`'s bounds a period has, and their values."""
    values = {k: v for k, v in (("start", period and period.start), ("end", period and period.end)) if v}
    return ("start" in values, "end" in values), values


def dated_period(start: bool, end: bool) -> list[Any]:
    """:func:`in_period` with bound parameters ``start`` and ``end``, for statements built once."""
    return [D.c.published >= bindparam("start")] * start + [D.c.published < bindparam("end")] * end


def about_query(query: Select[Any]) -> Any:
    """``query`` (over claims) for the claims about bound ``gid``: one indexed arm per column
    rather than an OR, which PostgreSQL answers with a full scan."""
    gid: Any = bindparam("gid")
    return union_all(query.where(C.c.subject_gid == gid), query.where(C.c.object_gid == gid, C.c.subject_gid != gid))


@functools.cache
def _dated_claims(about: bool, start: bool, end: bool) -> Any:
    dated = select(*claim_columns(), D.c.published, D.c.seq).select_from(current_claims())
    dated = dated.where(*dated_period(start, end))
    return about_query(dated) if about else dated


def dated_claims(conn: Connection, graph_id: str | None, period: Period | None = None) -> DatedClaims:
    """The claims about the graph entity (None: every claim) from reports published in
    ``period``, with the date and ingest order of their reports (read in the same query)."""
    bounds, values = period_params(period)
    # the two arms of the union are disjoint: no claim comes twice
    return _dated(conn.execute(_dated_claims(graph_id is not None, *bounds), {"gid": graph_id, **values}))


def _dated(rows: Iterable[Any]) -> DatedClaims:
    """Claims with their report's date and seq (columns 16 and 17), in ingest order of their
    reports, then by position (as conflicts list them; the indexes return them in their order)."""
    out = DatedClaims([], {}, {})
    for r in rows:
        out.claims.append(Claim(*r[:15]))
        out.published[r[9]] = r[15]
        out.seq[r[9]] = r[16]
    out.claims.sort(key=lambda c: (out.seq[c.document_id], c.start, c.id))
    return out


@functools.cache
def _documents() -> Select[Any]:
    return select(D.c.id, D.c.source, D.c.title, D.c.published, D.c.url, D.c.publisher).where(D.c.id.in_(ids_param()))


@functools.cache
def _of_predicates() -> Any:
    return about_query(
        select(*claim_columns(), D.c.published, D.c.seq)
        .select_from(current_claims())
        .where(C.c.predicate.in_(ids_param("predicates")))
    )


def claims_of_predicates(conn: Connection, graph_id: str, predicates: Iterable[str]) -> DatedClaims:
    """The claims about the graph entity with one of the given predicates (or properties)."""
    wanted = sorted(set(predicates))
    if not wanted:
        return DatedClaims([], {}, {})
    return _dated(conn.execute(_of_predicates(), {"gid": graph_id, "predicates": wanted}))


def documents(conn: Connection, ids: Iterable[str]) -> dict[str, GraphDocument]:
    out: dict[str, GraphDocument] = {}
    for chunk in chunks(ids):
        out.update((r[0], GraphDocument(*r)) for r in conn.execute(_documents(), {"ids": chunk}))
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
    if limit is None:
        return query.subquery()
    return query.limit(bindparam("limit") if limit == BOUND else max(limit, 1)).subquery()


BOUND = -1  # the ``limit`` of :func:`_newest` that binds it as a parameter named "limit"


def newest_first(rows: Subquery) -> list[Any]:
    """The order of :func:`_newest` results: newest report first, then by position in the report."""
    order: list[Any] = [rows.c._published.desc(), rows.c._doc_seq.desc()]
    if "start" in rows.c:
        order.append(rows.c.start)
    return order


def current_reports(rows: Any, document_id: Any) -> Any:
    """``rows`` joined to their report (by its ``document_id`` column), when it is current."""
    return rows.join(D, and_(D.c.id == document_id, D.c.current))


@functools.cache
def _report_stats() -> Any:
    return (
        select(func.count(func.distinct(E.c.document_id)), func.min(D.c.published), func.max(D.c.published))
        .select_from(current_reports(E, E.c.document_id))
        .where(E.c.canonical_id == bindparam("gid"))
    )


@functools.cache
def _newest_reports(among: bool = False) -> Select[Any]:
    """The reports of bound ``gid``, newest first (``among``: of bound ``kept`` only)."""
    where = [E.c.canonical_id == bindparam("gid")] + [E.c.document_id.in_(ids_param("kept"))] * among
    return (
        select(E.c.document_id)
        .select_from(current_reports(E, E.c.document_id))
        .where(*where)
        .order_by(E.c.doc_published.desc(), E.c.doc_seq.desc())
        .limit(bindparam("limit"))
    )


def newest(conn: Connection, query: Select[Any], params: dict[str, Any], limit: int) -> list[Any]:
    """The first ``limit`` distinct values of the first column of ``query`` (newest first, cut to
    a bound ``limit``): an index walk that stops early, asked for more only when a value repeats
    (an actor named by two of a report's entities, a quote naming it twice)."""
    asked = limit + 4
    while True:
        rows = conn.execute(query, {**params, "limit": asked}).all()
        found = list(dict.fromkeys(r[0] for r in rows))
        if len(found) >= limit or len(rows) < asked:
            return found[:limit]
        asked *= 4


def reports_of(
    conn: Connection, graph_id: str, limit: int
) -> tuple[list[GraphDocument], int, str | None, str | None]:
    """The newest ``limit`` current reports a graph entity appears in, how many there are in all,
    and the first and last publication date."""
    ids, total, first, last = report_ids(conn, graph_id, limit)
    docs = documents(conn, ids)
    return [docs[d] for d in ids if d in docs], total, first, last


def report_ids(conn: Connection, graph_id: str, limit: int) -> tuple[list[str], int, str | None, str | None]:
    """:func:`reports_of` with the reports' ids only."""
    total, first, last = conn.execute(_report_stats(), {"gid": graph_id}).one()
    if not total:
        return [], 0, None, None
    return newest(conn, _newest_reports(), {"gid": graph_id}, max(limit, 1)), int(total), first, last


def _quote_filters(speaker: bool, about: bool, start: bool, end: bool) -> list[Any]:
    """Conditions on quotes by bound ``speaker``, about bound ``about``, in a bound period."""
    where: list[Any] = dated_period(start, end)
    if speaker:
        where.append(Q.c.speaker_gid == bindparam("speaker"))
    if about:
        where.append(Q.c.id.in_(select(QM.c.quote_id).where(QM.c.graph_id == bindparam("about"))))
        if not speaker:  # what others say about it, not what it says
            where.append(Q.c.speaker_gid.is_(None) | (Q.c.speaker_gid != bindparam("about")))
    return where


def _newest_quotes(where: list[Any]) -> Select[Any]:
    """The quotes matching ``where``, newest bound ``limit`` first, each row ending with the count of all."""
    matched = (
        select(Q.c.id, Q.c.start)
        .select_from(Q.join(D, and_(D.c.id == Q.c.document_id, D.c.current)))
        .where(*where)
    )
    top = _newest(matched, BOUND, over(func.count()).label("_total"))
    wide = (Q.c.id, Q.c.text, Q.c.kind, Q.c.speaker_gid, Q.c.document_id, Q.c.start, Q.c.end, top.c._total)
    return select(*wide).select_from(top.join(Q, Q.c.id == top.c.id)).order_by(*newest_first(top))


@functools.cache
def _quotes(speaker: bool, about: bool, start: bool, end: bool) -> Select[Any]:
    return _newest_quotes(_quote_filters(speaker, about, start, end))


def _quote_rows(
    conn: Connection,
    speaker: str | None,
    about: str | None,
    search: str | None,
    limit: int | None,
    period: Period | None = None,
) -> list[Any]:
    bounds, values = period_params(period)
    params = {"speaker": speaker, "about": about, "limit": max(limit, 1) if limit else ALL_ROWS, **values}
    if search:  # the words' condition differs with each search: built each time
        where = [*_quote_filters(speaker is not None, about is not None, *bounds), dialect.quote_match(conn, search)]
        query = _newest_quotes(where)
    else:
        query = _quotes(speaker is not None, about is not None, *bounds)
    return list(conn.execute(query, params).all())


def quotes(
    conn: Connection,
    speaker: str | None = None,
    about: str | None = None,
    search: str | None = None,
    limit: int | None = 50,
    period: Period | None = None,
) -> list[GraphQuote]:
    """Quotes by graph entity ``speaker``, mentioning graph entity ``about``, matching ``search``,
    from reports published in ``period``; newest report first."""
    return [GraphQuote(*r[:-1]) for r in _quote_rows(conn, speaker, about, search, limit, period)]


@functools.cache
def _counted_quotes(about: bool, among: bool = False) -> tuple[Select[Any], Select[Any]]:
    """How many current quotes by bound ``gid`` (``about``: naming it, by others) there are, and
    the ids of the newest bound ``limit`` (by the report dates the rows carry: an index walk);
    ``among``: of bound ``kept`` only."""
    gid: Any = bindparam("gid")
    if not about:
        rows, where = current_reports(Q, Q.c.document_id), [Q.c.speaker_gid == gid]
        count = select(func.count())
        order = (Q.c.doc_published.desc(), Q.c.doc_seq.desc(), Q.c.start, Q.c.id)
        first = select(Q.c.id)
    else:
        rows = current_reports(QM.join(Q, Q.c.id == QM.c.quote_id), Q.c.document_id)
        where = [QM.c.graph_id == gid, Q.c.speaker_gid.is_(None) | (Q.c.speaker_gid != gid)]
        count = select(func.count(func.distinct(QM.c.quote_id)))
        order = (QM.c.doc_published.desc(), QM.c.doc_seq.desc(), QM.c.quote_start, QM.c.quote_id)
        first = select(QM.c.quote_id)
    if among:
        where.append((QM.c.quote_id if about else Q.c.id).in_(ids_param("kept")))
    return (
        count.select_from(rows).where(*where),
        first.select_from(rows).where(*where).order_by(*order).limit(bindparam("limit")),
    )


@functools.cache
def _quotes_by_id() -> Select[Any]:
    return select(Q.c.id, Q.c.text, Q.c.kind, Q.c.speaker_gid, Q.c.document_id, Q.c.start, Q.c.end).where(
        Q.c.id.in_(ids_param())
    )


def quotes_counted(
    conn: Connection, speaker: str | None = None, about: str | None = None, limit: int = 20
) -> tuple[list[GraphQuote], int]:
    """The newest ``limit`` quotes by (or else about) a graph entity, and how many there are in all."""
    ids, total = quote_ids(conn, speaker, about, limit)
    return quotes_by_id(conn, ids), total


def quote_ids(
    conn: Connection, speaker: str | None = None, about: str | None = None, limit: int = 20
) -> tuple[list[str], int]:
    """:func:`quotes_counted` with the quotes' ids only."""
    count, first = _counted_quotes(speaker is None)
    params = {"gid": speaker if speaker is not None else about}
    total = conn.execute(count, params).scalar() or 0
    if not total:
        return [], 0
    return newest(conn, first, params, max(limit, 1)), int(total)


def quotes_by_id(conn: Connection, ids: list[str]) -> list[GraphQuote]:
    """The quotes of the given ids, in that order."""
    found: dict[str, GraphQuote] = {}
    for chunk in chunks(ids):
        found.update((r[0], GraphQuote(*r)) for r in conn.execute(_quotes_by_id(), {"ids": chunk}))
    return [found[i] for i in ids if i in found]


def search_documents(conn: Connection, text: str, limit: int = 20) -> list[GraphDocument]:
    rows = conn.execute(
        select(D.c.id, D.c.source, D.c.title, D.c.published, D.c.url, D.c.publisher)
        .where(D.c.current, dialect.document_match(conn, text))
        .order_by(D.c.published.desc(), D.c.seq.desc())
        .limit(limit)
    )
    return [GraphDocument(*r) for r in rows]

"""Bring an actor summary up to date from the reports stored since it was written (issue #10).

A summary set aside by reports stored from ``since`` on (:func:`claimgraph.store.summaries.defer`:
no row of an earlier report changed) is the old summary plus what those reports hold: counts and
totals add up; the newest reports and quotes are the newest of the old lists and the new rows
(the database orders them, as for the full lists); the newest claims of each group are ranked
again among the old summary's and the new ones (the newest of a group are among them); conflicts
are found again among the claims of the predicates the new claims use, old and new, and kept
for the other predicates (a conflict never spans two predicates), in the order of all the
actor's conflicts (:func:`summaries.place`). The result is the summary :func:`summaries.compute`
computes from every row (``tests/web/test_summaries.py`` checks it), at a cost that follows the
new rows and the size of the summary rather than all of the actor's rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection

from claimgraph.graph.claims import Claim
from claimgraph.graph.conflicts import conflicting_predicates
from claimgraph.store import actor_names, queries, samples, schema
from claimgraph.store.summaries import (
    CONFLICT_SIDE,
    LIMIT,
    NAMES_LISTED,
    PER_NAME,
    ConflictIds,
    Summary,
    conflict_ids,
    conflicts_of,
)

E, N, D = schema.entities, schema.names, schema.documents


def update(conn: Connection, graph_id: str, old: Summary, since: int) -> Summary:
    """``old``, the summary of ``graph_id`` over the reports stored before ``since``, with the
    reports from ``since`` on counted in."""
    new = _new_members(conn, graph_id, since)
    if not new.ids:  # its rows of those reports all left it: nothing else changed
        return old
    gid = {"gid": graph_id, "docs": sorted(new.docs)}
    names = _names(old.names, new.names)
    new_about = samples.claim_refs(conn, about=graph_id, docs=new.docs)
    new_by = samples.claim_refs(conn, by=graph_id, docs=new.docs)
    placed, shown = _conflicts(conn, graph_id, old, {r.predicate for r in new_about})
    out = Summary(
        Counter(dict(sorted((old.types + new.types).items()))),
        names,
        _reports(conn, gid, old.reports, new.current),
        _quotes(conn, gid, old.quotes_by, about=False),
        _quotes(conn, gid, old.quotes_about, about=True),
        _ranked(old.about, old, new_about),
        _ranked(old.by, old, new_by),
        placed,
        _name_uses(conn, graph_id, old, names) if new.names else old.name_uses,
    )
    listed = [*out.about[0], *out.by[0]]
    claims = {i: old.claims[i] for i in listed if i in old.claims}
    claims.update(samples.claims_by_id(conn, [i for i in listed if i not in claims]))
    out.claims = {**claims, **shown}
    seqs = {**old.seqs, **{r.document_id: r.seq for r in (*new_about, *new_by)}}
    out.seqs = {d: seqs[d] for d in (c.document_id for c in claims.values())}
    quoted = queries.quotes_by_id(conn, [*out.quotes_by[0], *out.quotes_about[0]])
    docs = [
        *(c.document_id for c in out.claims.values()),
        *out.reports[0],
        *(q.document_id for q in quoted),
        *(d for _name, _n, ids in out.name_uses for d in ids),
    ]
    out.documents = {d: old.documents[d] for d in docs if d in old.documents}
    out.documents.update(queries.documents(conn, [d for d in dict.fromkeys(docs) if d not in out.documents]))
    return out


@dataclass(slots=True)
class _New:
    """The actor's members in the reports stored from ``since`` on: their ids, types and names,
    their reports, and those of the current ones with their dates."""

    ids: set[str] = field(default_factory=set)
    types: Counter[str] = field(default_factory=Counter)
    names: Counter[tuple[str, str]] = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)
    current: dict[str, str | None] = field(default_factory=dict)


def _new_members(conn: Connection, graph_id: str, since: int) -> _New:
    """One indexed read of the new members (``ix_entities_members``), with their names and reports."""
    rows = (
        select(E.c.id, E.c.type, E.c.document_id, D.c.current, D.c.published, N.c.name, N.c.norm)
        .select_from(E.join(D, D.c.id == E.c.document_id).outerjoin(N, and_(N.c.entity_id == E.c.id,
                                                                              N.c.graph_id == graph_id)))
        .where(E.c.canonical_id == graph_id, E.c.doc_seq >= since)
    )
    out = _New()
    for entity, type_, doc, current, published, name, key in conn.execute(rows):
        if entity not in out.ids:
            out.ids.add(entity)
            out.types[type_] += 1
        out.docs.add(doc)
        if current:
            out.current[doc] = published
        if name is not None:
            out.names[(name, key)] += 1
    return out


def _names(old: list[tuple[str, str, int]], new: Counter[tuple[str, str]]) -> list[tuple[str, str, int]]:
    """:func:`queries.name_counts` from the old counts and the names of the new members."""
    counts = Counter({(name, key): n for name, key, n in old}) + new
    return sorted((name, key, n) for (name, key), n in counts.items())


def _reports(
    conn: Connection,
    gid: dict[str, Any],
    old: tuple[list[str], int, str | None, str | None],
    new: dict[str, str | None],
) -> tuple[list[str], int, str | None, str | None]:
    """:func:`queries.report_ids` from the old ones and the current reports of the new members."""
    ids, total, first, last = old
    if not new:
        return old
    total += len(new)
    dates = [x for x in (first, last, *new.values()) if x is not None]
    if dates and conn.dialect.name == "sqlite":  # compares text as Python does
        first, last = min(dates), max(dates)
    elif dates:  # the least and greatest date as the database compares them (its collation)
        first, last = conn.execute(
            select(func.min(D.c.published), func.max(D.c.published)).where(D.c.published.in_(sorted(set(dates))))
        ).one()
    params = {**gid, "kept": [*ids, *new]}
    return queries.newest(conn, queries._newest_reports(among=True), params, LIMIT), total, first, last


def _name_uses(
    conn: Connection, graph_id: str, old: Summary, names: list[tuple[str, str, int]]
) -> list[actor_names.NameUse]:
    """:func:`actor_names.name_examples` with the new counts. An actor that had ``EARLY``
    members has the same first members (the new ones come after them), so a name that had all
    its examples keeps them; any other name in the new top sends it to the full computation."""
    per: Counter[str] = Counter()
    for name, _key, n in names:
        per[name] += n
    top = sorted(per.items(), key=lambda x: (-x[1], x[0]))[:NAMES_LISTED]
    examples = {name: docs for name, _n, docs in old.name_uses}
    if sum(old.types.values()) < actor_names.EARLY or any(len(examples.get(n, ())) < PER_NAME for n, _ in top):
        return actor_names.name_examples(conn, graph_id, PER_NAME, NAMES_LISTED, counted=names)
    return [(name, total, examples[name]) for name, total in top]


def _quotes(
    conn: Connection, gid: dict[str, Any], old: tuple[list[str], int], about: bool
) -> tuple[list[str], int]:
    """:func:`queries.quote_ids` from the old ones and the quotes of the new members' reports
    (a quote by the actor, or naming it, names one of its members)."""
    new, first = queries._counted_quotes(about, among=True)
    added = list(conn.execute(new, gid).scalars())
    if not added:
        return old
    params = {**gid, "kept": [*old[0], *added]}
    return queries.newest(conn, first, params, LIMIT), old[1] + len(added)


def _ranked(
    old: tuple[list[str], samples.Totals], summary: Summary, new: list[samples.Ref]
) -> tuple[list[str], samples.Totals]:
    """:func:`samples.rank` of all the claims from the old ranking's claims and the new ones:
    the newest of each group are among them, and so is each group's newest claim, which places
    the group in the totals' order."""
    if not new:
        return old
    refs = [
        samples.Ref(c.id, c.kind, c.subject, c.predicate, c.object, c.unit, c.modality, c.qualifier, c.value,
                    c.high, c.document_id, c.start, summary.documents[c.document_id].published,
                    summary.seqs[c.document_id])
        for c in (summary.claims[i] for i in old[0])
    ]
    ids, order = samples.rank(refs + new, LIMIT)
    added = samples.rank(new, None)[1]
    return ids, {key: old[1].get(key, 0) + added.get(key, 0) for key in order}


def _conflicts(
    conn: Connection, graph_id: str, old: Summary, touched: set[str]
) -> tuple[list[ConflictIds], dict[str, Claim]]:
    """The conflicts among all the actor's claims and the claims the page lists of them: found
    again among the claims of the ``touched`` predicates, kept from ``old`` for the others."""
    kept = [c for c in old.conflicts if c.predicate not in touched]
    shown = {i: old.claims[i] for c in kept for i in (*c.left[:CONFLICT_SIDE], *c.right[:CONFLICT_SIDE])}
    if touched:
        refs = samples.claim_refs(conn, about=graph_id, predicates=touched)
        dated = queries.claims_of_predicates(conn, graph_id, conflicting_predicates(samples.shapes(refs)))
        for where, c in conflicts_of(conn, dated):
            kept.append(conflict_ids(c, where))
            shown.update((x.id, x) for x in (*c.left[:CONFLICT_SIDE], *c.right[:CONFLICT_SIDE]))
    return sorted(kept, key=lambda c: c.place), shown


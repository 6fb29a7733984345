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
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from claimgraph.graph.claims import Claim
from claimgraph.graph.conflicts import conflicting_predicates
from claimgraph.store import actor_names, queries, samples, schema
from claimgraph.store.summaries import CONFLICT_SIDE, LIMIT, ConflictIds, Summary, conflict_ids, conflicts_of

E, N, D = schema.entities, schema.names, schema.documents


def update(conn: Connection, graph_id: str, old: Summary, since: int) -> Summary:
    """``old``, the summary of ``graph_id`` over the reports stored before ``since``, with the
    reports from ``since`` on counted in."""
    gid = {"gid": graph_id, "since": since}
    new_types = select(E.c.type, func.count()).where(E.c.canonical_id == graph_id, E.c.doc_seq >= since)
    types = old.types + Counter({t: n for t, n in conn.execute(new_types.group_by(E.c.type))})
    names = _names(conn, graph_id, since, old.names)
    new_about = samples.claim_refs(conn, about=graph_id, since=since)
    about = _ranked(conn, old.about, old, new_about)
    by = _ranked(conn, old.by, old, samples.claim_refs(conn, by=graph_id, since=since))
    placed, shown = _conflicts(conn, graph_id, old, {r.predicate for r in new_about})
    out = Summary(
        Counter(dict(sorted(types.items()))),
        names,
        _reports(conn, gid, old.reports),
        _quotes(conn, gid, old.quotes_by, about=False),
        _quotes(conn, gid, old.quotes_about, about=True),
        about,
        by,
        placed,
        actor_names.name_examples(conn, graph_id, counted=names),
    )
    wanted = [*about[0], *by[0]]
    claims = {i: old.claims[i] for i in wanted if i in old.claims}
    claims.update(samples.claims_by_id(conn, [i for i in wanted if i not in claims]))
    out.claims = {**claims, **shown}
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


def _names(
    conn: Connection, graph_id: str, since: int, old: list[tuple[str, str, int]]
) -> list[tuple[str, str, int]]:
    """:func:`queries.name_counts` from the old counts and the names of the new members."""
    counts = {(name, key): n for name, key, n in old}
    new = (
        select(N.c.name, N.c.norm, func.count())
        .select_from(N.join(E, E.c.id == N.c.entity_id))
        .where(N.c.graph_id == graph_id, E.c.doc_seq >= since)
        .group_by(N.c.name, N.c.norm)
    )
    for name, key, n in conn.execute(new):
        counts[(name, key)] = counts.get((name, key), 0) + n
    return sorted((name, key, n) for (name, key), n in counts.items())


def _reports(
    conn: Connection, gid: dict[str, Any], old: tuple[list[str], int, str | None, str | None]
) -> tuple[list[str], int, str | None, str | None]:
    """:func:`queries.report_ids` from the old ones and the reports stored since."""
    ids, total, first, last = old
    added, new_first, new_last = conn.execute(queries._report_stats(since=True), gid).one()
    total += int(added or 0)
    if not total:
        return [], 0, None, None
    if added:  # the least and greatest date as the database compares them
        dates = [x for x in (first, last, new_first, new_last) if x is not None]
        if dates:
            first, last = conn.execute(
                select(func.min(D.c.published), func.max(D.c.published)).where(D.c.published.in_(dates))
            ).one()
    params = {**gid, "kept": ids}
    return queries.newest(conn, queries._newest_reports(since=True), params, LIMIT), total, first, last


def _quotes(
    conn: Connection, gid: dict[str, Any], old: tuple[list[str], int], about: bool
) -> tuple[list[str], int]:
    """:func:`queries.quote_ids` from the old ones and the quotes of the reports stored since."""
    count, first = queries._counted_quotes(about, since=True)
    total = old[1] + (conn.execute(count, gid).scalar() or 0)
    if not total:
        return [], 0
    return queries.newest(conn, first, {**gid, "kept": old[0]}, LIMIT), int(total)


def _ranked(
    conn: Connection, old: tuple[list[str], samples.Totals], summary: Summary, new: list[samples.Ref]
) -> tuple[list[str], samples.Totals]:
    """:func:`samples.rank` of all the claims from the old ranking's claims and the new ones:
    the newest of each group are among them, and so is each group's newest claim, which places
    the group in the totals' order."""
    kept = [summary.claims[i] for i in old[0]]
    seqs = _seqs(conn, {c.document_id for c in kept})
    refs = [
        samples.Ref(c.id, c.kind, c.subject, c.predicate, c.object, c.unit, c.modality, c.qualifier, c.value,
                    c.high, c.document_id, c.start, summary.documents[c.document_id].published,
                    seqs[c.document_id])
        for c in kept
    ]
    ids, order = samples.rank(refs + new, LIMIT)
    added = samples.rank(new, None)[1]
    return ids, {key: old[1].get(key, 0) + added.get(key, 0) for key in order}


def _seqs(conn: Connection, ids: set[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for chunk in queries.chunks(sorted(ids)):
        out.update((d, seq) for d, seq in conn.execute(select(D.c.id, D.c.seq).where(D.c.id.in_(chunk))))
    return out


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


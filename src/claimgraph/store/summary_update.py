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

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, bindparam, func, select
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
Q, QM = schema.quotes, schema.quote_mentions


def update(conn: Connection, graph_id: str, old: Summary, since: int, batch: Batch | None = None) -> Summary:
    """``old``, the summary of ``graph_id`` over the reports stored before ``since``, with the
    reports from ``since`` on counted in (``batch``: what they hold, read for several actors)."""
    if batch is None:
        batch = read_batch(conn, {graph_id: since})
    new = batch.members.get(graph_id)
    if new is None:  # its rows of those reports all left it: nothing else changed
        return old
    gid = {"gid": graph_id}
    names = _names(old.names, new.names)
    new_about, new_by = batch.about.get(graph_id, []), batch.by.get(graph_id, [])
    placed, shown = _conflicts(conn, graph_id, old, {r.predicate for r in new_about})
    out = Summary(
        Counter(dict(sorted((old.types + new.types).items()))),
        names,
        _reports(conn, gid, old.reports, new.current),
        _quotes(conn, gid, old.quotes_by, batch.quotes_by.get(graph_id), about=False),
        _quotes(conn, gid, old.quotes_about, batch.quotes_about.get(graph_id), about=True),
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
    """An actor's members in the reports stored from its ``since`` on: their ids, types and
    names, and their current reports with their dates."""

    ids: set[str] = field(default_factory=set)
    types: Counter[str] = field(default_factory=Counter)
    names: Counter[tuple[str, str]] = field(default_factory=Counter)
    current: dict[str, str | None] = field(default_factory=dict)


@dataclass(slots=True)
class Batch:
    """What the reports stored from each actor's ``since`` on hold of it, read for all the actors
    at once: its new members; the claims about it and by it, the quotes by it and about it (each
    names one of its members, so they are in those members' reports)."""

    members: dict[str, _New] = field(default_factory=dict)
    about: dict[str, list[samples.Ref]] = field(default_factory=lambda: defaultdict(list))
    by: dict[str, list[samples.Ref]] = field(default_factory=lambda: defaultdict(list))
    quotes_by: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    quotes_about: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def read_batch(conn: Connection, since: dict[str, int]) -> Batch:
    """:class:`Batch` for the actors of ``since`` (graph id -> the first report not counted)."""
    out = Batch()
    seqs: dict[str, int] = {}
    low = min(since.values(), default=0)
    for chunk in queries.chunks(since):
        for g, entity, type_, doc, seq, current, published, name, key in conn.execute(
            _members(), {"gids": chunk, "low": low}
        ):
            if seq < since[g]:
                continue
            new = out.members.setdefault(g, _New())
            if entity not in new.ids:
                new.ids.add(entity)
                new.types[type_] += 1
            seqs[doc] = seq
            if current:
                new.current[doc] = published
            if name is not None:
                new.names[(name, key)] += 1

    def counted(g: str | None, seq: int) -> bool:
        return g is not None and g in out.members and seq >= since[g]

    for chunk in queries.chunks(seqs):
        for *ref, attributed in conn.execute(samples.refs_in_docs(), {"docs": chunk}):
            r = samples.Ref._make(ref)
            if counted(r.subject, r.seq):
                out.about[r.subject].append(r)
            if r.object != r.subject and counted(r.object, r.seq):
                out.about[str(r.object)].append(r)
            if counted(attributed, r.seq):
                out.by[attributed].append(r)
        for quote, speaker, named, seq in conn.execute(_quotes_in_docs(), {"docs": chunk}):
            if counted(speaker, seq):
                out.quotes_by[speaker].add(quote)
            if named != speaker and counted(named, seq):
                out.quotes_about[named].add(quote)
    return out


@functools.cache
def _members() -> Any:
    """The members of bound ``gids`` in reports from bound ``low`` on (``ix_entities_members``),
    with their reports and names."""
    named = and_(N.c.entity_id == E.c.id, N.c.graph_id == E.c.canonical_id)
    return (
        select(E.c.canonical_id, E.c.id, E.c.type, E.c.document_id, E.c.doc_seq, D.c.current, D.c.published,
               N.c.name, N.c.norm)
        .select_from(E.join(D, D.c.id == E.c.document_id).outerjoin(N, named))
        .where(E.c.canonical_id.in_(queries.ids_param("gids")), E.c.doc_seq >= bindparam("low"))
    )


@functools.cache
def _quotes_in_docs() -> Any:
    """The current quotes of bound ``docs``: id, speaker, an actor it names (or None), report seq."""
    return (
        select(Q.c.id, Q.c.speaker_gid, QM.c.graph_id, D.c.seq)
        .select_from(Q.join(D, and_(D.c.id == Q.c.document_id, D.c.current))
                     .outerjoin(QM, QM.c.quote_id == Q.c.id))
        .where(Q.c.document_id.in_(queries.ids_param("docs")))
    )


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
            select(func.min(D.c.published), func.max(D.c.published))
            .where(D.c.published.in_(sorted(set(dates))))
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
    complete = all(len(examples.get(name, ())) >= PER_NAME for name, _ in top)
    if sum(old.types.values()) < actor_names.EARLY or not complete:
        return actor_names.name_examples(conn, graph_id, PER_NAME, NAMES_LISTED, counted=names)
    return [(name, total, examples[name]) for name, total in top]


def _quotes(
    conn: Connection, gid: dict[str, Any], old: tuple[list[str], int], added: set[str] | None, about: bool
) -> tuple[list[str], int]:
    """:func:`queries.quote_ids` from the old ones and the ``added`` quotes."""
    if not added:
        return old
    first = queries._counted_quotes(about, among=True)[1]
    return queries.newest(conn, first, {**gid, "kept": [*old[0], *sorted(added)]}, LIMIT), old[1] + len(added)


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


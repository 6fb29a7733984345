"""The question views as plain data: an actor's profile, quotes with their context, claims,
conflicts and timeline. The CLI prints these; ``--format json`` dumps them as they are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Connection

from claimgraph.graph.claims import Claim, ClaimGroup, group_claims
from claimgraph.graph.conflicts import Conflict, conflicting_predicates, find_conflicts
from claimgraph.graph.period import Period
from claimgraph.graph.records import GraphDocument, GraphQuote
from claimgraph.graph.timeline import TimelineEntry, timeline
from claimgraph.store import queries, samples, summaries
from claimgraph.store.rebuttals import rebuttal_conflicts


@dataclass(slots=True)
class QuoteView:
    id: str
    text: str
    kind: str
    speaker: str | None
    speaker_name: str | None
    document_id: str
    title: str | None
    published: str | None
    start: int
    end: int


@dataclass(slots=True)
class Member:
    id: str
    name: str
    document_id: str
    confidence: float


@dataclass(slots=True)
class Profile:
    id: str
    name: str
    type: str
    aliases: list[str]
    first_seen: str | None
    last_seen: str | None
    reports: list[GraphDocument]  # the newest ones; counts["reports"] has how many in all
    relations: list[ClaimGroup]  # relations it is the subject or object of
    quantities: list[ClaimGroup]  # numbers about it
    quotes_by: list[QuoteView]
    quotes_about: list[QuoteView]
    claims_by: list[ClaimGroup]  # claims it is the source of
    # the first (oldest) per-report entities merged into it; counts["members"] has how many in all
    members: list[Member] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def quote_views(
    conn: Connection,
    found: list[GraphQuote],
    docs: dict[str, GraphDocument] | None = None,
    names: dict[str, str] | None = None,
) -> list[QuoteView]:
    """Quotes with their speaker's name and their report (``docs``, ``names``: already read)."""
    if docs is None:
        docs = queries.documents(conn, (q.document_id for q in found))
    if names is None:
        names = queries.names_of(conn, (q.speaker for q in found))
    out = []
    for q in found:
        doc = docs.get(q.document_id)
        out.append(
            QuoteView(
                q.id,
                q.text,
                q.kind,
                q.speaker,
                names.get(q.speaker or ""),
                q.document_id,
                doc.title if doc else None,
                doc.published if doc else None,
                q.start,
                q.end,
            )
        )
    return out


def _context(conn: Connection, claims: list[Claim]) -> tuple[dict[str, GraphDocument], dict[str, str]]:
    docs = queries.documents(conn, (c.document_id for c in claims))
    names = queries.names_of(conn, [x for c in claims for x in (c.subject, c.object, c.attributed_to)])
    return docs, names


def claim_groups(
    conn: Connection,
    about: str | None = None,
    by: str | None = None,
    per_group: int | None = 20,
    period: Period | None = None,
    found: samples.Sample | None = None,
    names: dict[str, str] | None = None,
) -> list[ClaimGroup]:
    """Claims about (or made by) the graph entity ``about`` (``by``) from reports published in
    ``period``, grouped; each group lists its newest ``per_group`` sources per modality and
    counts them all. ``found``: that sample, already taken; ``names``: names already read."""
    if found is None:
        found = samples.sample_claims(conn, about=about, by=by, per_group=per_group, period=period)
    ids = [x for c in found.claims for x in (c.subject, c.object, c.attributed_to)]
    if names is None or not {x for x in ids if x} <= names.keys():
        names = queries.names_of(conn, ids)
    return group_claims(found.claims, found.documents, names, found.totals)


def profile(
    conn: Connection,
    graph_id: str,
    limit: int = 20,
    about: samples.Sample | None = None,
    names: dict[str, str] | None = None,
) -> Profile:
    """Everything about one graph entity; lists hold the newest ``limit`` items, counts hold all.
    ``about``: the sample of claims about it, already taken; ``names``: names already read."""
    types = queries.types_of(conn, graph_id)
    name, type_, aliases = queries.aliases(conn, graph_id, types)
    reports, n_reports, first, last = queries.reports_of(conn, graph_id, limit)
    groups = claim_groups(conn, about=graph_id, per_group=limit, found=about, names=names)
    said = claim_groups(conn, by=graph_id, per_group=limit, names=names)
    by, n_by = queries.quotes_counted(conn, speaker=graph_id, limit=limit)
    about_it, n_about = queries.quotes_counted(conn, about=graph_id, limit=limit)
    member_rows = queries.members(conn, graph_id, limit)
    return Profile(
        graph_id,
        name,
        type_,
        aliases,
        first,
        last,
        reports,
        [g for g in groups if g.kind == "relation"],
        [g for g in groups if g.kind == "quantity"],
        quote_views(conn, by),
        quote_views(conn, about_it),
        said,
        [Member(*r) for r in member_rows],
        {
            "reports": n_reports,
            "quotes_by": n_by,
            "quotes_about": n_about,
            "members": sum(types.values()),
        },
    )


def conflicts(
    conn: Connection,
    graph_id: str | None = None,
    period: Period | None = None,
    dated: queries.DatedClaims | None = None,
    names: dict[str, str] | None = None,
) -> tuple[list[Conflict], dict[str, Any]]:
    """Conflicts about one actor (as subject or object), or across the whole store, among claims
    from reports published in ``period``; with the reports and names of the claims in them.
    ``dated``: those claims, already read; ``names``: their names, already read."""
    if dated is None:
        dated = queries.dated_claims(conn, graph_id, period)
    if names is None:
        names = queries.names_of(conn, [x for c in dated.claims for x in (c.subject, c.object, c.attributed_to)])
    found = find_conflicts(dated.claims, dated.published, names=names)
    found += rebuttal_conflicts(conn, graph_id)  # denials of another's words, from the texts
    # only the reports of the claims in a conflict are read, not those of every claim
    docs, more = _context(conn, [x for c in found for x in c.left + c.right])
    return found, {"documents": docs, "names": {**more, **names}}


def actor_page(
    conn: Connection, graph_id: str, limit: int = 20, summary: summaries.Summary | None = None
) -> tuple[Profile, list[Conflict], dict[str, Any]]:
    """An actor's profile (:func:`profile`) and conflicts (:func:`conflicts`). An actor of
    thousands of reports has thousands of claims: they are counted and ranked from the indexes,
    and read in full only where shown, or where a conflict is possible (``conflicting_predicates``).
    With the actor's ``summary`` (for ``limit`` :data:`summaries.LIMIT`), what it lists is read by
    id instead (:func:`summarised_page`)."""
    if summary is not None:
        return summarised_page(conn, graph_id, summary)
    refs = samples.claim_refs(conn, about=graph_id)
    about = samples.sample_of(conn, refs, limit)
    dated = queries.claims_of_predicates(conn, graph_id, conflicting_predicates(samples.shapes(refs)))
    claims = [*about.claims, *dated.claims]
    names = queries.names_of(conn, [x for c in claims for x in (c.subject, c.object, c.attributed_to)])
    return (profile(conn, graph_id, limit, about=about, names=names), *conflicts(conn, graph_id, dated=dated, names=names))


CONFLICT_SIDE = summaries.CONFLICT_SIDE  # the claims an actor page lists on each side of a conflict


def summarised_page(
    conn: Connection, graph_id: str, s: summaries.Summary
) -> tuple[Profile, list[Conflict], dict[str, Any]]:
    """:func:`actor_page` from the actor's summary, with the claims and reports it holds; the
    quotes it lists are read by id, the names of everyone, rebuttals and members as the page
    reads them always. A conflict holds the first :data:`CONFLICT_SIDE` claims of each side, the
    context's ``claim_ids`` the ids of all; its documents also hold the reports of ``s.name_uses``."""
    full = s.claims
    quotes = {q.id: q for q in queries.quotes_by_id(conn, [*s.quotes_by[0], *s.quotes_about[0]])}
    rebutted = rebuttal_conflicts(conn, graph_id)
    found = [
        Conflict(
            c.kind,
            c.subject,
            c.predicate,
            c.object,
            [full[i] for i in c.left[:CONFLICT_SIDE] if i in full],
            [full[i] for i in c.right[:CONFLICT_SIDE] if i in full],
            c.left_reports,
            c.right_reports,
        )
        for c in s.conflicts
    ]
    claim_ids = [[*c.left, *c.right] for c in s.conflicts]
    claim_ids += [[x.id for x in (*c.left, *c.right)] for c in rebutted]
    claims = [*full.values(), *(x for c in rebutted for x in (*c.left, *c.right))]
    reports = s.reports[0]
    rebuttal_docs = queries.documents(conn, (x.document_id for c in rebutted for x in (*c.left, *c.right)))
    docs = {**s.documents, **rebuttal_docs}
    named = [graph_id, *(x for c in claims for x in (c.subject, c.object, c.attributed_to))]
    names = queries.names_of(conn, [*named, *(q.speaker for q in quotes.values())])
    name, type_, aliases = queries.aliases(conn, graph_id, s.types, s.names, display=names.get(graph_id))
    about = samples.read_sample(conn, *s.about, full=full, docs=docs)
    groups = claim_groups(conn, found=about, names=names)
    said = claim_groups(conn, found=samples.read_sample(conn, *s.by, full=full, docs=docs), names=names)
    by = [quotes[i] for i in s.quotes_by[0] if i in quotes]
    about_it = [quotes[i] for i in s.quotes_about[0] if i in quotes]
    page = Profile(
        graph_id,
        name,
        type_,
        aliases,
        s.reports[2],
        s.reports[3],
        [docs[d] for d in reports if d in docs],
        [g for g in groups if g.kind == "relation"],
        [g for g in groups if g.kind == "quantity"],
        quote_views(conn, by, docs, names),
        quote_views(conn, about_it, docs, names),
        said,
        [Member(*r) for r in queries.members(conn, graph_id, summaries.LIMIT)],
        {
            "reports": s.reports[1],
            "quotes_by": s.quotes_by[1],
            "quotes_about": s.quotes_about[1],
            "members": sum(s.types.values()),
        },
    )
    return page, [*found, *rebutted], {"documents": docs, "names": names, "claim_ids": claim_ids}


def actor_timeline(conn: Connection, graph_id: str, period: Period | None = None) -> list[TimelineEntry]:
    claims = queries.claims_about(conn, graph_id, period)
    docs, names = _context(conn, claims)
    return timeline(claims, docs, names)

"""What each page shows, as plain data: the HTML page renders it, its /api/ twin returns it as JSON.

Each function takes the store and the request's parameters and calls the store's own views
(``Store.show``, ``claims``, ``conflicts``, ``timeline``, ``review_queue``) or the queries of
:mod:`claimgraph.web.data`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from claimgraph.errors import StoreError
from claimgraph.graph.claims import MODALITIES, ClaimGroup
from claimgraph.graph.conflicts import Conflict
from claimgraph.store import Store, summaries, views
from claimgraph.web import actors, data
from claimgraph.web.chart import quantity_charts
from claimgraph.web.names import NameIndex

PROFILE_FIELDS = (
    "id",
    "name",
    "type",
    "aliases",
    "first_seen",
    "last_seen",
    "reports",
    "quotes_by",
    "quotes_about",
    "members",
    "counts",
)


class NotFound(Exception):
    """No actor or report by that id."""


def search(
    store: Store, q: str, filters: data.Filters, limit: int = 10, index: NameIndex | None = None
) -> dict[str, Any]:
    with store.engine.connect() as conn:
        results = data.search(conn, q, filters, limit, index)
        return {"query": q, "filters": filters, "results": results}


def search_form(store: Store) -> dict[str, Any]:
    with store.engine.connect() as conn:
        return {
            "publishers": data.publishers(conn),
            "types": data.TYPES,
            "stats": store.stats(),
            "top": data.most_reported(conn),
        }


def _graph_id(store: Store, actor_id: str) -> str:
    try:
        return store.entity_id(actor_id)
    except StoreError as exc:
        raise NotFound(actor_id) from exc


def actor(store: Store, actor_id: str, limit: int = 20) -> dict[str, Any]:
    gid = _graph_id(store, actor_id)
    with store.engine.connect() as conn:  # one connection, one snapshot of the store
        # a big actor's counts, rankings and conflicts, kept by the store (the default limit's)
        summary = summaries.current(conn, gid) if limit == summaries.LIMIT else None
        profile, conflicts, ctx = views.actor_page(conn, gid, limit, summary)
        if summary is None:
            names = actors.names_used(conn, gid)
        else:
            names = actors.names_used(conn, gid, uses=summary.name_uses, docs=ctx["documents"])
        candidates = actors.merge_candidates(conn, gid)
    by_predicate: dict[str, list[ClaimGroup]] = defaultdict(list)
    for g in profile.relations:
        by_predicate[g.predicate].append(g)
    # the claim groups are given once, as the page shows them, not also inside the profile
    head = {f: getattr(profile, f) for f in PROFILE_FIELDS}
    return {
        "actor": head,
        "names": names,
        "relations_by_predicate": {p: [_group(g) for g in gs] for p, gs in sorted(by_predicate.items())},
        "quantities": [_group(g) for g in profile.quantities],
        "claims_by": [_group(g) for g in profile.claims_by],
        "charts": quantity_charts(profile.quantities),
        "conflicts": [_conflict(c, ctx, n) for n, c in enumerate(conflicts)],
        "merge_candidates": candidates,
    }


def _group(g: ClaimGroup) -> dict[str, Any]:
    """A claim group with what the page says of it: by whom and how firmly, and in how many reports."""
    stances = []
    for modality in MODALITIES:
        sources = g.sources.get(modality, [])
        if not sources:
            continue
        by = sorted({s.by_name or "" for s in sources})
        stances.append(
            {
                "modality": modality,
                "by": [b for b in by if b],
                "own_voice": "" in by,
                "statements": g.counts.get(modality, len(sources)),
                "reports": len({s.document_id for s in sources}),
                "sources": sources,
            }
        )
    return {
        "kind": g.kind,
        "subject": g.subject,
        "subject_name": g.subject_name,
        "predicate": g.predicate,
        "object": g.object,
        "object_name": g.object_name,
        "unit": g.unit,
        "statements": g.total,
        "reports": len(g.documents),  # independent reports among the listed sources
        "contested": g.contested,
        "stances": stances,
    }


def _conflict(c: Conflict, ctx: dict[str, Any], n: int) -> dict[str, Any]:
    """The ``n``-th conflict of the page: the first claims of each side (a summarised page reads
    no more, and gives the ids of all in ``ctx["claim_ids"]``)."""
    names, docs = ctx["names"], ctx["documents"]

    def side(claims: list[Any]) -> list[dict[str, Any]]:
        out = []
        for x in claims[: views.CONFLICT_SIDE]:
            doc = docs.get(x.document_id)
            out.append(
                {
                    "id": x.id,
                    "subject_name": names.get(x.subject, x.subject),
                    "modality": x.modality,
                    "value": x.value,
                    "qualifier": x.qualifier,
                    "by_name": names.get(x.attributed_to) if x.attributed_to else None,
                    "document_id": x.document_id,
                    "title": doc.title if doc else None,
                    "published": doc.published if doc else None,
                    "evidence": x.evidence,
                    "start": x.start,
                    "end": x.end,
                }
            )
        return out

    return {
        "kind": c.kind,
        "subject": c.subject,
        "subject_name": names.get(c.subject, c.subject),
        "predicate": c.predicate,
        "object": c.object,
        "object_name": names.get(c.object, c.object) if c.object else None,
        "left": side(c.left),
        "right": side(c.right),
        "claim_ids": ctx["claim_ids"][n] if "claim_ids" in ctx else [x.id for x in (*c.left, *c.right)],
    }


def report(store: Store, document_id: str) -> data.Report:
    with store.engine.connect() as conn:
        found = data.report(conn, document_id)
    if found is None:
        raise NotFound(document_id)
    return found


def network(
    store: Store, actor_id: str, hops: int = 1, predicate: str | None = None, modality: str | None = None
) -> dict[str, Any]:
    gid = _graph_id(store, actor_id)
    with store.engine.connect() as conn:
        net = actors.network(conn, gid, hops, predicate, modality)
        name = next((n["name"] for n in net.nodes if n["id"] == gid), gid)
    return {
        "id": gid,
        "name": name,
        "hops": hops,
        "predicate": predicate,
        "modality": modality,
        "network": net,
    }


def timeline(store: Store, actor_id: str, limit: int = 500) -> dict[str, Any]:
    """Claims about the actor and its quotes, in publication order; claims in a conflict marked."""
    gid = _graph_id(store, actor_id)
    entries = store.timeline(gid)
    conflicts, ctx = store.conflicts(gid)
    contested = {x.id for c in conflicts for x in (*c.left, *c.right)}
    # a rebuttal's sides are sentences, not stored claims: mark what is said in them
    spans = [(x.document_id, x.start, x.end) for c in conflicts for x in (*c.left, *c.right)]

    def disputed(document_id: str, start: int, end: int) -> bool:
        return any(d == document_id and s < end and start < e for d, s, e in spans)

    quotes = store.quotes(speaker=gid, limit=limit)
    name = store.show(gid, 1).name
    items: list[dict[str, Any]] = []
    for e in entries[:limit]:
        items.append(
            {
                "kind": "claim",
                "published": e.published,
                "document_id": e.document_id,
                "title": e.title,
                "summary": e.summary,
                "modality": e.claim.modality,
                "first": e.first,
                "conflict": e.claim.id in contested or disputed(e.document_id, e.claim.start, e.claim.end),
                "start": e.claim.start,
                "end": e.claim.end,
                "text": e.claim.evidence,
            }
        )
    for q in quotes:
        items.append(
            {
                "kind": "quote",
                "published": q.published,
                "document_id": q.document_id,
                "title": q.title,
                "summary": f"{q.speaker_name or name} said",
                "modality": None,
                "first": True,
                "conflict": disputed(q.document_id, q.start, q.end),
                "start": q.start,
                "end": q.end,
                "text": q.text,
            }
        )
    shown = {e.claim.id for e in entries[:limit]}
    for c in conflicts:  # the sides of a conflict that are no claim of the actor's (a rebuttal)
        for x in (*c.left, *c.right):
            if x.id in shown:
                continue
            shown.add(x.id)
            doc = ctx["documents"].get(x.document_id)
            by = ctx["names"].get(x.attributed_to or "", "")
            items.append(
                {
                    "kind": "claim",
                    "published": doc.published if doc else None,
                    "document_id": x.document_id,
                    "title": doc.title if doc else x.document_id,
                    "summary": f"{x.modality} by {by}" if by else x.modality,
                    "modality": x.modality,
                    "first": True,
                    "conflict": True,
                    "start": x.start,
                    "end": x.end,
                    "text": x.evidence,
                }
            )
    items.sort(key=lambda x: (x["published"] is None, x["published"] or "", x["document_id"], x["start"]))
    return {"id": gid, "name": name, "items": items, "conflicts": len(conflicts)}


def review(store: Store, limit: int = 10) -> dict[str, Any]:
    """The strongest undecided candidate pairs with each side's evidence, and recent judgements."""
    pairs = []
    for c in store.review_queue(limit):
        pairs.append({"candidate": c, "left": store.evidence(c.left, 3), "right": store.evidence(c.right, 3)})
    recent = list(reversed(store.judgements()))[:15]
    names = _member_names(store, [x for j in recent for x in (j["left_id"], j["right_id"])])
    in_force: dict[tuple[str, str], int] = {}
    for j in recent:
        in_force.setdefault((j["left_id"], j["right_id"]), j["seq"])
    for j in recent:
        j["left_name"] = names.get(j["left_id"], j["left_id"])
        j["right_name"] = names.get(j["right_id"], j["right_id"])
        j["in_force"] = in_force[(j["left_id"], j["right_id"])] == j["seq"]
    return {"pairs": pairs, "judgements": recent}


def _member_names(store: Store, ids: list[str]) -> dict[str, str]:
    from claimgraph.store import queries

    with store.engine.connect() as conn:
        return queries.names_of(conn, ids)

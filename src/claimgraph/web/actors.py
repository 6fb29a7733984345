"""Read queries about one actor that the CLI does not need: the names it was reported under with
their reports, its merge candidates, and its neighbourhood for the network view."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Connection

from claimgraph.graph.records import GraphDocument
from claimgraph.store import queries, schema

E, N, D, C, CAND = schema.entities, schema.names, schema.documents, schema.claims, schema.candidates


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

"""Read queries about one actor that the CLI does not need: the names it was reported under with
their reports, its merge candidates, and its neighbourhood for the network view."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, func, select, union_all
from sqlalchemy.engine import Connection

from claimgraph.graph.records import GraphDocument
from claimgraph.store import actor_names, queries, schema

E, D, C, CAND = schema.entities, schema.documents, schema.claims, schema.candidates


# -- an actor -----------------------------------------------------------------------------


@dataclass(slots=True)
class NameUse:
    name: str
    reports: int  # how many report entities (one per report) carry this name
    examples: list[GraphDocument]  # the first few of them


def names_used(
    conn: Connection,
    graph_id: str,
    per_name: int = 3,
    limit: int = 12,
    counted: list[tuple[str, str, int]] | None = None,
    uses: list[actor_names.NameUse] | None = None,
    docs: dict[str, GraphDocument] | None = None,
) -> list[NameUse]:
    """The names the actor was reported under, most used first, with how many report entities
    carry each and the first few reports of each (:func:`actor_names.name_examples`; ``uses``:
    those, already found; ``docs``: their reports, already read)."""
    if uses is None:
        uses = actor_names.name_examples(conn, graph_id, per_name, limit, counted)
    if docs is None:
        docs = queries.documents(conn, [d for _name, _total, ids in uses for d in ids])
    return [NameUse(name, total, [docs[d] for d in ids if d in docs]) for name, total, ids in uses]


@dataclass(slots=True)
class MergeCandidate:
    member: str  # the member of this actor
    other: str  # the member of the other actor
    other_graph: str
    other_name: str
    other_type: str
    score: float
    reason: str


@functools.cache
def _candidates() -> Any:
    """The best candidate pair with each other actor, for bound graph id ``gid``."""
    gid: Any = bindparam("gid")

    def pairs(member: Any, member_gid: Any, other: Any, other_gid: Any) -> Any:
        return select(
            member.label("member"), other.label("other"), other_gid.label("other_graph"), CAND.c.score, CAND.c.reason
        ).where(member_gid == gid, other_gid != gid)

    c = CAND.c  # one indexed arm per side rather than an OR
    both = union_all(
        pairs(c.left_id, c.left_gid, c.right_id, c.right_gid), pairs(c.right_id, c.right_gid, c.left_id, c.left_gid)
    ).subquery()
    best_first = (both.c.score.desc(), both.c.member, both.c.other)
    ranked = select(
        both, func.row_number().over(partition_by=both.c.other_graph, order_by=best_first).label("rank")
    ).subquery()
    return (
        select(ranked.c.member, ranked.c.other, ranked.c.other_graph, ranked.c.score, ranked.c.reason)
        .where(ranked.c.rank == 1)
        .order_by(ranked.c.score.desc(), ranked.c.other_graph)
        .limit(bindparam("limit"))
    )


@functools.cache
def _heads() -> Any:
    return select(E.c.id, E.c.name, E.c.type).where(E.c.id.in_(queries.ids_param()))


def merge_candidates(conn: Connection, graph_id: str, limit: int = 10) -> list[MergeCandidate]:
    """The actors a candidate pair links to this one, best pair first: the strongest pair between
    one of its members and one of theirs, for each of the ``limit`` best other actors."""
    rows = conn.execute(_candidates(), {"gid": graph_id, "limit": limit}).all()
    heads = {r[0]: (r[1], r[2]) for r in conn.execute(_heads(), {"ids": sorted({r[2] for r in rows})})}
    return [
        MergeCandidate(member, theirs, other_graph, *heads[other_graph], score, reason)
        for member, theirs, other_graph, score, reason in rows
        if other_graph in heads
    ]


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

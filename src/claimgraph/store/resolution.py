"""Apply cross-document entity resolution and the judgements people made to the stored entities.

Entities with the same normalised name and type form a *name group* (joined with score 1.0);
the resolver compares one profile per name group, which keeps it fast at thousands of reports.
A name that is only part of a name is no group across reports (issue #8): a person's one word
('Trump', 'Elizabeth') stays in its report's group and the resolver decides whom it stands for;
a state's body ('Interior Ministry', 'Labour Party') is grouped by name *and* country.
Judgements are edges between entity ids (``same`` / ``different`` / ``unsure``); the newest edge
of a pair is the one in force, and nothing is ever deleted, so every decision can be undone.
"""

from __future__ import annotations

import heapq
import json
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from claimgraph.graph import bodies as B
from claimgraph.graph import names as N
from claimgraph.graph.features import Features
from claimgraph.graph.resolve import EntityProfile, candidate_pairs, cluster, family, person_like
from claimgraph.store import graph_ids, rebuttals, schema
from claimgraph.store.judgements import judgements_in_force, pair
from claimgraph.store.report_facts import ReportFacts, lone_surname, report_facts, short_body

if TYPE_CHECKING:
    from claimgraph.store.incremental import Changes

log = logging.getLogger(__name__)

THRESHOLD = 0.85  # auto-merge at or over this score
MIN_SCORE = 0.5  # keep candidates from here up for review
_CONTEXT_REPORTS = 3  # reports of a name group whose other actors make up its context
_CONTEXT_NAMES = 40


@dataclass(slots=True)
class Member:
    id: str
    key: str
    doc_seq: int
    canonical_id: str
    confidence: float
    name: str
    type: str
    aliases: str  # JSON list, parsed only for the members that head a name group


def load_members(conn: Connection) -> list[Member]:
    e = schema.entities
    cols = (e.c.id, e.c.key, e.c.doc_seq, e.c.canonical_id, e.c.confidence, e.c.name, e.c.type, e.c.aliases)
    return [Member(*r) for r in conn.execute(select(*cols).order_by(e.c.doc_seq, e.c.id))]


def _document(member_id: str) -> str:
    return member_id.rsplit(":", 1)[0]


def group_key(m: Member, facts: ReportFacts | None) -> str:
    """The name group of a member: its key; its report too for a one-word person's name (or an
    organisation's one word used as a person's); its country too for a state's body."""
    doc = _document(m.id)
    if lone_surname(m.name, m.type):
        return f"{m.key}#{doc}"
    if family(m.type) == "org" and facts is not None:
        one_word = " " not in N.name_key(m.name)
        if one_word and person_like(m.name) and (m.id in facts.roles or N.name_key(m.name) in facts.surnames):
            return f"{m.key}#{doc}"
        if B.is_state_body(m.name) or short_body(m.name, facts):
            country = B.body_country([m.name, *json.loads(m.aliases)], facts.country)
            if country:
                return f"{m.key}@{country}"
    return m.key


def name_groups(all_members: list[Member], facts: dict[str, ReportFacts] | None = None) -> dict[str, list[Member]]:
    """Members by name group, earliest first: the first one stands for the name group."""
    groups: dict[str, list[Member]] = defaultdict(list)
    for m in all_members:
        groups[group_key(m, facts.get(_document(m.id)) if facts is not None else None)].append(m)
    return groups


def profiles(
    conn: Connection,
    groups: dict[str, list[Member]],
    facts: dict[str, ReportFacts] | None = None,
    heads: Mapping[str, str] | None = None,
) -> list[EntityProfile]:
    """One resolver profile per name group: every alias of its members, and as context the
    names of the other actors in the first few reports that mention it; the reports it is in,
    a body's country, the titles written before it and, for a surname alone, the full name
    written nearest before it (``heads``: member id -> its name group's profile id, for members
    of groups not given)."""
    e = schema.entities
    facts = facts or {}
    docs_of = {
        key: list(dict.fromkeys(_document(x.id) for x in ms))[:_CONTEXT_REPORTS]
        for key, ms in groups.items()
    }
    wanted = sorted({d for docs in docs_of.values() for d in docs})
    cast: dict[str, list[tuple[str, str]]] = defaultdict(list)  # document id -> (key, name)
    for i in range(0, len(wanted), 500):
        rows = conn.execute(
            select(e.c.document_id, e.c.key, e.c.name)
            .where(e.c.document_id.in_(wanted[i : i + 500]))
            .order_by(e.c.document_id, e.c.id)  # a fixed order: the same store resolves the same way
        )
        for doc, key, name in rows:
            cast[doc].append((key, name))
    head_of = {**(heads or {}), **{x.id: ms[0].id for ms in groups.values() for x in ms}}
    out = []
    for gkey, ms in groups.items():
        aliases: dict[str, None] = {}
        for x in ms:
            aliases.update(dict.fromkeys(json.loads(x.aliases)))
        head = ms[0]
        aliases.pop(head.name, None)
        others = dict.fromkeys(n for d in docs_of[gkey] for k, n in cast[d] if k != head.key)
        context = list(others)[:_CONTEXT_NAMES]
        documents = list(dict.fromkeys(_document(x.id) for x in ms))
        head_facts = facts.get(_document(head.id))
        roles = list(dict.fromkeys(r for x in ms if _document(x.id) in docs_of[gkey]
                                   for r in facts.get(_document(x.id), ReportFacts()).roles.get(x.id, [])))
        country = gkey.rsplit("@", 1)[1] if "@" in gkey else None
        if country is None and family(head.type) == "org":
            country = B.body_country([head.name, *aliases], head_facts.country if head_facts else None)
        near = head_facts.near.get(head.id) if head_facts else None
        body = family(head.type) == "org" and head_facts is not None and short_body(head.name, head_facts)
        countries = list(dict.fromkeys(c for d in docs_of[gkey] if (f := facts.get(d)) and (c := f.country)))
        out.append(EntityProfile(head.id, head.name, head.type, list(aliases), context, documents, country, roles,
                                 head_of.get(near) if near else None, body, countries, head.doc_seq))
    return out


def _prepare(conn: Connection) -> tuple[list[Member], dict[str, list[Member]], list[EntityProfile]]:
    all_members = load_members(conn)
    facts = report_facts(conn, dict.fromkeys(_document(m.id) for m in all_members))
    groups = name_groups(all_members, facts)
    return all_members, groups, profiles(conn, groups, facts)


def refresh_candidates(conn: Connection, min_score: float = MIN_SCORE) -> int:
    """Run the resolver over all name groups and keep its candidate pairs (derived data)."""
    members, groups, found = _prepare(conn)
    pairs = candidate_pairs(found, min_score=min_score)
    c = schema.candidates
    conn.execute(delete(c))
    rows = {pair(a, b): {"score": s, "reason": r} for a, b, s, r in pairs if a != b}
    graph = {x.id: x.canonical_id for x in members}  # as they are now; regrouping syncs them
    if rows:
        conn.execute(
            insert(c),
            [{"left_id": a, "right_id": b, "left_gid": graph.get(a), "right_gid": graph.get(b), **v}
             for (a, b), v in rows.items()],
        )
    log.info("resolver: %d name groups, %d candidate pairs", len(groups), len(rows))
    return len(rows)


def recluster(conn: Connection, threshold: float = THRESHOLD, only: Changes | None = None) -> int:
    """Recompute every entity's graph id from name groups, stored candidates and judgements;
    with ``only`` (as :func:`claimgraph.store.incremental.update_index` returns it), just the
    graph entities of the connected components of its name groups, and the members of the
    groups that follow another's place.

    A group's graph id is its earliest member, so ids stay put as reports are added.
    Returns how many entities changed graph id.
    """
    judged = [(a, b, j) for (a, b), j in judgements_in_force(conn).items()]
    if only is None:
        all_members, groups, group_profiles = _prepare(conn)
        c = schema.candidates
        pairs = select(c.c.left_id, c.c.right_id, c.c.score).order_by(c.c.left_id, c.c.right_id)
        candidates = [(a, b, s) for a, b, s in conn.execute(pairs)]
        edges, mapping = _cluster(all_members, candidates, judged, threshold, groups, group_profiles)
        return _regroup(conn, all_members, edges, mapping, judged, threshold)
    from claimgraph.store import incremental

    found = incremental.components(conn, only.groups, threshold, judged)
    if not found.judged:  # cluster the name groups' heads; their members follow them
        heads = incremental.head_members(conn, found.heads)
        groups = {x.id: [x] for x in heads}
        edges, mapping = _cluster(heads, found.candidates, [], threshold, groups, features=found.features)
        changed, moved = incremental.regroup_groups(conn, _targets(heads, edges, mapping, [], threshold))
        _moved(conn, moved)
    else:
        all_members, groups = incremental.members(conn, found.heads)
        inside = {x.id for x in all_members}
        judged = [(a, b, j) for a, b, j in judged if a in inside and b in inside]
        edges, mapping = _cluster(all_members, found.candidates, judged, threshold, groups, features=found.features)
        changed = _regroup(conn, all_members, edges, mapping, judged, threshold)
    followers = {g: v for g, v in only.follow.items() if g not in found.heads}
    more, moved = incremental.follow(conn, followers, only.joined)
    _moved(conn, moved)
    return changed + more


def _targets(
    all_members: list[Member],
    edges: list[tuple[str, str, float]],
    mapping: dict[str, str],
    judged: list[tuple[str, str, str]],
    threshold: float,
) -> dict[str, tuple[str, float]]:
    """Each member's graph id (its group's earliest member) and confidence after a clustering."""
    by_root: dict[str, list[Member]] = defaultdict(list)
    for x in all_members:  # already in (doc_seq, id) order: the first of a group is its graph id
        by_root[mapping.get(x.id, x.id)].append(x)
    adjacent: dict[str, list[tuple[str, float]]] = defaultdict(list)
    strong = [(a, b, s) for a, b, s in edges if s >= threshold]
    strong += [(a, b, 1.0) for a, b, j in judged if j == "same"]
    for a, b, s in strong:
        adjacent[a].append((b, s))
        adjacent[b].append((a, s))
    out = {}
    for group in by_root.values():
        confidence = _confidence(group[0].id, {x.id for x in group}, adjacent)
        for x in group:
            out[x.id] = (group[0].id, round(confidence.get(x.id, threshold), 4))
    return out


def _regroup(
    conn: Connection,
    all_members: list[Member],
    edges: list[tuple[str, str, float]],
    mapping: dict[str, str],
    judged: list[tuple[str, str, str]],
    threshold: float,
) -> int:
    """Store the graph ids and confidences of a clustering; returns how many entities changed."""
    changes = []
    moved: set[str] = set()  # entities whose graph id changes (not just their confidence)
    targets = _targets(all_members, edges, mapping, judged, threshold)
    for x in all_members:
        cid, conf = targets[x.id]
        if x.canonical_id != cid or abs(x.confidence - conf) > 1e-9:
            changes.append({"eid": x.id, "cid": cid, "conf": conf})
        if x.canonical_id != cid:
            moved.add(x.id)
    if changes:
        e = schema.entities
        conn.execute(
            update(e)
            .where(e.c.id == bindparam("eid"))
            .values(canonical_id=bindparam("cid"), confidence=bindparam("conf")),
            changes,
        )
        _moved(conn, moved)
    return len(changes)


def _moved(conn: Connection, moved: set[str]) -> None:
    if moved:
        graph_ids.sync(conn, moved)
        rebuttals.refresh_for_entities(conn, moved)  # found by graph id: who claims, who denies


def _cluster(
    all_members: list[Member],
    candidates: list[tuple[str, str, float]],
    judged: list[tuple[str, str, str]],
    threshold: float,
    groups: dict[str, list[Member]] | None = None,
    profiles: list[EntityProfile] | None = None,
    features: Mapping[str, Features] | None = None,
) -> tuple[list[tuple[str, str, float]], dict[str, str]]:
    """The edges (exact names, then candidates) and the clustering of ``all_members``; the
    groups' profiles or their features (a body's country, given names) let the resolver refuse merges."""
    groups = groups if groups is not None else name_groups(all_members)
    # A name group is a star around its earliest member, unless someone split members of the
    # same name apart: then the member with fewest such 'different' edges is the centre.
    key = {x.id: x.key for x in all_members}
    parted: Counter[str] = Counter()
    for a, b, j in judged:
        if j == "different" and key.get(a, a) == key.get(b, b):
            parted.update((a, b))
    edges: list[tuple[str, str, float]] = []  # exact-name edges first: a stable sort keeps them first
    for ms in groups.values():
        centre = min(ms, key=lambda x: parted[x.id]) if parted else ms[0]
        edges += [(x.id, centre.id, 1.0) for x in ms if x is not centre]
    edges += candidates
    ids = [x.id for x in all_members]
    # the heads' profiles let the resolver refuse merges across type families, given names or
    # the countries of state bodies
    heads = None if features is not None else (
        profiles or [EntityProfile(ms[0].id, ms[0].name, ms[0].type) for ms in groups.values()])
    return edges, cluster(ids, edges, judged, threshold=threshold, profiles=heads, features=features)


def regroup_without(conn: Connection, member_ids: list[str], withdrawn: tuple[str, str]) -> dict[str, str]:
    """How the members of one graph entity would group if the judgement on ``withdrawn`` were
    'unsure': the same clustering as :func:`recluster`, over these members alone."""
    e, c = schema.entities, schema.candidates
    cols = (e.c.id, e.c.key, e.c.doc_seq, e.c.canonical_id, e.c.confidence, e.c.name, e.c.type, e.c.aliases)
    query = select(*cols).where(e.c.id.in_(member_ids)).order_by(e.c.doc_seq, e.c.id)
    members = [Member(*r) for r in conn.execute(query)]
    inside = set(member_ids)
    judged = [
        (a, b, "unsure" if (a, b) == withdrawn else j)
        for (a, b), j in judgements_in_force(conn).items()
        if a in inside and b in inside
    ]
    pairs = select(c.c.left_id, c.c.right_id, c.c.score).where(
        c.c.left_id.in_(member_ids), c.c.right_id.in_(member_ids)
    )
    return _cluster(members, [(a, b, s) for a, b, s in conn.execute(pairs)], judged, THRESHOLD)[1]


def _confidence(root: str, group: set[str], adjacent: dict[str, list[tuple[str, float]]]) -> dict[str, float]:
    """Each member's confidence: the weakest link on the strongest path to the group's graph id."""
    best = {root: 1.0}
    heap = [(-1.0, root)]
    while heap:
        width, node = heapq.heappop(heap)
        if -width < best.get(node, 0.0):
            continue
        for nxt, s in adjacent.get(node, ()):
            w = min(-width, s)
            if nxt in group and w > best.get(nxt, 0.0):
                best[nxt] = w
                heapq.heappush(heap, (-w, nxt))
    return best


def group_of(conn: Connection, entity_id: str) -> list[str]:
    """Every member id of the graph entity that ``entity_id`` belongs to."""
    e = schema.entities
    canonical = select(e.c.canonical_id).where(e.c.id == entity_id).scalar_subquery()
    members = select(e.c.id).where(e.c.canonical_id == canonical).order_by(e.c.doc_seq, e.c.id)
    return list(conn.execute(members).scalars())


def key_of(conn: Connection, entity_id: str) -> Any:
    e = schema.entities
    return conn.execute(select(e.c.key).where(e.c.id == entity_id)).scalar()

"""Which actor a user means by a name: one answer, a numbered choice, or suggestions.

A name finds the graph entities that carry it, counted by how many of their names hold it: the
name itself ('Trump'), or as whole words of a longer name ('Donald Trump'), else as part of one
('Soleim'). One entity is chosen when the name is its very display name and no other actor
carries it exactly ('Supreme Court'), or when it carries the name at least ``DOMINANCE`` times as
often as any other ('Trump' is Donald Trump); the others are returned with the choice, for the
caller to mention. Otherwise the name is ambiguous ('John': John Bolton, John Kerry...) and the
caller gets them all. A name nobody has gets the stored names that come closest (rapidfuzz).
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.engine import Connection

from claimgraph.errors import AmbiguousName, UnknownName
from claimgraph.store import schema
from claimgraph.store.names import norm
from claimgraph.store.queries import head, names_of

E, N, L = schema.entities, schema.names, schema.labels
DOMINANCE = 3  # how many times more often the chosen actor carries the name than the next one
SUGGESTIONS = 5
LISTED = 10  # actors listed for an ambiguous name
CLOSE = 75  # rapidfuzz ratio (0-100) from which a stored name is suggested


@dataclass(slots=True)
class Match:
    """A graph entity that a name found, with how many of its names hold that name."""

    id: str
    name: str
    type: str
    hits: int
    own_name: bool = False  # the name is its display name, and no other actor carries it exactly


@dataclass(slots=True)
class Lookup:
    """The actor a name was taken to mean, and the others that carry the name less often."""

    id: str
    name: str
    others: list[Match] = field(default_factory=list)


def _like_escape(key: str) -> str:
    return key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _counted(conn: Connection, condition: object, limit: int) -> Counter[str]:
    rows = conn.execute(
        select(N.c.graph_id, func.count())
        .where(condition)  # type: ignore[arg-type]
        .group_by(N.c.graph_id)
        .order_by(func.count().desc(), N.c.graph_id)
        .limit(limit)
    )
    return Counter({gid: n for gid, n in rows if gid})


def _holding(conn: Connection, key: str, limit: int) -> Counter[str]:
    """Graph entities by their names that hold ``key`` as whole words of a longer name, found
    through the word index (``name_words``) by the key's first word."""
    w = schema.name_words
    first = key.split()[0]
    norms = conn.execute(select(w.c.norm).where(w.c.word == first).distinct()).scalars()
    longer = sorted(n for n in norms if n != key and f" {key} " in f" {n} ")
    found: Counter[str] = Counter()
    for i in range(0, len(longer), 500):
        found += _counted(conn, N.c.norm.in_(longer[i : i + 500]), limit)
    return found


def _labelled(conn: Connection, key: str) -> Counter[str]:
    """Graph entities people named so (rename, merge --name); each label counts as one name."""
    rows = conn.execute(
        select(E.c.canonical_id).select_from(L.join(E, E.c.id == L.c.entity_id)).where(L.c.norm == key)
    )
    return Counter(gid for (gid,) in rows)


@functools.cache
def _graph_id_of() -> Any:
    return select(E.c.canonical_id).where(E.c.id == bindparam("id"))


def find(conn: Connection, name_or_id: str, limit: int = 10) -> list[Match]:
    """Graph entities by entity id, else those carrying the name, most often first; an actor
    whose own display name it is comes first when it is the only one to carry it exactly."""
    direct = conn.execute(_graph_id_of(), {"id": name_or_id}).scalar()
    if direct:
        return [Match(direct, *head(conn, direct), hits=1, own_name=True)]
    key = norm(name_or_id)
    if not key:
        return []
    wide = max(limit, 50)
    exact = _counted(conn, N.c.norm == key, wide) + _labelled(conn, key)
    hits = exact + _holding(conn, key, wide)
    if not hits:
        k = _like_escape(key)
        hits = _counted(conn, N.c.norm.like(f"%{k}%", escape="\\"), wide)
    ranked = sorted(hits, key=lambda gid: (-hits[gid], gid))
    own: Match | None = None
    if len(exact) == 1:  # its own display name, and nobody else's name: it comes first
        (gid,) = exact
        name, type_ = head(conn, gid)
        if norm(name) == key:
            own = Match(gid, name, type_, hits[gid], own_name=True)
            ranked.remove(gid)
    found = [Match(gid, *head(conn, gid), hits=hits[gid]) for gid in ranked[: limit - (own is not None)]]
    return [own, *found] if own else found


def resolve(conn: Connection, name_or_id: str, where: str, strict: bool = False) -> Lookup:
    """The actor ``name_or_id`` means, or :class:`UnknownName` / :class:`AmbiguousName`
    (``where`` names the store in their messages). ``strict``, for what changes the store (merge,
    rename, split): a name that other actors carry too is ambiguous however rarely they do,
    unless it is the chosen actor's own display name."""
    found = find(conn, name_or_id, limit=LISTED + 1)
    if not found:
        raise UnknownName(name_or_id, where, suggestions(conn, name_or_id))
    best, rest = found[0], found[1:]
    dominant = best.hits >= DOMINANCE * rest[0].hits if rest else True
    if rest and not best.own_name and (strict or not dominant):
        reports = _reports(conn, [m.id for m in found])
        rows = [(m.id, m.name, m.type, reports.get(m.id, 0)) for m in found]
        raise AmbiguousName(name_or_id, where, rows[:LISTED], more=len(rows) > LISTED)
    return Lookup(best.id, best.name, rest)


def _reports(conn: Connection, graph_ids: list[str]) -> dict[str, int]:
    rows = conn.execute(
        select(E.c.canonical_id, func.count(func.distinct(E.c.document_id)))
        .where(E.c.canonical_id.in_(graph_ids))
        .group_by(E.c.canonical_id)
    )
    return {gid: n for gid, n in rows}


def suggestions(conn: Connection, name: str, limit: int = SUGGESTIONS) -> list[str]:
    """Display names of the actors whose stored names come closest to ``name`` (rapidfuzz).

    A name is compared by its runs of as many words as ``name`` has, so 'Soleimeni' meets
    'Qasem Soleimani' through 'soleimani', and a short name does not win by being short.
    """
    from rapidfuzz import fuzz, process

    key = norm(name) or name.lower()
    width = len(key.split())
    graph_of = dict(conn.execute(select(N.c.norm, func.min(N.c.graph_id)).group_by(N.c.norm)).all())
    runs: dict[str, str] = {}  # a run of words -> the stored name it comes from (the shortest)
    for stored in sorted(graph_of, key=len, reverse=True):
        words = stored.split()
        for i in range(max(1, len(words) - width + 1)):
            runs[" ".join(words[i : i + width])] = stored
    close = process.extract(key, list(runs), scorer=fuzz.ratio, limit=limit * 4, score_cutoff=CLOSE)
    gids = list(dict.fromkeys(graph_of[runs[run]] for run, _score, _i in close))[:limit]
    names = names_of(conn, gids)
    return list(dict.fromkeys(names[g] for g in gids if g in names))

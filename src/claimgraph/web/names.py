"""Actors by any part of any of their names, as you type, without scanning the names table.

The store's index answers an exact name or a name's beginning; a word inside a name ("trump" in
"donald trump") would need a scan of every name row on each keystroke. So the distinct
(normalised name, graph id) pairs, a few thousand even at 10k reports, are held in memory and
reloaded when the store changes: a new report or judgement (checked by two indexed lookups, at
most every second), else every few minutes, as resolution run by another process leaves no such
trace. A stale entry still leads to the right actor: its id is a member id, and the actor page
finds the current graph entity of any member.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from claimgraph.store import schema

N, D, J = schema.names, schema.documents, schema.judgements
CHECK_EVERY = 1.0  # seconds between looks at the store's version
RELOAD_EVERY = 300.0  # seconds after which the names are reloaded anyway


@dataclass(slots=True)
class NameHit:
    graph_id: str
    norm: str  # the best-matching normalised name
    count: int  # how many report entities carry a matching name


class NameIndex:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._names: list[tuple[str, str, int]] = []  # (norm, graph id, uses)
        self._version: tuple[object, ...] | None = None
        self._checked = 0.0
        self._loaded = 0.0

    def _fresh(self, conn: Connection) -> None:
        now = time.monotonic()
        if self._version is not None and now - self._checked < CHECK_EVERY:
            return
        with self._lock:
            if self._version is not None and now - self._checked < CHECK_EVERY:
                return
            version = (
                conn.execute(select(func.max(D.c.seq))).scalar(),
                conn.execute(select(func.max(J.c.seq))).scalar(),
            )
            self._checked = now
            if version != self._version or now - self._loaded > RELOAD_EVERY:
                rows = conn.execute(
                    select(N.c.norm, N.c.graph_id, func.count()).group_by(N.c.norm, N.c.graph_id)
                )
                self._names = [(n, g, c) for n, g, c in rows if g]
                self._version, self._loaded = version, now

    def search(self, conn: Connection, key: str, limit: int) -> list[NameHit]:
        """Graph entities named ``key``, then with a name starting with it, then with a word
        starting with it, then containing it; within each, the most used first."""
        self._fresh(conn)
        tiers: list[dict[str, NameHit]] = [defaultdict(), defaultdict(), defaultdict(), defaultdict()]
        word = " " + key
        for norm, gid, uses in self._names:
            if norm == key:
                tier = 0
            elif norm.startswith(key):
                tier = 1
            elif word in norm:
                tier = 2
            elif key in norm:
                tier = 3
            else:
                continue
            hits = tiers[tier]
            if gid in hits:
                hits[gid].count += uses
            else:
                hits[gid] = NameHit(gid, norm, uses)
        out: list[NameHit] = []
        seen: set[str] = set()
        for hits in tiers:
            for hit in sorted(hits.values(), key=lambda h: (-h.count, h.graph_id)):
                if hit.graph_id not in seen:
                    seen.add(hit.graph_id)
                    out.append(hit)
        return out[:limit]

"""A block's members near its changed members, read by an ordered scan (issue #10).

A block of more than ``MAX_BLOCK`` profiles compares a sliding window over its members sorted by
(sort, group id) (``resolve._block_pairs``; the sort is the name's key, then when the store took
the profile: ``resolve.window_sort``, so new members come after the stored ones of their name),
so what a changed member changes lies within a few windows of it. The members are read in that order from ``blocking_keys``' primary key (key,
sort, group_id), which both backends compare byte by byte, as Python compares the strings
(migration 0012): a small block whole, a big one as the runs of members around each changed
member, however many members it has (the lone 'Trump's of a big archive are tens of thousands).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from sqlalchemy.engine import Connection

from claimgraph.graph import resolve as R
from claimgraph.store import schema

Row = tuple[str, str]  # a block's member: (sort, group id), in the window's order
Pair = tuple[str, str]  # two group ids, the lesser first
Scan = tuple[str, Row | None, str, int, tuple[str, ...]]  # see _scans
PER_STATEMENT = 100  # scans joined in one statement
MAX_PARAMS = 20_000  # and no more parameters than that (SQLite takes 32,766)
BK = schema.blocking_keys


@dataclasses.dataclass
class Segment:
    """Consecutive members of a block, and the changed rows (in the block now or before) they
    were read around."""

    rows: list[Row]
    anchors: set[Row]


@dataclasses.dataclass
class Block:
    """A block's members: all of them (``whole``), or runs around its changed rows that reach
    ``reach`` members beyond each of them (or the block's end)."""

    whole: bool
    segments: list[Segment]

    @property
    def rows(self) -> list[Row]:
        assert self.whole
        return self.segments[0].rows


def read(conn: Connection, anchors: Mapping[str, Collection[Row]]) -> dict[str, Block]:
    """The blocks of these keys around these rows (the changed members' rows, before and after).
    A block of at most ``MAX_BLOCK`` members more than it has anchors is read whole: it may
    cross ``MAX_BLOCK`` as they come and go. A bigger one is read as runs: around each anchor,
    ``WINDOW`` unchanged members on each side and the changed ones among them. That is as far as
    a change reaches: a window pair that changes has a changed row between its two members
    (:func:`windows_near`), and a changed member's window is ``WINDOW`` members each side."""
    keys = list(anchors)
    limits = [R.MAX_BLOCK + 1 + len(anchors[k]) for k in keys]
    heads = _scans(conn, [(k, None, ">", n, ()) for k, n in zip(keys, limits, strict=True)])
    out = {k: Block(True, [Segment(rows, set(anchors[k]))])
           for k, rows, n in zip(keys, heads, limits, strict=True) if len(rows) < n}
    big = [k for k in keys if k not in out]
    asks: list[Scan] = []
    for k in big:
        changed = tuple(sorted({g for _, g in anchors[k]}))
        asks.append((k, None, "in", len(changed), changed))  # the changed members in the block now
        for a in sorted(anchors[k]):
            asks += [(k, a, "<", R.WINDOW, changed), (k, a, ">", R.WINDOW, changed)]
    found = iter(_scans(conn, asks))
    for k in big:
        present = next(found)
        runs = []
        for a in sorted(anchors[k]):
            before, after = next(found), next(found)
            start = before[0] if len(before) == R.WINDOW else None  # None: the block's end
            end = after[-1] if len(after) == R.WINDOW else None
            runs.append((start, end, before + after, {a}))
        out[k] = Block(False, _merge(runs, present))
    return out


Run = tuple[Row | None, Row | None, list[Row], set[Row]]  # first and last member (None: the block's end)


def _merge(runs: list[Run], present: list[Row]) -> list[Segment]:
    """Runs of one block whose spans overlap, as one; with the changed members in their spans
    (each run's unchanged members are all those of its span)."""
    spans: list[tuple[Row | None, Row | None, set[Row], set[Row]]] = []
    for start, end, rows, anchors in sorted(runs, key=lambda r: (r[0] is not None, r[0] or ("", ""))):
        if spans and (spans[-1][1] is None or start is None or start <= spans[-1][1]):
            last = spans[-1]
            wider = None if last[1] is None or end is None else max(last[1], end)
            spans[-1] = (last[0], wider, last[2] | set(rows), last[3] | anchors)
        else:
            spans.append((start, end, set(rows), set(anchors)))
    out = []
    for start, end, members, anchors in spans:
        inside = {x for x in present if (start is None or start < x) and (end is None or x < end)}
        out.append(Segment(sorted(members | inside), anchors))
    return out


def within(conn: Connection, asks: Iterable[tuple[str, Row, Row]], distance: int) -> list[bool]:
    """For each (key, a, b) of two members of a big block, whether their places in it are at
    most ``distance`` apart (fewer members than that between them)."""
    asks = list(asks)
    out: list[bool] = []
    mark = _mark(conn)
    for start in range(0, len(asks), PER_STATEMENT):
        parts, params = [], []
        for i, (key, a, b) in enumerate(asks[start : start + PER_STATEMENT]):
            lo, hi = min(a, b), max(a, b)
            parts.append(f"SELECT {i} AS q, count(*) AS n FROM (SELECT 1 FROM {BK.name} WHERE key = {mark} "
                         f"AND (sort, group_id) > ({mark}, {mark}) AND (sort, group_id) < ({mark}, {mark}) "
                         f"LIMIT {distance}) AS t{i}")
            params += [key, *lo, *hi]
        rows = conn.exec_driver_sql(" UNION ALL ".join(parts), tuple(params))
        counts: dict[int, int] = {int(q): int(n) for q, n in rows}
        out += [counts[i] < distance for i in range(len(parts))]
    return out


def _scans(conn: Connection, asks: list[Scan]) -> list[list[Row]]:
    """The rows of each scan (key, from, direction '<', '>' or 'in', how many, the members it
    skips or, for 'in', reads), in order."""
    out: list[list[Row]] = []
    mark = _mark(conn)
    start = 0
    while start < len(asks):
        parts: list[str] = []
        params: list[str] = []
        while start + len(parts) < len(asks) and len(parts) < PER_STATEMENT and len(params) < MAX_PARAMS:
            key, at, way, n, ids = asks[start + len(parts)]
            where = f"key = {mark}"
            params.append(key)
            if way == "in":
                where += f" AND group_id IN ({', '.join([mark] * len(ids))})"
            else:
                if at is not None:
                    where += f" AND (sort, group_id) {way} ({mark}, {mark})"
                    params += [*at]
                if ids:
                    where += f" AND group_id NOT IN ({', '.join([mark] * len(ids))})"
            params += ids
            order = "sort DESC, group_id DESC" if way == "<" else "sort, group_id"
            i = len(parts)
            parts.append(f"SELECT {i} AS q, sort, group_id FROM (SELECT sort, group_id FROM {BK.name} "
                         f"WHERE {where} ORDER BY {order} LIMIT {n}) AS t{i}")
        found: list[list[Row]] = [[] for _ in parts]
        for q, sort, gid in conn.exec_driver_sql(" UNION ALL ".join(parts), tuple(params)):
            found[q].append((sort, gid))
        out += [sorted(rows) for rows in found]
        start += len(parts)
    return out


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def pairs_of(block: Block, changed: Collection[str]) -> set[Pair]:
    """The pairs of the changed members in a block: with every member of a small one, with
    their window in a big one."""
    pairs: set[Pair] = set()
    for segment in block.segments:
        ids = [g for _, g in segment.rows]
        mine = [i for i, g in enumerate(ids) if g in changed]
        if block.whole and len(ids) <= R.MAX_BLOCK:
            pairs |= {_pair(ids[i], g) for i in mine for g in ids if g != ids[i]}
            continue
        for i in mine:
            near = ids[max(0, i - R.WINDOW) : i] + ids[i + 1 : i + 1 + R.WINDOW]
            pairs |= {_pair(ids[i], g) for g in near if g != ids[i]}
    return pairs


def shifts(block: Block, old: Collection[Row], changed: Collection[str]) -> tuple[set[Pair], set[Pair]]:
    """The window pairs of unchanged members that the changed ones may move, before and after
    (``old``: the changed members' rows before; the block's rows are those after)."""
    was: set[Pair] = set()
    now: set[Pair] = set()
    for segment in block.segments:
        after = segment.rows
        before = sorted([x for x in after if x[1] not in changed]
                        + [x for x in old if x in segment.anchors])
        if block.whole and max(len(after), len(before)) <= R.MAX_BLOCK:
            continue
        if block.whole and min(len(after), len(before)) <= R.MAX_BLOCK:  # crosses the cap: any pair may change
            was |= {p for p in window(before) if p[0] not in changed and p[1] not in changed}
            now |= {p for p in window(after) if p[0] not in changed and p[1] not in changed}
        else:  # both big: near the changes (a run reaches far enough: :func:`read`)
            near_was, near_now = windows_near(before, after, changed)
            was |= near_was
            now |= near_now
    return was, now


def window(ordered: list[Row]) -> set[Pair]:
    """The pairs a block compares: all of them, or over ``MAX_BLOCK`` its sliding window."""
    ids = [g for _, g in ordered]
    if len(ids) <= R.MAX_BLOCK:
        return {_pair(a, b) for a, b in itertools.combinations(ids, 2) if a != b}
    return {_pair(a, b) for i, a in enumerate(ids) for b in ids[i + 1 : i + 1 + R.WINDOW] if a != b}


def windows_near(before: list[Row], after: list[Row],
                 changed: Collection[str]) -> tuple[set[Pair], set[Pair]]:
    """The window pairs of unchanged members, before and after, that changed members can move:
    a pair's distance changes only with a changed member between the two, so both lie within
    ``WINDOW`` unchanged members of where one left or came in. Bounded by the changes, not the block."""
    kept = [g for _, g in after if g not in changed]  # the unchanged members, in the same order in both
    near: set[str] = set()
    for ordered in (before, after):
        k = 0
        for _, g in ordered:
            if g in changed:
                near.update(kept[max(0, k - R.WINDOW) : k + R.WINDOW])
            else:
                k += 1
    out = []
    for ordered in (before, after):
        ids = [g for _, g in ordered]
        pairs = set()
        for i, a in enumerate(ids):
            if a in near:
                pairs |= {_pair(a, b) for b in ids[i + 1 : i + 1 + R.WINDOW] if b in near and b != a}
        out.append(pairs)
    return out[0], out[1]


def _mark(conn: Connection) -> Any:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"

"""A big block read only around its changed members gives what the whole block gives (issue #10)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, delete, insert, select, text
from sqlalchemy.engine import Connection

from claimgraph.graph import resolve as R
from claimgraph.store import blocks, open_store, schema

BK = schema.blocking_keys
SORTS = ["Zoe", "zoe", "zoé", "Émile", "emile", "o'neil", "o neil", "ōno", "трамп", "a", "b"]


@pytest.fixture(scope="module")
def conn() -> Iterator[Connection]:
    engine = create_engine("sqlite://")
    with engine.begin() as c:
        schema.blocking_keys.create(c)
        yield c


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(SORTS), min_size=0, max_size=60),  # the sorts of the unchanged members
    # changed members: sort before, after; in the block before (0), after (1) or both (2)
    st.lists(st.tuples(st.sampled_from(SORTS), st.sampled_from(SORTS), st.integers(0, 2)), max_size=6),
    st.integers(1, 3),  # WINDOW
)
def test_blocks_read_near_the_changes_give_the_whole_blocks_pairs(
    conn: Connection, kept: list[str], moved: list[tuple[str, str, int]], window: int
) -> None:
    unchanged = [(s, f"u{i:02d}") for i, s in enumerate(kept)]
    before = [(s, f"c{i}") for i, (s, _, where) in enumerate(moved) if where != 1]
    after = sorted(unchanged + [(s, f"c{i}") for i, (_, s, where) in enumerate(moved) if where != 0])
    changed = {f"c{i}" for i in range(len(moved))}
    conn.execute(delete(BK))
    rows = [{"key": "k", "group_id": g, "sort": s} for s, g in after]
    rows += [{"key": "other", "group_id": f"o{i}", "sort": s} for i, s in enumerate(SORTS)]
    conn.execute(insert(BK), rows)
    anchors = set(before) | {x for x in after if x[1] in changed}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(R, "MAX_BLOCK", 2 * window)
        mp.setattr(R, "WINDOW", window)
        block = blocks.read(conn, {"k": anchors})["k"]
        whole = blocks.Block(True, [blocks.Segment(after, anchors)])
        read = [r for s in block.segments for r in s.rows]
        assert read == sorted(set(read))  # in order, each member once
        assert blocks.pairs_of(block, changed) == blocks.pairs_of(whole, changed)
        was, now = blocks.shifts(block, before, changed)
        whole_was, whole_now = blocks.shifts(whole, before, changed)
        assert (was - now, now - was) == (whole_was - whole_now, whole_now - whole_was)
        ids = [g for _, g in after]
        pairs = [(a, b) for a in ids for b in ids if a < b]
        asks = [("k", after[ids.index(a)], after[ids.index(b)]) for a, b in pairs]
        near = blocks.within(conn, asks, window)
        assert near == [abs(ids.index(a) - ids.index(b)) <= window for a, b in pairs]


def test_blocks_are_read_in_the_order_python_sorts_them(store_url: str) -> None:
    """Both backends order a block's members as Python does (PostgreSQL by the "C" collation
    of migration 0012, whatever the database's), which the full resolution's windows use."""
    members = [(s, f"g{i}") for i, s in enumerate(SORTS * 3)]
    # window sorts: a name's key, a separator below every character of a key, when the store took it
    members += [(f"{s}\x01{n:012d}", f"w{i}") for i, (s, n) in enumerate(itertools.product(
        ["trump", "trump jr", "trumpf", "zoé"], [3, 12, 120]))]
    with open_store(store_url) as store, store.engine.begin() as c:
        c.execute(insert(BK), [{"key": "k", "group_id": g, "sort": s} for s, g in members])
        assert blocks.read(c, {"k": set()})["k"].rows == sorted(members)
        ordered = select(BK.c.sort, BK.c.group_id).where(BK.c.key == "k").order_by(BK.c.sort, BK.c.group_id)
        assert [tuple(r) for r in c.execute(ordered)] == sorted(members)
        if c.dialect.name == "postgresql":  # whatever the database's collation (this one's is C.UTF-8)
            columns = text("SELECT column_name, collation_name FROM information_schema.columns "
                           "WHERE table_name = 'blocking_keys' AND table_schema = current_schema()")
            assert {n: x for n, x in c.execute(columns) if n != "key"} == {"sort": "C", "group_id": "C"}

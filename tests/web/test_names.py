"""The in-memory name list behind search as you type: what ranks first."""

from __future__ import annotations

import time
from typing import Any

from claimgraph.web.names import NameIndex


def _index(names: list[tuple[str, str, int]]) -> NameIndex:
    index = NameIndex()
    index._names = names  # as loaded from the store
    index._version, index._checked = ("v",), time.monotonic() + 3600  # fresh: no store needed
    return index


def test_names_exact_then_prefix_then_word_then_anywhere() -> None:
    conn: Any = None
    index = _index(
        [
            ("iraqi parliament", "g-parliament", 9),
            ("iraq", "g-iraq", 2),
            ("kurdish iraq", "g-kurds", 5),
            ("miraqulous", "g-other", 50),
        ]
    )
    assert [h.graph_id for h in index.search(conn, "iraq", 10)] == [
        "g-iraq",
        "g-parliament",
        "g-kurds",
        "g-other",
    ]
    assert [h.graph_id for h in index.search(conn, "iraq", 2)] == ["g-iraq", "g-parliament"]


def test_names_counts_add_up_over_the_names_of_one_actor() -> None:
    index = _index([("trump", "g-trump", 3), ("trumpf", "g-firm", 4), ("trumps", "g-trump", 2)])
    hits = index.search(None, "trum", 10)  # type: ignore[arg-type]
    assert [(h.graph_id, h.count) for h in hits] == [("g-trump", 5), ("g-firm", 4)]

"""``bench/store_grow.py``: a store grown by SQL copies of its first round's rows is the store the
benchmark builds by adding every report (``bench/resolve_bench.py --grow copy``)."""

from __future__ import annotations

import sys
from pathlib import Path

from claimgraph.model import Extraction

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from resolve_bench import build  # noqa: E402  (bench/ is not a package)
from store_grow import differences  # noqa: E402


def test_store_grown_by_copy_equals_the_store_built_by_adds(
    slice_extractions: list[Extraction], tmp_path: Path
) -> None:
    """The 20 slice reports, then two rounds of copies and five reports of a third (synthetic ids
    ``<id>-1``...), resolved: every table holds the same rows (but the time each report was added),
    and the full-text indexes are whole."""
    size = 2 * len(slice_extractions) + 5
    added, copied = tmp_path / "added.db", tmp_path / "copied.db"
    build(added, slice_extractions, size)
    build(copied, slice_extractions, size, by_copy=True)
    assert differences(added, copied) == []
    fewer = tmp_path / "fewer.db"  # one report less: the comparison sees it
    build(fewer, slice_extractions, size - 1, by_copy=True)
    assert any(d.startswith("documents: 1 rows only in added.db") for d in differences(added, fewer))

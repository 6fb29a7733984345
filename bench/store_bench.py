"""Store benchmark: ingest documents/s, resolution time and peak memory, and `show` (by id and by
name) / `claims` / `find` latency at 1k and 10k documents.

The corpus is extracted once (or read from --cache); its extractions are then added over and
over under distinct ids, so the store grows with real reports. Every figure printed is
measured in this run.

    .venv/bin/python bench/store_bench.py [--sizes 1000 10000] [--db URL] [--cache /tmp/corpus.jsonl]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from scale import Sampler, tree_memory  # bench/ is this script's folder: memory from /proc

from claimgraph.model import Extraction
from claimgraph.store import open_store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews" / "wikinews-2019-2020.jsonl"
ACTORS = ("Donald Trump", "Qasem Soleimani", "Iran", "Boris Johnson", "United Nations")


def extractions(cache: Path | None) -> list[Extraction]:
    if cache and cache.exists():
        return [Extraction.from_dict(json.loads(line)) for line in cache.open(encoding="utf-8")]
    from claimgraph.extract import extract_many
    from claimgraph.ingest import read_documents
    from claimgraph.model import Document

    started = time.perf_counter()
    out = list(extract_many(d for d in read_documents([str(CORPUS)]) if isinstance(d, Document)))
    print(f"extracted {len(out)} reports in {time.perf_counter() - started:.1f} s")
    if cache:
        cache.write_text("".join(json.dumps(x.to_dict()) + "\n" for x in out), encoding="utf-8")
    return out


def copy_of(ex: Extraction, round_: int) -> Extraction:
    """The same report under a distinct id and URL, as if republished elsewhere."""
    if round_ == 0:
        return ex
    twin = copy.copy(ex)
    twin.document = copy.copy(ex.document)
    twin.document.id = f"{ex.document.id}-{round_}"
    twin.document.url = f"{ex.document.url or ex.document.id}#copy{round_}"
    return twin


def timed(fn, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    """Median wall time of ``fn()`` in milliseconds (after one warm-up call)."""
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--db", default=None, help="store URL or path (default: a temporary SQLite file)")
    parser.add_argument("--cache", type=Path, default=None, help="JSON Lines cache of the corpus extractions")
    args = parser.parse_args()
    base = extractions(args.cache)
    db = args.db or str(Path(tempfile.mkdtemp()) / "bench.db")
    store = open_store(db)
    # a store left by an earlier run is grown, not refilled: only the query figures are then new
    stored = store.stats()["versions"]
    round_ = stored // len(base)
    print(f"store: {db} ({stored} documents already in)")
    for size in sorted(args.sizes):
        started = time.perf_counter()
        added = 0
        while stored < size:  # in rounds over the corpus; ``round_`` makes the ids distinct
            for ex in base:
                if stored >= size:
                    break
                if store.add(copy_of(ex, round_)).status != "skipped":
                    stored += 1
                    added += 1
            else:
                round_ += 1
        ingest_s = time.perf_counter() - started
        if added:
            before = tree_memory(os.getpid()).rss
            started = time.perf_counter()
            with Sampler(os.getpid()) as memory:
                store.resolve()
            resolve_s = time.perf_counter() - started
            peak = memory.peak().rss
            print(
                f"\n{size} documents: ingest {added / ingest_s:.0f} docs/s ({added} in {ingest_s:.1f} s), "
                f"resolve {resolve_s:.1f} s, peak RSS {peak / 2**20:.0f} MB "
                f"({(peak - before) / 2**20:+.0f} MB)"
            )
        else:
            print(f"\n{size} documents (already stored)")
        for actor in ACTORS:
            found = store.find(actor, limit=1)
            if not found:  # an actor this corpus does not have
                continue
            graph_id = found[0].id
            show_ms = timed(lambda g=graph_id: store.show(g))
            claims_ms = timed(lambda g=graph_id: store.claims(g))
            find_ms = timed(lambda a=actor: store.find(a))
            # what `claimgraph show NAME` costs: the name lookup, then the profile
            by_name_ms = timed(lambda a=actor: store.show(a))
            reports = store.show(graph_id).counts["reports"]
            print(
                f"  {actor:<18} in {reports:>5} reports: show {show_ms:7.1f} ms  claims {claims_ms:6.1f} ms"
                f"  find {find_ms:5.1f} ms  show by name {by_name_ms:7.1f} ms"
            )
    store.close()


if __name__ == "__main__":
    main()

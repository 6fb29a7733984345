"""Resolution benchmark: what adding reports costs as the store grows (issue #10).

Stores of 1k, 10k (and with ``--sizes`` more) reports are built from the corpus extractions added
over and over under synthetic ids (the real texts, so names repeat as they do in a real archive),
and resolved once. Then the same batch of new reports (``--batch``, synthetic ids over the first
corpus reports) is added to a copy of each store and resolved, ``--runs`` times; printed: the
median seconds per batch, wall and CPU (this process: SQLite runs in it, so CPU is the work done
however loaded a shared machine is), the CPU the actor summaries took of it (none since
resolution leaves them set aside), the CPU of writing them afterwards (``Store.summarise``,
``claimgraph summaries``: not part of the batch), and the ratios to the smallest store. Goal: at
100k within 1.5x of 1k. Each kept store's summaries are written once before the batches (as
``claimgraph summaries`` after its last ingest would have; a store built so has none), so the
summaries written after a batch are those it set aside, not every big actor's.

Second figure: one new report into the store of the 294 corpus reports, against the same report
into an empty store (median over ``--singles`` reports; goal: at most 1.2x); ``--sizes`` with no
size measures only this one.

Every figure is measured in this run; ``uptime`` before and after says how loaded the machine was.

``--grow copy`` builds the stores from one round of adds and SQL copies of its rows under the other
rounds' ids (``store_grow``; the same store as the adds, checked table by table after resolution),
so a 100k store takes minutes of copying and one full resolution instead of hours of adds.

    .venv/bin/python bench/resolve_bench.py [--sizes 1000 10000] [--cache /tmp/corpus.jsonl] [--grow copy]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store_bench import copy_of, extractions  # bench/ is this script's folder
from store_grow import grow

from claimgraph.model import Extraction
from claimgraph.store import open_store, summaries


def build(path: Path, base: list[Extraction], size: int, by_copy: bool = False) -> float:
    """A store of ``size`` reports (rounds over the corpus under synthetic ids), resolved once;
    returns the seconds the resolution took. ``by_copy``: the rounds after the first are copied
    in SQL (``store_grow``: the same store, in minutes at 100k) rather than added one by one."""
    if by_copy:
        grow(path, base, size)
    store = open_store(str(path))
    added = size if by_copy else 0
    round_ = 0
    while added < size:
        for ex in base:
            if added >= size:
                break
            store.add(copy_of(ex, round_))
            added += 1
        round_ += 1
    started = time.perf_counter()
    store.resolve()
    took = time.perf_counter() - started
    store.close()
    return took


@dataclass
class Took:
    """One resolution: wall seconds, CPU seconds of this process (SQLite runs in it, so this is
    the work done, however loaded the machine), and the CPU seconds of the actor summaries
    written at its end (``summaries.fill``: the pages of the big actors the batch touched)."""

    wall: float
    cpu: float
    summaries: float
    later: float = 0.0  # CPU seconds of writing the summaries after the batch (``Store.summarise``)


def add_and_resolve(store_path: Path, work: Path, batch: list[Extraction]) -> Took:
    """Time to resolve ``batch`` added to a copy of the store."""
    shutil.copy(store_path, work)
    store = open_store(str(work))
    for ex in batch:
        store.add(ex)
    spent = [0.0]
    fill = summaries.fill

    def timed_fill(*args: Any, **kwargs: Any) -> int:
        started = time.process_time()
        try:
            return fill(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - started

    summaries.fill = timed_fill  # type: ignore[assignment]
    try:
        started, cpu = time.perf_counter(), time.process_time()
        store.resolve()
        took = Took(time.perf_counter() - started, time.process_time() - cpu, spent[0])
        if hasattr(store, "summarise"):
            started = time.process_time()
            store.summarise()
            took.later = time.process_time() - started
    finally:
        summaries.fill = fill  # type: ignore[assignment]
    store.close()
    work.unlink()
    return took


def summarised(path: Path) -> tuple[int, float]:
    """Write the kept store's actor summaries that are not written (a store built by adds or
    copies and one full resolution has none): a user's store has them from ``claimgraph
    summaries`` after its last ingest, so what a batch's summaries cost is what it sets aside.
    Returns how many were written and the CPU seconds it took."""
    store = open_store(str(path))
    started = time.process_time()
    written = store.summarise()
    took = time.process_time() - started
    store.close()
    return written, took


def medians(times: list[Took]) -> Took:
    fields = ("wall", "cpu", "summaries", "later")
    return Took(*(statistics.median(getattr(t, f) for t in times) for f in fields))


def uptime() -> str:
    return Path("/proc/loadavg").read_text(encoding="utf-8").split(" ", 3)[:3].__str__()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000],
                        help="store sizes for the batch figure (none: only the one-report figure)")
    parser.add_argument("--batch", type=int, default=100, help="reports added per batch")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--singles", type=int, default=5, help="reports for the one-report figure (0: skip)")
    parser.add_argument("--cache", type=Path, default=None, help="JSON Lines cache of the corpus extractions")
    parser.add_argument("--grow", choices=("add", "copy"), default="add",
                        help="build the stores by adding every report (add) or by adding the corpus once and "
                             "copying its rows under the other rounds' ids in SQL (copy: the same store, "
                             "100k reports in minutes)")
    parser.add_argument("--dir", type=Path, default=None,
                        help="keep the built stores here (store_SIZE.db) and reuse those already there")
    args = parser.parse_args()
    base = extractions(args.cache)
    tmp = args.dir or Path(tempfile.mkdtemp(prefix="resolve_bench_"))
    print(f"load average (1, 5, 15 min) at start: {uptime()}; {len(base)} corpus reports; "
          f"{os.cpu_count()} cores")
    try:
        batch = [copy_of(ex, 10**6) for ex in base[: args.batch]]  # ids no store holds
        per_batch: dict[int, Took] = {}
        for size in sorted(args.sizes):
            path = tmp / f"store_{size}.db"
            # nan: built by an earlier run
            full = float("nan") if path.exists() else build(path, base, size, args.grow == "copy")
            written, took = summarised(path)
            if written:
                print(f"{size:>7} reports: the store's actor summaries written once ({written}, as "
                      f"`claimgraph summaries` after its last ingest would have): {took:.1f} s CPU")
            times = [add_and_resolve(path, tmp / "work.db", batch) for _ in range(args.runs)]
            per_batch[size] = m = medians(times)
            first = per_batch[min(per_batch)]
            print(f"{size:>7} reports: full resolution {full:6.1f} s; {args.batch} new reports resolved in "
                  f"{m.wall:6.2f} s (runs {', '.join(f'{t.wall:.2f}' for t in times)}), CPU {m.cpu:.2f} s, "
                  f"of which actor summaries {m.summaries:.2f} s (written after it: {m.later:.2f} s); "
                  f"the {min(per_batch)}-report store's: "
                  f"{m.wall / first.wall:.2f}x wall, {m.cpu / first.cpu:.2f}x CPU, "
                  f"{(m.cpu - m.summaries) / (first.cpu - first.summaries):.2f}x CPU without the summaries; "
                  f"load {uptime()}")
            if not args.dir:
                path.unlink()
        if args.singles:
            corpus = tmp / "corpus.db"
            build(corpus, base, len(base))
            empty = tmp / "empty.db"
            open_store(str(empty)).close()
            into_corpus: list[Took] = []
            into_empty: list[Took] = []
            for ex in base[: args.singles]:
                one = [copy_of(ex, 10**6)]
                into_corpus.append(add_and_resolve(corpus, tmp / "work.db", one))
                into_empty.append(add_and_resolve(empty, tmp / "work.db", one))
            a, b = medians(into_corpus), medians(into_empty)
            print(f"one new report: into the {len(base)}-report store {a.wall:.3f} s (CPU {a.cpu:.3f} s), "
                  f"into an empty store {b.wall:.3f} s (CPU {b.cpu:.3f} s) "
                  f"(medians of {args.singles}): {a.wall / b.wall:.2f}x wall, {a.cpu / b.cpu:.2f}x CPU; "
                  f"load {uptime()}")
    finally:
        if not args.dir:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

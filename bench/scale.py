"""Scale benchmark (issue #10): ingest throughput with 1 and 2 workers on the local and the Ray
engine, as ratios to the bare spaCy parse measured in the same run; and the peak memory of the
whole process tree (ingest and every worker) while reports stream through ingest into a store.

    python bench/scale.py [--reports 3000] [--engines local ray] [--workers 1 2]
                          [--rss-sizes 1000 10000] [--rss-engine local] [--rss-workers 2]

The reports are the Wikinews corpus (294) repeated: copy k of a report ends with a paragraph
"(Copy k.)", so its id (a hash of the text) is new and the store keeps every copy. They are
written to a JSON Lines file and ingested from it (``claimgraph.ingest``, a fresh SQLite store per
run), so the main process reads, cleans and writes them as in a real run. Throughput runs skip
cross-report resolution (one step after the stream, timed in the memory part); worker start-up
(loading the model) is inside the timed run. The bare parse is ``nlp.pipe`` of the same model,
without our components, over the same texts, in this process. CPU milliseconds per report are
given for this process (reading, cleaning, writing) and for the others of its tree (the workers,
Ray's own processes): on a shared machine they say more than the wall clock.

The memory part runs one ingest of the largest size in a child process and samples the memory
of the child and all its descendants every 0.2 s: the peak up to each smaller size (when that
many reports are stored), then resolution at the end. Memory is PSS (each shared page split among
the processes that map it); the sum of RSS, which counts the pages workers share with their
parent once per worker, is printed beside it. The repeated corpus adds no new words after the
first 294 reports, so the growth of spaCy's vocabulary in a long-lived worker (printed by the
throughput part, in strings a report) does not show here.

Goals: 2 workers >= 1.7 x one worker (per engine); peak memory while streaming the largest size
within 15% of the smallest. An empty ``--engines`` or ``--rss-sizes`` skips that part.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimgraph import ingest

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews" / "wikinews-2019-2020.jsonl"
SPEED_UP_GOAL = 1.7
RSS_GOAL = 1.15
PAGE = os.sysconf("SC_PAGE_SIZE")


# -- inputs ------------------------------------------------------------------------------------
def corpus_records(corpus: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]


def write_reports(records: list[dict[str, Any]], start: int, stop: int, path: Path) -> Path:
    """Reports ``start`` to ``stop`` of the repeated corpus as JSON Lines; copy 0 is the original."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(start, stop):
            copy, record = divmod(i, len(records))
            item = dict(records[record])
            if copy:
                item["text"] = f"{item['text'].rstrip()}\n\n(Copy {copy}.)"
                item["url"] = f"{item.get('url') or record}#copy{copy}"
            out.write(json.dumps(item) + "\n")
    return path


def read_texts(path: Path) -> list[str]:
    """The texts as ingest sees them (read and cleaned by the JSON Lines reader)."""
    from claimgraph.ingest import read_documents
    from claimgraph.model import Document

    return [d.text for d in read_documents([str(path)]) if isinstance(d, Document)]


# -- memory and CPU time of a process tree ----------------------------------------------------
# Hand-written over /proc (Linux) because psutil is in neither of our locks.
TICK = os.sysconf("SC_CLK_TCK")


def tree(pid: int) -> list[int]:
    """``pid`` and all its live descendants."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError):  # it ended while we looked
            continue
    return found


@dataclass(slots=True)
class Memory:
    """Memory of a process tree in bytes: ``pss`` shares each page among the processes that map
    it (the tree's real footprint); ``rss`` counts a shared page once per process (the model's
    pages after fork, Ray's object store), so it over-states a tree of forked workers."""

    rss: int = 0
    pss: int = 0


def tree_memory(pid: int) -> Memory:
    total = Memory()
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/statm") as f:
                total.rss += int(f.read().split()[1]) * PAGE
            with open(f"/proc/{p}/smaps_rollup") as f:
                total.pss += next(int(line.split()[1]) * 1024 for line in f if line.startswith("Pss:"))
        except (FileNotFoundError, ProcessLookupError, StopIteration):  # it ended while we looked
            continue
    return total


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) spent so far by ``pid`` and its descendants, those that ended
    included (a parent counts the children it reaped: Ray's raylet counts its actors)."""
    total = 0
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rpartition(")")[2].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += sum(int(x) for x in fields[11:15])  # utime, stime, cutime, cstime
    return total / TICK


def own_cpu() -> float:
    """CPU seconds of this process alone (every thread; not its children)."""
    t = os.times()
    return t.user + t.system


class Sampler:
    """Samples the tree's memory in a thread: ``(monotonic time, Memory)`` pairs."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid, self.interval = pid, interval
        self.samples: list[tuple[float, Memory]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append((time.monotonic(), tree_memory(self.pid)))
            self._stop.wait(self.interval)

    def peak(self, start: float = 0.0, end: float = float("inf")) -> Memory:
        window = [m for t, m in self.samples if start <= t <= end]
        return Memory(max((m.rss for m in window), default=0), max((m.pss for m in window), default=0))


# -- throughput --------------------------------------------------------------------------------
@dataclass(slots=True)
class Run:
    """One timed run: wall seconds, and CPU seconds of this process and of the others in its tree
    (the workers, Ray's own processes)."""

    name: str
    workers: int
    wall: float
    main_cpu: float
    other_cpu: float


@contextmanager
def timing(name: str, workers: int) -> Iterator[Run]:
    run = Run(name, workers, 0.0, 0.0, 0.0)
    wall, main, everything = time.perf_counter(), own_cpu(), tree_cpu(os.getpid())
    yield run
    run.wall = time.perf_counter() - wall
    run.main_cpu = own_cpu() - main
    run.other_cpu = tree_cpu(os.getpid()) - everything - run.main_cpu


def bare_parse(texts: list[str]) -> tuple[Run, int]:
    """The bare spaCy pipeline (same model, none of our components) over the texts; and how many
    strings its vocabulary gained (a long-lived worker keeps every new word it meets)."""
    import spacy

    from claimgraph.settings import MODEL

    nlp = spacy.load(MODEL.get())
    strings = len(nlp.vocab.strings)
    list(nlp.pipe(texts[:20]))  # warm up
    with timing("bare spaCy nlp.pipe", 1) as run:
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
    return run, len(nlp.vocab.strings) - strings


def timed_ingest(path: Path, engine: str, workers: int, expected: int) -> Run:
    """Ingest the file into a fresh SQLite store (worker start-up included)."""
    with tempfile.TemporaryDirectory() as tmp, timing(f"ingest, {engine} engine", workers) as run:
        summary = ingest(str(path), str(Path(tmp) / "bench.db"), engine=engine,  # type: ignore[arg-type]
                         workers=workers, resolve=False)
    # the corpus's test page is refused with E102 (and left out of ``expected``) in every run, and a
    # record whose text another repeats is already in: every other report must be read and stored
    other = [e for e in summary.errors if getattr(e, "code", None) != "E102"]
    if summary.documents != expected or summary.added + summary.already_in != expected or other:
        raise SystemExit(f"{engine} x{workers}: stored {summary.added} of {expected}: {summary}")
    return run


def ray_available() -> bool:
    try:
        import ray  # noqa: F401
    except ImportError:
        return False
    return True


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def throughput(args: argparse.Namespace, records: list[dict[str, Any]], tmp: Path) -> None:
    path = write_reports(records, 0, args.reports, tmp / "reports.jsonl")
    texts = read_texts(path)
    n, words = len(texts), sum(len(t.split()) for t in texts)
    print(f"\nThroughput: {n} reports, {words} words; {os.cpu_count()} cpus, load {load()}")
    bare, new_strings = bare_parse(texts)
    runs = [bare]
    for engine in args.engines:
        if engine == "ray":
            if not ray_available():
                print("  ray: not installed (pip install 'claimgraph[ray]'), skipped")
                continue
            from claimgraph.ray_engine import connect

            connect()  # the local Ray starts here, not inside the timed run
        # most workers first: the local pool forks its workers from this process, which must not
        # have loaded the pipeline yet (the 1-worker run loads it here), so each loads its own
        timed = [timed_ingest(path, engine, w, n) for w in reversed(args.workers)]
        runs += sorted(timed, key=lambda r: r.workers)
    if "ray" in args.engines and ray_available():
        import ray

        ray.shutdown()
    print(f"  {'run':<24}{'workers':>8}{'docs/s':>8}{'words/s':>9}{'x bare parse':>13}{'speed-up':>9}"
          f"{'CPU ms/doc: main':>18}{'others':>8}")
    rate = {(r.name, r.workers): n / r.wall for r in runs}
    verdicts = []
    for r in runs:
        one = rate.get((r.name, 1))
        speed_up = rate[r.name, r.workers] / one if one and r.workers > 1 else None
        if speed_up is not None and r.workers == 2:
            verdicts.append((r.name, speed_up))
        up = f"{speed_up:.2f}x" if speed_up else ""
        print(f"  {r.name:<24}{r.workers:>8}{n / r.wall:>8.1f}{words / r.wall:>9.0f}"
              f"{bare.wall / r.wall:>13.3f}{up:>9}{1000 * r.main_cpu / n:>18.1f}"
              f"{1000 * r.other_cpu / n:>8.1f}")
    for name, speed_up in verdicts:
        verdict = "PASS" if speed_up >= SPEED_UP_GOAL else "FAIL"
        print(f"  {verdict}: {name}, 2 workers = {speed_up:.2f} x one worker (goal >= {SPEED_UP_GOAL})")
    distinct = min(n, len(records))  # copies differ from their original only by "(Copy k.)"
    print(f"  spaCy's vocabulary grew by {new_strings} strings over {distinct} distinct reports "
          f"({new_strings / distinct:.0f} a report); load after: {load()}")


# -- memory ------------------------------------------------------------------------------------
def _stream(path: str, db: str, engine: str, workers: int, sizes: list[int], marks: Any) -> None:
    """Child process: one ingest of the file; put on ``marks`` the time each size is stored, the
    end of the stream (ingest's progress hook sees the last result) and the end of resolution."""
    def checkpoints(items: Iterator[Any]) -> Iterator[Any]:
        done = 0
        for item in items:
            yield item  # the result is stored when the runner asks for the next one
            done += 1
            if done in sizes:
                marks.put(("stored", done, time.monotonic()))
        marks.put(("streamed", done, time.monotonic()))

    summary = ingest(path, db, engine=engine, workers=workers, progress=checkpoints)  # type: ignore[arg-type]
    marks.put(("resolved", summary.added, time.monotonic()))
    other = [e for e in summary.errors if getattr(e, "code", None) != "E102"]  # the corpus's test page
    if other:
        raise SystemExit(f"errors: {other[:3]}")


def memory(args: argparse.Namespace, records: list[dict[str, Any]], tmp: Path) -> None:
    sizes = sorted(args.rss_sizes)
    path = str(write_reports(records, 0, sizes[-1], tmp / "stream.jsonl"))
    ctx = multiprocessing.get_context("spawn")  # a fresh interpreter: only ingest's memory is measured
    marks = ctx.Queue()
    child = ctx.Process(target=_stream, args=(path, str(tmp / "rss.db"), args.rss_engine, args.rss_workers,
                                              sizes[:-1], marks))
    print(f"\nPeak memory of the process tree (ingest and its workers): one ingest of {sizes[-1]} reports "
          f"with the {args.rss_engine} engine, {args.rss_workers} worker(s), into a new SQLite store")
    began = time.monotonic()
    child.start()
    assert child.pid is not None
    with Sampler(child.pid) as sampler:
        events = [marks.get() for _ in range(len(sizes) + 1)]
        child.join()
    if child.exitcode:
        raise SystemExit(f"the ingest child failed with exit code {child.exitcode}")
    print(f"  {'stored':>8}{'seconds':>9}{'docs/s':>8}{'peak PSS MB':>13}{'peak RSS sum MB':>17}")
    peaks, previous, t0 = [], 0, began
    for _, size, t in events[:-1]:
        peaks.append(sampler.peak(began, t))
        print(f"  {size:>8}{t - began:>9.1f}{(size - previous) / (t - t0):>8.1f}"
              f"{peaks[-1].pss / 2**20:>13.0f}{peaks[-1].rss / 2**20:>17.0f}")
        previous, t0 = size, t
    resolved = events[-1][2]
    whole = sampler.peak(began, resolved)
    print(f"  resolution at {sizes[-1]} reports: {resolved - t0:.1f} s; peak of the whole run "
          f"PSS {whole.pss / 2**20:.0f} MB (RSS sum {whole.rss / 2**20:.0f} MB)")
    if len(sizes) > 1:
        for what, ratio in (("while streaming", peaks[-1].pss / peaks[0].pss),
                            ("with resolution", whole.pss / peaks[0].pss)):
            verdict = "PASS" if ratio <= RSS_GOAL else "FAIL"
            print(f"  {verdict}: peak PSS {what}, {sizes[-1]} / {sizes[0]} reports = {ratio:.3f} "
                  f"(goal <= {RSS_GOAL})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--reports", type=int, default=3000, help="reports per throughput run")
    parser.add_argument("--engines", nargs="*", default=["local", "ray"], choices=["local", "ray"])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rss-sizes", type=int, nargs="*", default=[1000, 10000],
                        help="checkpoints of one ingest; the last is its length")
    parser.add_argument("--rss-engine", default="local", choices=["local", "ray"])
    parser.add_argument("--rss-workers", type=int, default=2)
    args = parser.parse_args()
    args.workers = sorted(set(args.workers))
    records = corpus_records(args.corpus)
    with tempfile.TemporaryDirectory(prefix="claimgraph-scale-") as tmp:
        if args.engines:
            throughput(args, records, Path(tmp))
        if args.rss_sizes:
            memory(args, records, Path(tmp))


if __name__ == "__main__":
    main()

"""Web benchmark: p95 latency of the actor, report and search endpoints of `claimgraph serve` on a
store of 10k reports, with a real HTTP client sending concurrent requests, printed beside the
same query run directly on the store (no HTTP, one caller) and the ratio of the two p95s.

The store is built as bench/store_bench.py builds one: the corpus extractions added over and
over under distinct ids (real texts, synthetic ids). Every figure printed is measured in this run,
on a server that caches nothing: each request computes its page. The server's CPU time per
request (all its processes) is printed too: unlike latency, it hardly moves with the load other
programs put on the machine (the load average is printed beside each line).

    .venv/bin/python bench/web_bench.py [--size 10000] [--db PATH] [--cache /tmp/corpus.jsonl]
        [--concurrency 1 4 8] [--requests 200] [--workers 1 2] [--endpoints actor report search]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_bench import ACTORS, copy_of, extractions

from claimgraph.store import Store, open_store
from claimgraph.web import data, pages
from claimgraph.web.names import NameIndex

SEARCHES = ("Trump", "Soleim", "coronavirus", "Iran", "election", "Boris Johnson", "Kobe", "parliament vote")
GOAL_MS = 200.0


def build(store: Store, size: int, cache: Path | None) -> None:
    stored = store.stats()["versions"]
    if stored >= size:
        print(f"store: {stored} documents already in")
        return
    base = extractions(cache)
    round_ = stored // len(base)
    started = time.perf_counter()
    while stored < size:
        for ex in base:
            if stored >= size:
                break
            if store.add(copy_of(ex, round_)).status != "skipped":
                stored += 1
        else:
            round_ += 1
    print(f"store: added up to {stored} documents in {time.perf_counter() - started:.0f} s; resolving...")
    store.resolve()


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else times[0]


def direct(calls: list[Callable[[], Any]]) -> list[float]:
    out = []
    for call in calls:
        started = time.perf_counter()
        call()
        out.append((time.perf_counter() - started) * 1000)
    return out


def over_http(client: httpx.Client, urls: list[str], concurrency: int) -> list[float]:
    def one(url: str) -> float:
        started = time.perf_counter()
        response = client.get(url)
        response.raise_for_status()
        return (time.perf_counter() - started) * 1000

    with ThreadPoolExecutor(concurrency) as pool:
        return list(pool.map(one, urls))


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and its living children (Linux /proc)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    kids = [int(x) for x in children.read_text().split()] if children.exists() else []
    total = 0
    for p in (pid, *kids):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def start_server(db: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    cmd = [sys.executable, "-m", "claimgraph", "serve", "--db", db, "--port", str(port), "--workers", str(workers)]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), f"http://127.0.0.1:{port}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--db", default=None, help="store path or URL (default: a temporary SQLite file)")
    parser.add_argument("--cache", type=Path, default=None, help="JSON Lines cache of the corpus extractions")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 8], help="requests in flight")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="serve --workers, each in turn")
    parser.add_argument(
        "--endpoints", nargs="+", default=["actor", "report", "search"], choices=["actor", "report", "search"]
    )
    args = parser.parse_args()
    db = args.db or str(Path(tempfile.mkdtemp()) / "web_bench.db")
    store = open_store(db)
    build(store, args.size, args.cache)
    rng = random.Random(9)
    actors = [store.entity_id(a) for a in ACTORS if store.find(a, limit=1)]
    with store.engine.connect() as conn:
        from sqlalchemy import select

        from claimgraph.store import schema

        doc_ids = [
            r[0] for r in conn.execute(select(schema.documents.c.id).where(schema.documents.c.current))
        ]
    reports = rng.sample(doc_ids, min(50, len(doc_ids)))
    n = args.requests
    picks = {
        "actor": [rng.choice(actors) for _ in range(n)],
        "report": [rng.choice(reports) for _ in range(n)],
        "search": [rng.choice(SEARCHES) for _ in range(n)],
    }
    urls = {
        "actor": [f"/api/actors/{a}" for a in picks["actor"]],
        "report": [f"/api/reports/{d}" for d in picks["report"]],
        "search": [str(httpx.URL("/api/search", params={"q": q})) for q in picks["search"]],
    }
    names = NameIndex()  # the server keeps one too
    calls: dict[str, list[Callable[[], Any]]] = {
        "actor": [lambda a=a: pages.actor(store, a) for a in picks["actor"]],
        "report": [lambda d=d: pages.report(store, d) for d in picks["report"]],
        "search": [lambda q=q: pages.search(store, q, data.Filters(), index=names) for q in picks["search"]],
    }
    own = {}
    for name in args.endpoints:
        direct(calls[name][:5])  # warm-up
        own[name] = direct(calls[name])
    stats = store.stats()
    print(
        f"\n{stats['documents']} reports, {stats['entities']} actors; {n} requests per endpoint and "
        f"concurrency; no cache; goal p95 < {GOAL_MS:.0f} ms.\ndirect: the same page data, no HTTP, one "
        "caller; ratio: http p95 / direct p95; cpu: server CPU time per request; load: 1-minute load average"
    )
    print(
        f"{'endpoint':<8} {'workers':>7} {'in flight':>9} {'http p50':>9} {'http p95':>9} {'direct p50':>11} "
        f"{'direct p95':>11} {'ratio':>6} {'cpu':>8} {'load':>5}  goal"
    )
    for workers in args.workers:
        server, base = start_server(db, workers)
        try:
            with httpx.Client(base_url=base, timeout=60) as client:
                for _ in range(300):
                    try:
                        client.get("/api/openapi.json")
                        break
                    except httpx.HTTPError:
                        time.sleep(0.1)
                for name in args.endpoints:
                    over_http(client, urls[name][:20], 4)  # warm-up
                    for level in args.concurrency:
                        load, used = os.getloadavg()[0], cpu_seconds(server.pid)
                        web = over_http(client, urls[name], level)
                        cpu = (cpu_seconds(server.pid) - used) * 1000 / len(web)
                        print(
                            f"{name:<8} {workers:>7} {level:>9} {statistics.median(web):7.1f}ms {p95(web):7.1f}ms "
                            f"{statistics.median(own[name]):9.1f}ms {p95(own[name]):9.1f}ms "
                            f"{p95(web) / p95(own[name]):6.1f} {cpu:6.1f}ms {load:5.1f}  "
                            f"{'met' if p95(web) < GOAL_MS else 'MISSED'}"
                        )
        finally:
            server.terminate()
            server.wait(20)
    store.close()


if __name__ == "__main__":
    main()

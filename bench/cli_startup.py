"""CLI start-up benchmark: `claimgraph --version` and `claimgraph show NAME` on a store of the
corpus, as ratios to a bare `python -c "import sqlalchemy, click"` measured in the same run.

Each command runs in a fresh interpreter, as a user runs it (`python -m claimgraph`, this
checkout's `src/` first on the path); the figure is the median wall time of ``--runs`` runs,
after one warm-up run of each (so the disk cache is warm for all alike). Targets (issue #8):
`--version` within 2x the baseline, `show` within 3x.

The store is built once with `claimgraph ingest` of the whole corpus into ``--db`` (default: a
file in the system's temporary folder) and reused by later runs.

    .venv/bin/python bench/cli_startup.py [--db PATH] [--runs 15] [--name "Donald Trump" ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "wikinews-2019-2020.jsonl"
NAMES = ("Donald Trump", "Soleimani", "Boris Johnson")
TARGETS = {"--version": 2.0, "show": 3.0}


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *filter(None, [env.get("PYTHONPATH")])])
    return env


def walls(cmds: list[list[str]], runs: int, env: dict[str, str]) -> list[float]:
    """Median seconds of each command over ``runs`` rounds, after one warm-up round; the commands
    take turns within a round, so a busy moment of the machine weighs on all of them alike."""
    times: list[list[float]] = [[] for _ in cmds]
    for round_ in range(runs + 1):
        for cmd, spent in zip(cmds, times, strict=True):
            started = time.perf_counter()
            subprocess.run(cmd, env=env, check=True, capture_output=True)
            if round_:  # the first round only warms the disk cache
                spent.append(time.perf_counter() - started)
    return [statistics.median(t) for t in times]


def ensure_store(db: Path, env: dict[str, str]) -> None:
    if db.exists():
        return
    print(f"building the store: claimgraph ingest {CORPUS.name} --db {db} (once) ...", flush=True)
    started = time.perf_counter()
    # exit code 1 is expected: one corpus report is only page furniture and is refused
    done = subprocess.run(
        [sys.executable, "-m", "claimgraph", "ingest", str(CORPUS), "--db", str(db), "--workers", "2"],
        env=env, capture_output=True, text=True,
    )
    if not db.exists() or done.returncode not in (0, 1):
        sys.exit(f"ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    print(f"  {done.stdout.strip().splitlines()[0]} ({time.perf_counter() - started:.0f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "claimgraph-bench-corpus.db")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--name", action="append", help="actors to show (default: %s)" % ", ".join(NAMES))
    args = parser.parse_args()
    env = environment()
    ensure_store(args.db, env)
    py = [sys.executable]
    rows = [("--version", [*py, "-m", "claimgraph", "--version"])]
    for name in args.name or NAMES:
        rows.append((f"show {name}", [*py, "-m", "claimgraph", "show", name, "--db", str(args.db)]))
    bare = [*py, "-c", "import sqlalchemy, click"]
    baseline, *figures = walls([bare, *(cmd for _, cmd in rows)], args.runs, env)
    print(f"\nbaseline: python -c 'import sqlalchemy, click'  {baseline * 1000:6.0f} ms"
          f" (median of {args.runs})")
    all_ok = True
    for (label, _cmd), seconds in zip(rows, figures, strict=True):
        ratio = seconds / baseline
        target = TARGETS[label.split()[0]]
        ok = ratio <= target
        all_ok &= ok
        verdict = "ok" if ok else "MISSED"
        print(f"{label:<40}  {seconds * 1000:6.0f} ms  {ratio:4.2f}x baseline"
              f"  (target <= {target:g}x: {verdict})")
    print("\nall within target" if all_ok else "\nsome targets missed")


if __name__ == "__main__":
    main()

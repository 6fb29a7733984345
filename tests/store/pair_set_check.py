"""Checks a new labelled pair set against the rules for a never-tuned set (issue #8), from the texts alone.

It runs no extractor or resolver: a side must come from a corpus report that is not a dev or test
report, its name must stand as whole words in that report's text ("title\\n\\ntext"), its type and the
label must be known, no side may name an entity a side of another ``pairs_*.jsonl`` names (the same
url and name, or the same url and a shared name word, which is printed for a person to read), and no
pair may repeat a pair of another set. ``python -m tests.store.pair_set_check pairs_fresh3.jsonl``
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
PAIRS = ROOT / "tests" / "data" / "resolution"
MANIFEST = ROOT / "tests" / "data" / "reports" / "manifest.json"
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "wikinews-2019-2020.jsonl"
TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
LABELS = {"same", "different"}
# words too common to tell one entity from another when two names share them
COMMON = {"of", "the", "and", "party", "united", "states", "us", "u.s.", "house", "department", "new"}


def load(path: Path) -> list[dict[str, Any]]:
    """The pairs of one ``.jsonl`` file."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def side_key(side: dict[str, Any]) -> tuple[str, str]:
    return side["url"], side["name"]


def pair_key(pair: dict[str, Any]) -> frozenset[tuple[str, str]]:
    return frozenset((side_key(pair["a"]), side_key(pair["b"])))


def words(name: str) -> set[str]:
    return {w for w in name.lower().split() if w not in COMMON}


def held_out() -> set[str]:
    """The urls of the dev and test reports."""
    with MANIFEST.open(encoding="utf-8") as f:
        return {r["url"] for r in json.load(f) if r["split"] in ("dev", "test")}


def texts() -> dict[str, str]:
    """Each corpus report's text as stored: its title, a blank line, its text."""
    with CORPUS.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return {r["url"]: r["title"] + "\n\n" + r["text"] for r in rows}


def side_problems(side: dict[str, Any], held: set[str], corpus: dict[str, str]) -> Iterable[str]:
    url, name = side_key(side)
    if url in held:
        yield f"dev or test report: {url}"
    if url not in corpus:
        yield f"not a corpus report: {url}"
    elif not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", corpus[url]):
        yield f"{name!r} is not in the text of {url}"
    if side.get("type") not in TYPES:
        yield f"unknown type {side.get('type')!r} for {name!r}"


def check(name: str) -> tuple[list[str], list[str]]:
    """The errors of the set ``name`` and the shared-word warnings a person must read."""
    new = load(PAIRS / name)
    others = [p for f in sorted(PAIRS.glob("pairs_*.jsonl")) if f.name != name for p in load(f)]
    taken: dict[str, set[str]] = {}
    for p in others:
        for s in ("a", "b"):
            taken.setdefault(p[s]["url"], set()).add(p[s]["name"])
    old_pairs = {pair_key(p) for p in others}
    held, corpus = held_out(), texts()
    errors: list[str] = []
    warnings: list[str] = []
    seen: set[frozenset[tuple[str, str]]] = set()
    for i, p in enumerate(new, 1):
        if p.get("label") not in LABELS or not p.get("reason"):
            errors.append(f"{i}: label or reason missing")
        key = pair_key(p)
        if key in old_pairs or key in seen:
            errors.append(f"{i}: repeats a pair")
        seen.add(key)
        for s in ("a", "b"):
            url, nm = side_key(p[s])
            errors += [f"{i}{s}: {e}" for e in side_problems(p[s], held, corpus)]
            if nm in taken.get(url, set()):
                errors.append(f"{i}{s}: {nm!r} is a side of another set in {url}")
            shared = [t for t in taken.get(url, set()) if words(t) & words(nm)]
            if shared:
                warnings.append(f"{i}{s}: {nm!r} shares a word with {shared} in {url}")
    return errors, warnings


if __name__ == "__main__":
    errs, warns = check(sys.argv[1] if len(sys.argv) > 1 else "pairs_fresh3.jsonl")
    for line in warns:
        print("read:", line)
    for line in errs:
        print("ERROR:", line)
    print(f"{len(errs)} errors, {len(warns)} to read")
    sys.exit(1 if errs else 0)

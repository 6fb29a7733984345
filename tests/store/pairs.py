"""Labelled same / different pairs of entities across corpus reports, scored against a store.

Each line of ``tests/data/resolution/pairs_*.jsonl`` names two entities by report url and name, with
the label a person gave after reading both reports and the reason. ``pairs_tune.jsonl`` is the set
the resolver was tuned on; ``pairs_holdout.jsonl`` was labelled before the resolver was run on it,
and its errors were read (and both sets fitted the pair model) once the scoring became learned;
``pairs_tune2.jsonl`` was labelled from reports ``pairs_fresh.jsonl`` does not use, to find what
the resolver gets wrong without reading the fresh set's errors; from the eighth round the fresh
set is tuned on too, and from the ninth ``pairs_fresh3.jsonl``; ``pairs_fresh2.jsonl`` and
``pairs_fresh4.jsonl`` are the never-tuned checks.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from claimgraph.store import Store, schema
from claimgraph.store.names import norm
from tests.conftest import DATA

PAIRS = DATA / "resolution"


@dataclass(slots=True)
class Score:
    tp: int
    fp: int
    fn: int
    tn: int
    missing: list[str]
    errors: list[str]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load(name: str) -> list[dict[str, Any]]:
    with (PAIRS / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def urls(*names: str) -> set[str]:
    return {p[side]["url"] for n in names for p in load(n) for side in ("a", "b")}


def graph_id(store: Store, side: dict[str, Any]) -> str | None:
    """The graph id of the entity a pair names: by report url, then the name (or an alias), then
    the entity with a mention over the labelled words where the text has them."""
    d, e, nm = schema.documents, schema.entities, schema.names
    with store.engine.connect() as conn:
        doc = conn.execute(select(d.c.id).where(d.c.url == side["url"])).scalar()
        rows = conn.execute(select(e.c.id, e.c.name, e.c.canonical_id).where(e.c.document_id == doc)).all()
        exact = [r for r in rows if r.name == side["name"]]
        if exact:
            return str(exact[0].canonical_id)
        named = conn.execute(
            select(nm.c.graph_id).join(e, e.c.id == nm.c.entity_id).where(
                (e.c.document_id == doc) & (nm.c.norm == norm(side["name"]))
            )
        ).scalar()
        if named:
            return str(named)
        # the labelled words as they stand in the text (as whole words): the entity whose mention
        # covers most of them ("First Lady Michelle Obama" where the extractor names "Michelle
        # Obama", "Elizabeth II" in "Queen Elizabeth II"; "Vermont Bernie Sanders" is Bernie
        # Sanders, not Vermont), at their first place in the text that any mention covers
        text = conn.execute(select(d.c.text).where(d.c.id == doc)).scalar() or ""
        m = schema.mentions
        words = re.escape(side["name"])
        for found in re.finditer(rf"(?<!\w){words}(?!\w)", text):
            at, end = found.span()
            covering = select(e.c.canonical_id, m.c.start, m.c.end).join(m, m.c.entity_id == e.c.id)
            inside = conn.execute(covering.where(
                (m.c.document_id == doc) & (m.c.start < end) & (m.c.end > at))).all()
            if inside:
                best = max(inside, key=lambda r: (min(end, r.end) - max(at, r.start), -r.start))
                return str(best.canonical_id)
        return None


def score(store: Store, name: str) -> Score:
    out = Score(0, 0, 0, 0, [], [])
    for p in load(name):
        a, b = graph_id(store, p["a"]), graph_id(store, p["b"])
        what = f"{p['a']['name']} / {p['b']['name']} ({p['label']})"
        if a is None or b is None:
            out.missing.append(what)
            continue
        same, said = a == b, p["label"] == "same"
        if same and said:
            out.tp += 1
        elif same:
            out.fp += 1
            out.errors.append("wrong merge: " + what)
        elif said:
            out.fn += 1
            out.errors.append("missed: " + what)
        else:
            out.tn += 1
    return out


if __name__ == "__main__":  # python -m tests.store.pairs DB [pairs_tune.jsonl]
    import sys

    from claimgraph.store import open_store

    s = open_store(sys.argv[1])
    for n in sys.argv[2:] or ["pairs_tune.jsonl"]:
        r = score(s, n)
        print(f"{n}: precision {r.precision:.3f} recall {r.recall:.3f} (tp {r.tp} fp {r.fp} fn {r.fn} tn {r.tn})")
        for line in r.errors + ["missing: " + m for m in r.missing]:
            print("  ", line)

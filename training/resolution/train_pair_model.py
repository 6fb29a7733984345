"""Fit the pair model (`graph/pair_model.py`) on the labelled pairs and estimate how it generalises.

    python training/resolution/train_pair_model.py [--db pairs.db] [--cv] [--write]

The labelled pairs (`tests/data/resolution/pairs_*.jsonl`) name two entities of two corpus
reports. Those reports go through the real pipeline into a store (``--db``, built once when it
does not exist: a few minutes), which is grouped and profiled the way `claimgraph resolve` does.
Each labelled pair whose two entities the name rules link gives one training row: the model's
features and the label. Pairs of one name group never reach the model (their exact names join
them) and pairs the rules do not link cannot be changed by it.

``--cv`` estimates the figures on unseen pairs by leaving reports out: the pairs are split into
eight folds by report (a pair goes to the fold of the first of its reports), the model is fitted on
the rows that share no report with the fold, and the store is resolved end to end with it
(candidate pairs, partial names, clustering) to judge the fold's pairs. ``--write`` stores the
weights fitted on every row in `src/claimgraph/data/pair_model.json`.
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from claimgraph.graph.features import all_features
from claimgraph.graph.pair_model import PairModel, fit, pair_features
from claimgraph.graph.resolve import EntityProfile, candidate_pairs, cluster, common_context, link_reason
from claimgraph.store import Store, open_store, schema
from claimgraph.store.report_facts import report_facts
from claimgraph.store.resolution import THRESHOLD, load_members, name_groups, profiles

ROOT = Path(__file__).resolve().parents[2]
PAIRS = ROOT / "tests" / "data" / "resolution"
SETS = ("pairs_tune.jsonl", "pairs_holdout.jsonl", "pairs_tune2.jsonl")
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "wikinews-2019-2020.jsonl"
MODEL = ROOT / "src" / "claimgraph" / "data" / "pair_model.json"
STRENGTHS = (1.0, 3.0, 10.0, 30.0)  # precisions of the prior tried; the one with the best estimate is kept
FOLDS = 8  # folds of reports: one resolution of the store per fold and strength


@dataclass(slots=True)
class Labelled:
    set: str
    a: str  # entity ids
    b: str
    reports: tuple[str, str]
    same: bool
    text: str


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, merged: bool, same: bool) -> None:
        if merged and same:
            self.tp += 1
        elif merged:
            self.fp += 1
        elif same:
            self.fn += 1
        else:
            self.tn += 1

    def __str__(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return f"precision {p:.3f} recall {r:.3f} (tp {self.tp} fp {self.fp} fn {self.fn} tn {self.tn})"


class PairStore:
    """A store of the labelled pairs' reports, grouped and profiled once."""

    def __init__(self, store: Store) -> None:
        with store.engine.connect() as conn:
            self.members = load_members(conn)
            facts = report_facts(conn, dict.fromkeys(m.id.rsplit(":", 1)[0] for m in self.members))
            self.groups = name_groups(self.members, facts)
            self.profiles: list[EntityProfile] = profiles(conn, self.groups, facts)
            docs = {u: i for i, u in conn.execute(select(schema.documents.c.id, schema.documents.c.url))}
            e = schema.entities
            rows = conn.execute(select(e.c.id, e.c.document_id, e.c.name, e.c.aliases).order_by(e.c.id)).all()
        self.head = {x.id: ms[0].id for ms in self.groups.values() for x in ms}
        self.feats = all_features(self.profiles)
        self.common = common_context(self.feats)
        by_doc: dict[str, list[Any]] = defaultdict(list)
        for r in rows:
            by_doc[r.document_id].append(r)
        self.labelled = [x for name in SETS for x in self._load(name, docs, by_doc)]

    def _load(self, name: str, docs: Mapping[str, str], by_doc: Mapping[str, list[Any]]) -> list[Labelled]:
        out = []
        for line in (PAIRS / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            p = json.loads(line)
            ids = []
            for side in (p["a"], p["b"]):
                rows = by_doc.get(docs.get(side["url"], ""), [])
                found = [r for r in rows if r.name == side["name"]] or [
                    r for r in rows if side["name"] in json.loads(r.aliases)]
                ids.append(found[0].id if found else None)
            if None in ids:
                print(f"  not in the store: {p['a']['name']} / {p['b']['name']}")
                continue
            out.append(Labelled(name, ids[0], ids[1], (p["a"]["url"], p["b"]["url"]), p["label"] == "same",
                                f"{p['a']['name']} / {p['b']['name']} ({p['label']})"))
        return out

    def rows(self, pairs: list[Labelled]) -> tuple[list[dict[str, float]], list[int], list[Labelled]]:
        """Training rows: the labelled pairs the name rules link across name groups."""
        xs, ys, used = [], [], []
        for p in pairs:
            a, b = self.feats[self.head[p.a]], self.feats[self.head[p.b]]
            if a.id == b.id or (reason := link_reason(a, b)) is None:
                continue
            xs.append(pair_features(a, b, reason, _company(a, b, self.common)))
            ys.append(int(p.same))
            used.append(p)
        return xs, ys, used

    def mapping(self, model: PairModel) -> dict[str, str]:
        """Every entity id -> its graph id, resolved end to end with ``model``."""
        edges: list[tuple[str, str, float]] = [(x.id, ms[0].id, 1.0) for ms in self.groups.values() for x in ms[1:]]
        edges += [(a, b, s) for a, b, s, _r in candidate_pairs(self.profiles, min_score=0.5, model=model)]
        return cluster([m.id for m in self.members], edges, [], THRESHOLD, profiles=self.profiles)


def _company(a: Any, b: Any, common: frozenset[str]) -> float:
    from claimgraph.graph.resolve import _shared_company

    return _shared_company(a, b, common)


def judge(pairs: list[Labelled], mapping: Mapping[str, str]) -> dict[str, Counts]:
    out: dict[str, Counts] = defaultdict(Counts)
    for p in pairs:
        merged = mapping[p.a] == mapping[p.b]
        out[p.set].add(merged, p.same)
        out["all"].add(merged, p.same)
    return out


def cross_validate(
    ps: PairStore, prior: PairModel, strength: float, n_folds: int = FOLDS
) -> dict[str, Counts]:
    """Leave-reports-out estimate of the figures on pairs never fitted on (see the module doc)."""
    folds: dict[int, list[Labelled]] = defaultdict(list)
    for p in ps.labelled:
        folds[zlib.crc32(min(p.reports).encode()) % n_folds].append(p)
    xs, ys, used = ps.rows(ps.labelled)
    full_mapping = ps.mapping(fit(xs, ys, prior, strength))
    total: dict[str, Counts] = defaultdict(Counts)
    for _report, test in sorted(folds.items()):
        held = {r for p in test for r in p.reports}
        keep = [i for i, p in enumerate(used) if not held & set(p.reports)]
        if len(keep) == len(used):
            mapping = full_mapping  # no row of the fold's reports: the model is the full one
        else:
            mapping = ps.mapping(fit([xs[i] for i in keep], [ys[i] for i in keep], prior, strength))
        for name, c in judge(test, mapping).items():
            for k in ("tp", "fp", "fn", "tn"):
                setattr(total[name], k, getattr(total[name], k) + getattr(c, k))
    return total


def build_store(path: Path) -> Store:
    """A store of the reports the labelled pairs come from, through the real pipeline."""
    from claimgraph.runner import ingest

    wanted = {json.loads(line)[side]["url"] for name in SETS
              for line in (PAIRS / name).read_text(encoding="utf-8").splitlines() if line.strip() for side in "ab"}
    reports = path.with_suffix(".jsonl")
    with CORPUS.open(encoding="utf-8") as f:
        reports.write_text("".join(line for line in f if line.strip() and json.loads(line)["url"] in wanted),
                           encoding="utf-8")
    store = open_store(str(path))
    ingest([str(reports)], store)
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="resolution-pairs.db", help="store of the pairs' reports (built if missing)")
    parser.add_argument("--cv", action="store_true", help="estimate the figures on unseen pairs for each strength")
    parser.add_argument("--strength", type=float, default=None, help="precision of the prior (default: the shipped one)")
    parser.add_argument("--write", action="store_true", help=f"write the fitted weights to {MODEL.name}")
    args = parser.parse_args()
    path = Path(args.db)
    store = open_store(str(path)) if path.exists() else build_store(path)
    ps = PairStore(store)
    shipped = json.loads(MODEL.read_text(encoding="utf-8"))
    prior = PairModel(shipped["prior"])
    xs, ys, used = ps.rows(ps.labelled)
    strength = args.strength or shipped.get("strength", 1.0)
    model = fit(xs, ys, prior, strength)
    print(f"{len(ps.labelled)} labelled pairs, {len(xs)} linked across name groups by the rules "
          f"({sum(ys)} same, {len(ys) - sum(ys)} different)")
    print(f"weights (strength {strength}):", model.to_dict())
    for label, m in (("prior only", prior), ("fitted", model)):
        for name, c in sorted(judge(ps.labelled, ps.mapping(m)).items()):
            print(f"{label:>12} {name:>20}: {c}")
    if args.cv:
        for s in STRENGTHS:
            for name, c in sorted(cross_validate(ps, prior, s).items()):
                print(f"{'cv ' + str(s):>12} {name:>20}: {c}")
    if args.write:
        shipped["weights"] = model.to_dict()
        shipped["strength"] = strength
        shipped["rows"] = len(xs)
        MODEL.write_text(json.dumps(shipped, indent=1) + "\n", encoding="utf-8")
        print(f"-> {MODEL}")


if __name__ == "__main__":
    main()

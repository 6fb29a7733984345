"""A trained quantity subject scorer against the rules (an experiment, not shipped: README.md,
round 12): judged out of fold (k folds by report) on train and, trained on all of train, on dev's
aggregate figures (never the test split).

    python training/quantities/scorer.py [--parses DIR] [--folds 5] [--mode fill|override]
        [--threshold T ...] [--drop PREFIX ...]

Reads the parses ``rerun.py`` keeps under ``--parses`` (run it first). Every figure the rules
count gets its subject candidates (``candidates.py``: the entities of its sentence and the one
before, the report's most named person and organisation, its main place, the rules' choice); a
candidate is positive when a gold quantity of the report has the figure's value and property and
the candidate as subject. A conditional logit of the candidates' feature words (numpy, L2) is
fitted; ``subjects_of`` is wrapped so that the scorer may fill in (``fill``) or replace
(``override``) the rules' subject when its best candidate reaches the threshold.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from errors import analyse, print_tables, score  # noqa: E402
from rerun import load_split  # noqa: E402

from tests.evaluation import load_gold  # noqa: E402

from candidates import candidates  # noqa: E402
from subject_scorer import SubjectScorer, null_features  # noqa: E402

RULES = SubjectScorer({}, threshold=2.0)  # never takes a candidate: the rules alone


def run(report: tuple[Path, Any, dict[str, Any], Any], scorer: SubjectScorer,
        trace: list[Any] | None = None) -> dict[str, Any]:
    """The report's extraction with its quantities found again, the rules' subjects passed through
    ``scorer``; ``trace`` collects each figure's words, property, value and candidates."""
    from dataclasses import asdict

    from claimgraph.nlp import quantities
    from claimgraph.nlp.quant_counted import money_kind
    from claimgraph.nlp.quant_numbers import currency_of, value_of
    from claimgraph.nlp.rel_index import EntityIndex

    rules = quantities.subjects_of

    def scored(idx: Any, group: Any, noun: Any, num: Any, prop: str, **kw: Any) -> list[str]:
        chosen = rules(idx, group, noun, num, prop, **kw)
        changed = quantities._changed(prop, noun, num)
        stated = (money_kind(noun, num) or prop) if currency_of(group) else changed
        cands = candidates(idx, group, noun if noun is not None else num, stated, chosen, kw.get("speaker"))
        if trace is not None:
            trace.append((group, stated, (value_of(group) or (0.0,))[0], cands))
        return scorer.choose(cands, chosen)

    path, doc, data, ex = report
    idx = EntityIndex(doc, ex.entities)
    quantities.subjects_of = scored  # type: ignore[assignment]
    try:
        found = quantities.find_quantities(doc, ex.entities, ex.quotes, idx)
    finally:
        quantities.subjects_of = rules
    return {**data, "quantities": [asdict(q) for q in found]}


Group = list[tuple[list[str], int]]


def rows(report: tuple[Path, Any, dict[str, Any], Any]) -> list[Group]:
    """Every figure of a report: "no subject" and its candidates, each with its feature words and
    label (the null's is 1 when no candidate is the gold subject)."""
    trace: list[Any] = []
    run(report, RULES, trace)
    path, _, data, _ = report
    gold = load_gold(path)
    res = score.Resolver(data, gold)
    out = []
    for _, prop, value, cands in trace:
        golds = [g for g in gold.get("quantities", [])
                 if g["property"] == prop and float(g["value"]) == value]
        labels = [int(any(res.is_(c.eid, g["subject"]) for g in golds)) for c in cands]
        if cands:
            out.append([(null_features(cands), int(not any(labels))),
                        *((c.features, y) for c, y in zip(cands, labels))])
    return out


def fit(groups: list[Group], l2: float = 1.0, steps: int = 1500) -> dict[str, float]:
    """A conditional logit of feature words over each figure's options (full-batch gradient
    descent, L2 on the weights); a figure with several gold subjects shares its probability."""
    vocab = sorted({f for g in groups for feats, _ in g for f in feats})
    col = {f: i for i, f in enumerate(vocab)}
    n = sum(len(g) for g in groups)
    x = np.zeros((n, len(vocab)))
    gid = np.zeros(n, dtype=int)
    y = np.zeros(n)
    r = 0
    for k, g in enumerate(groups):
        total = sum(label for _, label in g)
        for feats, label in g:
            for f in feats:
                x[r, col[f]] = 1.0
            gid[r], y[r] = k, label / total
            r += 1
    w = np.zeros(len(vocab))
    rate = 1.0
    for _ in range(steps):
        s = x @ w
        top = np.full(len(groups), -np.inf)
        np.maximum.at(top, gid, s)
        e = np.exp(s - top[gid])
        p = e / np.bincount(gid, weights=e)[gid]
        w -= rate * (x.T @ (p - y) / len(groups) + l2 * w / len(groups))
    return {f: round(float(w[i]), 4) for f, i in col.items() if abs(w[i]) >= 1e-4}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--parses", type=Path, default=Path("/tmp/quant-parses"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--mode", default="fill")
    parser.add_argument("--threshold", type=float, nargs="*", default=[0.5])
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--drop", nargs="*", default=[], help="feature words to leave out, by prefix")
    args = parser.parse_args()
    train = load_split("train", args.parses)
    drop = tuple(args.drop)
    train_rows = [[[([f for f in feats if not drop or not f.startswith(drop)], y) for feats, y in g]
                   for g in rows(r)] for r in train]
    figures = [g for r in train_rows for g in r]
    print(f"train: {len(figures)} figures, {sum(len(g) - 1 for g in figures)} candidates, "
          f"{sum(1 for g in figures if not g[0][1])} with the gold subject among them")
    folds = [list(range(k, len(train), args.folds)) for k in range(args.folds)]
    models = []
    for fold in folds:
        held = set(fold)
        models.append(fit([g for i, r in enumerate(train_rows) if i not in held for g in r], args.l2))
    dev = load_split("dev", args.parses)
    whole = fit(figures, args.l2)
    tables: dict[str, Counter[str]] = {
        "train rules": analyse("train", [(r[0], run(r, RULES)) for r in train], False),
        "dev rules": analyse("dev", [(r[0], run(r, RULES)) for r in dev], False)}
    for t in args.threshold:
        oof = []
        for fold, model in zip(folds, models):
            oof += [(train[i][0], run(train[i], SubjectScorer(model, t, args.mode))) for i in fold]
        tables[f"train oof {t}"] = analyse("train", oof, False)
        tables[f"dev {t}"] = analyse("dev", [(r[0], run(r, SubjectScorer(whole, t, args.mode))) for r in dev],
                                     False)
    print_tables(tables)

if __name__ == "__main__":
    main()

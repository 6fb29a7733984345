"""Out-of-fold figures for the relation scorer: k-fold cross-validation over the train reports.

    python training/relations/crossval.py [--folds 5] [--cached] [--config config.cfg] [--seeds 3]
        [--frames] [--only FOLD ...]

The train split's reports are dealt into ``--folds`` folds (by report, in name order, round
robin). For each fold a scorer is trained with `make train`'s recipe (``spacy train config.cfg``,
``model-last``, once per seed of ``--seeds`` and the weights averaged, ``average.py``) on the other
folds' candidates and scores the fold's
candidates; the dev split is scored by a scorer trained on all train reports, as `make train`
builds it, and the shipped scorer is measured on both as well. The relation component is then
replayed on those scores (``both`` mode: the patterns' relations, vetoed under ``rule_floor``,
plus scored predicates at or over ``threshold``) and measured as `tests/evaluation.py` pools
relations: recall over positive gold relations, precision over every extracted relation.

``--frames`` trains and scores on the candidates' feature words with the argument frames
(``features_with_frames``, fourteenth round); ``--only`` scores only some folds (the out-of-fold
figures are then over their reports alone). The train figures are also given over the other
outlets' reports alone (``oof-other``).

The pipeline's output per report (candidates, features, labels, pattern relations) is kept in
``training/relations/cache/``; ``--cached`` reuses it (only while the code is unchanged: the
features are in it).
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from average import average  # noqa: E402
from build_data import NONE, Featurizer, ReportData, docbin, pipeline, report_data  # noqa: E402
from tests.evaluation import Counts, relation_counts, split_files  # noqa: E402

from claimgraph.model import PREDICATES, SYMMETRIC_PREDICATES  # noqa: E402
from claimgraph.nlp.rel_candidates import features, features_with_frames  # noqa: E402
from claimgraph.nlp.rel_scorer import RelationScorer, load_scorer  # noqa: E402

CACHE = HERE / "cache"
SHIPPED = "claimgraph.models/relation_scorer"
SEEDS = 3  # scorers averaged into the one shipped (`make train`: seeds 0, 1 and 2)
Cats = list[dict[str, float]]


def collect(split: str, cached: bool = False, featurizers: dict[str, Featurizer] | None = None,
            tag: str = "") -> list[ReportData]:
    """The split's reports through the pipeline (``featurizers`` give features to compare); with
    ``cached``, as the last run left them."""
    path = CACHE / f"{split}{tag}.pkl"
    if path.exists() and cached:
        with path.open("rb") as f:
            data: list[ReportData] = pickle.load(f)
        return data
    nlp = pipeline()
    featurizers = featurizers or {"features": features, "frames": features_with_frames}
    data = [report_data(nlp, p, featurizers) for p in split_files(split)]
    CACHE.mkdir(exist_ok=True)
    with path.open("wb") as f:
        pickle.dump(data, f)
    return data


def rows(reports: Sequence[ReportData], feat: str = "features") -> list[tuple[str, str]]:
    return [(c.feats[feat], c.label) for r in reports for c in r.cands if c.label]


def train(train_rows: list[tuple[str, str]], dev_rows: list[tuple[str, str]], out: Path,
          config: Path = HERE / "config.cfg", seeds: int = SEEDS) -> Path:
    """`make train`'s scorer from these rows: `spacy train` once per seed (``model-last``), then the
    mean of their weights (``average.py``); the path of the model it ships."""
    out.mkdir(parents=True, exist_ok=True)
    docbin(train_rows).to_disk(out / "train.spacy")
    docbin(dev_rows).to_disk(out / "dev.spacy")
    models = []
    for seed in range(seeds):
        subprocess.run([sys.executable, "-m", "spacy", "train", str(config),
                        "--output", str(out / f"seed{seed}"), "--paths.train", str(out / "train.spacy"),
                        "--paths.dev", str(out / "dev.spacy"), "--system.seed", str(seed)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        models.append(out / f"seed{seed}" / "model-last")
    average(models, out / "model")
    return out / "model"


def predict(model: str | Path, reports: Sequence[ReportData], feat: str = "features") -> list[Cats]:
    """Each report's candidates' probabilities per label under a scorer."""
    scorer = RelationScorer(load_scorer(str(model)), 0.0)
    return [scorer.cats([c.feats[feat] for c in r.cands]) if r.cands else [] for r in reports]


def folds(reports: Sequence[ReportData], k: int) -> list[int]:
    order = sorted(range(len(reports)), key=lambda i: reports[i].name)
    fold = [0] * len(reports)
    for n, i in enumerate(order):
        fold[i] = n % k
    return fold


def out_of_fold(train_reports: Sequence[ReportData], dev_reports: Sequence[ReportData], k: int,
                work: Path, feat: str = "features", config: Path = HERE / "config.cfg", seeds: int = SEEDS,
                only: Sequence[int] | None = None) -> list[Cats]:
    """Every train report's scores from a scorer trained on the other folds (``only``: just these
    folds' reports are scored, the others' are left empty)."""
    fold = folds(train_reports, k)
    cats: list[Cats] = [[] for _ in train_reports]
    for f in range(k) if only is None else only:
        held = [i for i in range(len(train_reports)) if fold[i] == f]
        rest = [r for i, r in enumerate(train_reports) if fold[i] != f]
        model = train(rows(rest, feat), rows(dev_reports, feat), work / f"fold{f}", config, seeds)
        for i, c in zip(held, predict(model, [train_reports[i] for i in held], feat)):
            cats[i] = c
        print(f"fold {f}: {len(held)} reports scored", file=sys.stderr)
    return cats


def decide(report: ReportData, cats: Cats, threshold: float | dict[str, float], rule_floor: float
           ) -> list[tuple[str, str, str, str]]:
    """The relations `both` mode keeps (subject, predicate, object, modality), as
    ``RelationComponent`` decides them."""
    doubted = {(c.subject, label, c.object, c.sent) for c, p in zip(report.cands, cats)
               for label in c.rules if p.get(label, 0.0) < rule_floor}
    kept = [(s, p, o, m) for s, p, o, start, _, m in report.rules if (s, p, o, start) not in doubted]
    seen = {(s, p, o) for s, p, o, _ in kept} | {(o, p, s) for s, p, o, _ in kept if p in SYMMETRIC_PREDICATES}
    for c, p in zip(report.cands, cats):
        rel = {k: v for k, v in p.items() if k != NONE}
        if not rel:
            continue
        label, prob = max(rel.items(), key=lambda kv: kv[1])
        thr = threshold if isinstance(threshold, float) else threshold.get(label, 1.1)
        if prob < thr or label not in PREDICATES or (c.subject, label, c.object) in seen:
            continue
        if label not in c.fitting or c.blocked:
            continue
        modality = "claimed" if c.speaker in (c.subject, c.object) and c.modality == "reported" else c.modality
        seen.add((c.subject, label, c.object))
        if label in SYMMETRIC_PREDICATES:
            seen.add((c.object, label, c.subject))
        kept.append((c.subject, label, c.object, modality))
    return kept


def measure(reports: Sequence[ReportData], cats: Sequence[Cats], threshold: float | dict[str, float],
            rule_floor: float) -> tuple[float, float, Counts]:
    """Pooled relation recall and precision of `both` mode with these scores."""
    counts = Counts()
    for r, c in zip(reports, cats):
        rels = [{"subject": s, "predicate": p, "object": o, "modality": m} for s, p, o, m in decide(r, c, threshold,
                                                                                                    rule_floor)]
        relation_counts({**r.extraction, "relations": rels}, r.gold, counts)
    return (counts.found_relations / max(1, counts.gold_relations),
            counts.correct_relations / max(1, counts.extracted_relations), counts)


def run(train_reports: Sequence[ReportData], dev_reports: Sequence[ReportData], k: int = 5,
        config: Path = HERE / "config.cfg", feat: str = "features", seeds: int = SEEDS,
        only: Sequence[int] | None = None) -> tuple[list[Cats], list[Cats]]:
    """Out-of-fold scores of the train reports, and the dev reports' scores under a scorer trained
    on all of them."""
    with tempfile.TemporaryDirectory() as tmp:
        oof = out_of_fold(train_reports, dev_reports, k, Path(tmp), feat, config, seeds, only)
        full = train(rows(train_reports, feat), rows(dev_reports, feat), Path(tmp) / "all", config, seeds)
        return oof, predict(full, dev_reports, feat)


def sources(source: str) -> set[str]:
    """The file names of the manifest's reports from this source ("other": other outlets)."""
    manifest = json.loads((HERE.parents[1] / "tests/data/reports/manifest.json").read_text(encoding="utf-8"))
    return {Path(x["file"]).name for x in manifest if x["source"] == source}


def table(name: str, reports: Sequence[ReportData], cats: Sequence[Cats]) -> None:
    """Recall/precision per veto (rule_floor) and threshold; for train, also over the other
    outlets' reports alone."""
    if name == "oof":
        other = sources("other")
        keep = [i for i, r in enumerate(reports) if r.name in other]
        table("oof-other", [reports[i] for i in keep], [cats[i] for i in keep])
    for floor in (0.0, 0.05, 0.2):
        line = " ".join(f"{t:.2f}:{r:.3f}/{p:.3f}" for t in (0.4, 0.45, 0.5, 0.55, 0.6, 0.7)
                        for r, p, _ in [measure(reports, cats, t, floor)])
        print(f"{name:8} floor {floor:.2f}  {line}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--cached", action="store_true", help="reuse the last run's candidates (same code)")
    ap.add_argument("--config", type=Path, default=HERE / "config.cfg")
    ap.add_argument("--save", type=Path, help="pickle the scores here")
    ap.add_argument("--seeds", type=int, default=SEEDS, help="scorers averaged (one per seed)")
    ap.add_argument("--frames", action="store_true", help="train with the argument frames (fourteenth round)")
    ap.add_argument("--only", type=int, nargs="+", help="score only these folds (figures over them)")
    args = ap.parse_args()
    train_reports, dev_reports = collect("train", args.cached), collect("dev", args.cached)
    feat = "frames" if args.frames else "features"
    oof, dev = run(train_reports, dev_reports, args.folds, args.config, feat, args.seeds, args.only)
    shipped_train, shipped_dev = predict(SHIPPED, train_reports), predict(SHIPPED, dev_reports)
    if args.save:
        with args.save.open("wb") as f:
            pickle.dump({"oof": oof, "dev": dev, "shipped_train": shipped_train, "shipped_dev": shipped_dev}, f)
    fold = folds(train_reports, args.folds)
    scored = [i for i, f in enumerate(fold) if args.only is None or f in args.only]
    table("oof", [train_reports[i] for i in scored], [oof[i] for i in scored])
    table("dev", dev_reports, dev)
    table("shipped-train", train_reports, shipped_train)
    table("shipped-dev", dev_reports, shipped_dev)


if __name__ == "__main__":
    main()

"""Accuracy of the extractor on annotated reports, per split (train / dev / test).

The splits are by report and fixed in `tests/data/reports/manifest.json` (new reports) plus the
older gold sets, which all fed rules at some point and so count as training data:

- **train**: `../shared/eval/dev/`, `tests/data/gold/`, `tests/data/fresh/` (its sentences leaked
  into tests) and `tests/data/reports/train/`; rules, lexicon entries and the relation scorer
  are written and trained from these.
- **dev**: `tests/data/reports/dev/`: to choose between designs and thresholds.
- **test**: `tests/data/reports/test/`: never read while writing rules or training; the README's
  figures come from it.

Scores are the shared scorer's (`../shared/eval/score.py`) plus our own for what it does not
measure: relation precision and modality, quantity recall with the right subject and quantity
precision (an extracted quantity that a gold quantity states with its value, property and subject;
the gold lists clear cases only, so this is a floor).
"""

from __future__ import annotations

import functools
import importlib.util
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.model import SYMMETRIC_PREDICATES

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"
REPORTS = DATA / "reports"

_spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
score = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(score)  # type: ignore[union-attr]

SPLITS = ("train", "dev", "test")
# measures averaged over files (the shared scorer's), and pooled counts (ours)
FILE_MEASURES = ("quote_recall", "quote_attribution", "quote_precision", "entity_recall", "alias_merge",
                 "distinct_kept", "document_checks")


def split_files(split: str) -> list[Path]:
    """The annotated report texts of a split (each has `X.gold.json` beside it)."""
    dirs = {"train": [SHARED / "eval" / "dev", DATA / "gold", DATA / "fresh", REPORTS / "train"],
            "dev": [REPORTS / "dev"], "test": [REPORTS / "test"]}[split]
    return sorted(p for d in dirs for p in d.glob("*.txt") if gold_path(p).exists())


def gold_path(text_path: Path) -> Path:
    return text_path.with_name(text_path.stem + ".gold.json")


def load_gold(text_path: Path) -> dict[str, Any]:
    """A gold file, with `attributed_to: null` dropped (the shared scorer reads a present key as
    a speaker to match)."""
    gold = json.loads(gold_path(text_path).read_text(encoding="utf-8"))
    for rel in gold.get("relations", []):
        if rel.get("attributed_to") is None:
            rel.pop("attributed_to", None)
    return gold


@dataclass
class Counts:
    """Pooled counts over a set of reports."""

    gold_relations: int = 0
    found_relations: int = 0
    extracted_relations: int = 0
    correct_relations: int = 0
    modality_judged: int = 0
    modality_right: int = 0
    denied_as_positive: int = 0
    gold_quantities: int = 0
    found_quantities: int = 0
    quantity_subject: int = 0
    unknown_properties: int = 0
    extracted_quantities: int = 0
    correct_quantities: int = 0
    gold_quotes: int = 0
    found_quotes: int = 0
    attributed_quotes: int = 0
    extracted_quotes: int = 0
    matched_quotes: int = 0
    per_file: dict[str, dict[str, float]] = field(default_factory=dict)


def _relation_matches(r: dict[str, Any], g: dict[str, Any], res: Any, lenient: dict[str, list[str]]) -> bool:
    ok = set(lenient.get(g["predicate"], [g["predicate"]]))
    if r.get("predicate") not in ok:
        return False
    sides = [(g["subject"], g["object"])]
    if g["predicate"] in SYMMETRIC_PREDICATES:  # an alliance is one fact whichever side comes first
        sides.append((g["object"], g["subject"]))
    return any(res.is_(r.get("subject"), s) and res.is_(r.get("object"), o) for s, o in sides)


def relation_counts(extraction: dict[str, Any], gold: dict[str, Any], counts: Counts) -> None:
    """Recall over positive gold relations; precision of every extracted relation against all
    gold relations (the new gold lists every stated relation); modality on the matched ones; and
    relations the text denies that come out as positive."""
    res = score.Resolver(extraction, gold)
    lenient = gold.get("relations_lenient", {})
    rels = extraction.get("relations", [])
    positive = [g for g in gold.get("relations", []) if g.get("modality", "asserted") != "denied"]
    denied = [g for g in gold.get("relations", []) if g.get("modality") == "denied"]
    counts.gold_relations += len(positive)
    for g in positive:
        hits = [r for r in rels if _relation_matches(r, g, res, lenient)]
        counts.found_relations += bool(hits)
        if hits and "modality" in g:
            counts.modality_judged += 1
            counts.modality_right += any(r.get("modality") == g["modality"] for r in hits)
    for r in rels:
        counts.extracted_relations += 1
        counts.correct_relations += any(_relation_matches(r, g, res, lenient) for g in positive)
        counts.denied_as_positive += r.get("modality") != "denied" and any(
            _relation_matches(r, g, res, {}) for g in denied)


@functools.cache
def known_properties() -> frozenset[str]:
    """The properties the extractor names (its lexicon's), besides money ("amount") and its kinds."""
    from claimgraph.nlp.quantities import table

    t = table()
    return frozenset({"amount", *t["nouns"].values(), *t["states"].values(), *t["money_kinds"].values()})


def quantity_counts(extraction: dict[str, Any], gold: dict[str, Any], counts: Counts) -> None:
    """Gold quantities of the properties the extractor knows (annotators also coined others:
    "vote_share", "purchase_limit"...; `reports` counts them apart as `unknown_properties`)."""
    res = score.Resolver(extraction, gold)
    got = extraction.get("quantities", []) or []
    for g in gold.get("quantities", []):
        if g["property"] not in known_properties():
            counts.unknown_properties += 1
            continue
        counts.gold_quantities += 1
        same = [q for q in got if float(q["value"]) == float(g["value"]) and q["property"] == g["property"]]
        if same:
            counts.found_quantities += 1
            counts.quantity_subject += any(res.is_(q["subject"], g["subject"]) for q in same)
    for q in got:  # precision: an extracted quantity some gold quantity states (gold lists clear cases only)
        counts.extracted_quantities += 1
        counts.correct_quantities += any(
            float(q["value"]) == float(g["value"]) and q["property"] == g["property"]
            and res.is_(q["subject"], g["subject"]) for g in gold.get("quantities", []))


def quote_counts(extraction: dict[str, Any], gold: dict[str, Any], scores: dict[str, float], counts: Counts) -> None:
    """Pooled quote counts, read back from the shared scorer's per-file ratios: a report with no
    gold quote (a press release, an editorial) then weighs nothing, where the file average counts
    its recall as 0, and one with many quotes weighs by them."""
    n_gold, n_extracted = len(gold.get("quotes", [])), len(extraction.get("quotes", []))
    counts.gold_quotes += n_gold
    counts.found_quotes += round(scores["quote_recall"] * n_gold)
    counts.attributed_quotes += round(scores["quote_attribution"] * n_gold)
    counts.extracted_quotes += n_extracted
    counts.matched_quotes += round(scores["quote_precision"] * n_extracted)


def evaluate(pairs: Iterable[tuple[Path, dict[str, Any]]]) -> dict[str, float]:
    """Figures for (text path, extraction dict) pairs: file-averaged shared measures plus pooled
    relation and quantity measures."""
    counts = Counts()
    sums: dict[str, float] = {}
    n = 0
    for path, extraction in pairs:
        gold = load_gold(path)
        scores = score.score(extraction, gold)
        counts.per_file[path.name] = scores
        for k in FILE_MEASURES:
            sums[k] = sums.get(k, 0.0) + scores[k]
        n += 1
        quote_counts(extraction, gold, scores, counts)
        relation_counts(extraction, gold, counts)
        quantity_counts(extraction, gold, counts)
    out = {k: v / max(1, n) for k, v in sums.items()}
    out["quote_recall_pooled"] = counts.found_quotes / max(1, counts.gold_quotes)
    out["quote_attribution_pooled"] = counts.attributed_quotes / max(1, counts.gold_quotes)
    out["quote_precision_pooled"] = counts.matched_quotes / max(1, counts.extracted_quotes)
    out["relation_recall"] = counts.found_relations / max(1, counts.gold_relations)
    out["relation_precision"] = counts.correct_relations / max(1, counts.extracted_relations)
    out["relation_modality"] = counts.modality_right / max(1, counts.modality_judged)
    out["denied_as_positive"] = float(counts.denied_as_positive)
    out["quantity_recall"] = counts.found_quantities / max(1, counts.gold_quantities)
    out["quantity_subject"] = counts.quantity_subject / max(1, counts.gold_quantities)
    out["quantity_precision"] = counts.correct_quantities / max(1, counts.extracted_quantities)
    out["quantities_measured"] = float(counts.gold_quantities)
    out["quantities_unmeasured"] = float(counts.unknown_properties)
    out["reports"] = float(n)
    return out


def extract_split(split: str, nlp: Any = None, extractions: Any = None) -> list[tuple[Path, dict[str, Any]]]:
    """Extract every report of a split as `claimgraph extract FILE --format json` would (through the
    test run's shared ``extractions`` when given, ``tests/extractions.py``)."""
    from claimgraph.extract import extract_many
    from claimgraph.ingest import read_documents

    paths = split_files(split)
    docs = list(read_documents([str(p) for p in paths]))
    if extractions is not None:
        return [(p, ex.to_dict()) for p, ex in zip(paths, extractions.many(docs))]
    return [(p, ex.to_dict()) for p, ex in zip(paths, extract_many(docs, nlp=nlp))]  # type: ignore[arg-type]

"""Body token F1 on the vendored article pages (tests/data/pages/), as the scrapinghub
article-extraction-benchmark's ``evaluate.py`` defines it.

A page's text is cut into word tokens (``\\w+``) and overlapping 4-token shingles; true
positives, false positives and false negatives count shingles (with multiplicity) and are
normalised per page so a long page weighs no more than a short one. Precision and recall are
averaged over pages, and F1 is their harmonic mean.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PAGES = Path(__file__).resolve().parent / "data" / "pages"
SPLITS = ("tune", "test")
TOKEN = re.compile(r"\w+")
NGRAM = 4


def load_pages(split: str) -> Iterator[dict[str, Any]]:
    """The records of one split: id, url, pasted (a browser's innerText), html, body (the truth)."""
    with gzip.open(PAGES / f"pages-{split}.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + NGRAM]) for i in range(max(1, len(tokens) - NGRAM + 1)) if tokens[i : i + NGRAM]
    )


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Shingle counts of one page, normalised to sum to 1."""
    t, p = _shingles(true), _shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


@dataclass(frozen=True, slots=True)
class Score:
    f1: float
    precision: float
    recall: float


def score(counts: Sequence[tuple[float, float, float]]) -> Score:
    """Precision and recall averaged over pages, and their harmonic mean."""
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(f1, precision, recall)


def page_f1(true: str, pred: str) -> float:
    tp, fp, fn = tp_fp_fn(true, pred)
    p, r = _precision(tp, fp, fn), _recall(tp, fp, fn)
    return 2 * p * r / (p + r) if p + r else 0.0

"""Merge precision and recall on the labelled pair sets (issue #8), end to end: the corpus
reports the pairs come from go through the real pipeline into a store, which resolves them.

Both sets are now tuned on: ``pairs_tune.jsonl`` from the start, ``pairs_holdout.jsonl`` since
its errors were read to make the scoring general, and both train the pair model
(``training/resolution/train_pair_model.py``, whose leave-reports-out estimate predicts a fresh
set). ``pairs_fresh.jsonl`` (122 pairs over 132 reports, labelled from the texts after both) was
never tuned on: it tells how the resolver generalises, and its errors must not be read to change
the resolver (label a new set for that). The floors
sit a few points under what this store measures. One backend is enough here: the resolver is
the same Python on both, and ``test_resolution.py`` runs the store's resolution on SQLite and
PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from claimgraph.model import Extraction
from claimgraph.store import Store, open_store
from tests.conftest import CORPUS
from tests.store.pairs import load, score, urls

TUNE, HOLDOUT, FRESH = "pairs_tune.jsonl", "pairs_holdout.jsonl", "pairs_fresh.jsonl"
# (precision, recall); measured on this store 0.981 / 0.962, 0.979 / 0.939 and, never tuned on,
# 0.917 / 0.759 (issue #8 asks for the never-tuned set within 0.03 of the others: not met)
FLOORS = {TUNE: (0.95, 0.93), HOLDOUT: (0.95, 0.91), FRESH: (0.88, 0.72)}
# fresh pairs whose entity the extractor does not find in its report (4 measured): extraction misses
FRESH_MISSING = 6


@pytest.fixture(scope="module")
def pair_store(nlp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    import json

    from claimgraph.extract import extract_many
    from claimgraph.ingest import read_documents

    wanted = urls(TUNE, HOLDOUT, FRESH)
    tmp = tmp_path_factory.mktemp("pairs")
    reports = tmp / "reports.jsonl"
    with CORPUS.open(encoding="utf-8") as f:
        reports.write_text("".join(line for line in f if line.strip() and json.loads(line)["url"] in wanted), encoding="utf-8")
    store = open_store(str(tmp / "pairs.db"))
    documents = (d for d in read_documents([str(reports)]) if not isinstance(d, Exception))
    for ex in extract_many(documents, nlp=nlp):
        assert isinstance(ex, Extraction)
        store.add(ex)
    store.resolve()
    yield store
    store.close()


def test_resolution_pairs_are_labelled_with_reasons() -> None:
    for name, least in ((TUNE, 80), (HOLDOUT, 40), (FRESH, 80)):
        pairs = load(name)
        assert len(pairs) >= least
        assert all(p["label"] in ("same", "different") and p["reason"] for p in pairs)
        assert all(p[s]["url"].startswith("https://en.wikinews.org/") for p in pairs for s in "ab")
    assert {p["label"] for p in load(HOLDOUT)} == {"same", "different"}


@pytest.mark.parametrize("name", [TUNE, HOLDOUT, FRESH])
def test_resolution_pairs_precision_and_recall(pair_store: Store, name: str) -> None:
    result = score(pair_store, name)
    assert len(result.missing) <= (FRESH_MISSING if name == FRESH else 0), result.missing
    least_precision, least_recall = FLOORS[name]
    assert result.precision >= least_precision, result.errors
    assert result.recall >= least_recall, result.errors


def test_resolution_pairs_issue_cases(pair_store: Store) -> None:
    """The issue's wrong merges stay apart and its missed merges are made."""
    errors = set(score(pair_store, TUNE).errors)
    for kept_apart in ("Labour Party / Labor Party", "Interior Minister / Interior Ministry",
                       "First Lady Michelle Obama / Obama", "Elizabeth / Elizabeth II"):
        assert not any(e.startswith("wrong merge: " + kept_apart) for e in errors), errors
    for joined in ("Trump / Donald Trump", "Revolutionary Guards / Islamic Revolutionary Guard Corps",
                   "Islamic Revolutionary Guard Corps / Iranian Revolutionary Guard Corps",
                   "Pedro R. Pierluisi Urrutia / Pedro Pierluisi"):
        assert not any(e.startswith("missed: " + joined) for e in errors), errors

"""Fixtures shared by every test area: paths of the shared material and the spaCy pipeline."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.extractions import Extractions

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "dev"
CORPUS = SHARED / "corpus" / "wikinews" / "wikinews-2019-2020.jsonl"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from claimgraph.nlp.pipeline import load_pipeline

    return load_pipeline(None)  # the same load as `extract(...)` without a pipeline (lru_cache key)


@pytest.fixture(scope="session")
def extractions(nlp, tmp_path_factory: pytest.TempPathFactory) -> Extractions:  # type: ignore[no-untyped-def]
    """The real pipeline's extractions, each report parsed once per run (``tests/extractions.py``);
    parallel workers share them through the run's temporary folder."""
    base = tmp_path_factory.getbasetemp()
    return Extractions(nlp, (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "extractions")


@pytest.fixture(scope="session")
def corpus() -> list[dict[str, Any]]:
    """The 295 Wikinews articles of the shared corpus, as dicts (url, date, title, text)."""
    with CORPUS.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]

"""Fixtures of the ingest tests: the small real inputs under tests/data/ingest/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CORPUS, DATA, DEV

INGEST = DATA / "ingest"
PASTED = sorted(p for p in INGEST.glob("*.txt") if p.with_suffix(".expect.json").exists())
# Clean reports (title line, blank, date line, body): the dev set and the gold fixtures of tests/data/gold.
CLEAN_DEV = sorted(p for p in DEV.glob("*.txt") if p.name != "pasted-page.txt") + sorted((DATA / "gold").glob("*.txt"))


def expectations(path: Path) -> dict[str, Any]:
    """What a fixture must give (title, date, publisher, authors, strings gone or kept)."""
    data: dict[str, Any] = json.loads(path.with_suffix(".expect.json").read_text(encoding="utf-8"))
    return data


def body_paragraphs(text: str) -> list[str]:
    """The paragraphs of a clean report: its non-blank lines after the first (title or date line)."""
    return [line.strip() for line in text.splitlines() if line.strip()][1:]


@pytest.fixture(scope="session")
def corpus_by_url(corpus: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["url"]: row for row in corpus}


__all__ = ["CLEAN_DEV", "CORPUS", "DEV", "INGEST", "PASTED", "body_paragraphs", "expectations"]

"""The saved HTML pages of the annotated reports (`tests/data/reports/html/`), read as a user's
`claimgraph extract page.html` reads them, and scored against the same gold as their `.txt`.

Each report of the thirteenth round was cut by hand from a saved page; its page is vendored
gzipped as `html/<split>/<stem>.html.gz`. Extracting the page measures page cleaning and
extraction end to end; the body token F1 (`tests/pages_score.py`) of the page's document text
against the `.txt` body measures the cleaning alone.
"""

from __future__ import annotations

import gzip
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimgraph.model import Document
from tests.evaluation import REPORTS, split_files
from tests.pages_score import page_f1

HTML = REPORTS / "html"


@dataclass(frozen=True)
class Page:
    """One report's page: its `.txt` path (the gold's key), the page's extraction and body F1."""

    text_path: Path
    extraction: dict[str, Any]
    body_f1: float


def page_path(text_path: Path) -> Path:
    """Where a report's saved page would be (`html/<split>/<stem>.html.gz`)."""
    return HTML / text_path.parent.name / f"{text_path.stem}.html.gz"


def paged_files(split: str) -> list[Path]:
    """The report texts of a split that have a saved page."""
    return [p for p in split_files(split) if p.is_relative_to(REPORTS) and page_path(p).exists()]


def read_pages(text_paths: list[Path]) -> list[Document]:
    """Each report's page read through `read_documents`, from a decompressed `<stem>.html`."""
    from claimgraph.ingest import read_documents

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for text_path in text_paths:
            path = Path(tmp) / f"{text_path.stem}.html"
            path.write_bytes(gzip.decompress(page_path(text_path).read_bytes()))
            paths.append(str(path))
        docs = list(read_documents(paths))
    bad = [d for d in docs if not isinstance(d, Document)]
    assert not bad, f"pages not read: {bad}"
    return [d for d in docs if isinstance(d, Document)]


def body(text: str, title: str | None) -> str:
    """A document's text without its leading title line."""
    if title and text.startswith(title):
        return text[len(title):].lstrip()
    return text


def body_f1(text_path: Path, document: Document) -> float:
    """Body token F1 of the page's document text against the report's hand-cut `.txt` body
    (its title line and the blank line after it left out)."""
    truth = text_path.read_text(encoding="utf-8").split("\n", 2)
    return page_f1(truth[-1], body(document.text, document.title))


def extract_pages(split: str, nlp: Any = None, extractions: Any = None) -> list[Page]:
    """Every paged report of a split, extracted from its page (through the test run's shared
    ``extractions`` when given, ``tests/extractions.py``)."""
    from claimgraph.extract import extract_many

    paths = paged_files(split)
    docs = read_pages(paths)
    if extractions is not None:
        got = extractions.many(docs)
    else:
        got = extract_many(docs, nlp=nlp)
    return [Page(p, ex.to_dict(), body_f1(p, d)) for p, d, ex in zip(paths, docs, got)]

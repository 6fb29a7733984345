"""Accuracy gate on real article pages (tests/data/pages/): the held-out `test` split only.

The rules for pasted pages were written looking at the `tune` pages; these figures are on pages
they never saw. Floors sit a few points under the figures measured when the gate was set
(README: pasted-page body F1 0.919, precision 0.911; HTML 0.981), so a change that loses
accuracy fails loudly. The bodies come through `read_documents`, as `claimgraph extract
page.txt` (or page.html) reads them.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest
import trafilatura

from claimgraph.ingest import read_documents
from claimgraph.model import Document
from tests.pages_score import PAGES, Score, load_pages, score, tp_fp_fn

PASTED_F1 = 0.89
PASTED_PRECISION = 0.88
HTML_F1 = 0.95


def _checksums() -> dict[str, str]:
    rows = (
        line.split()
        for line in (PAGES / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
    return {name: digest for digest, name in rows}


def _body(path: Path) -> str:
    doc = next(iter(read_documents([str(path)])))
    if not isinstance(doc, Document):
        return ""
    return (
        doc.text[len(doc.title) :].lstrip("\n") if doc.title and doc.text.startswith(doc.title) else doc.text
    )


def _score(pages: list[dict[str, str]], tmp: Path, field: str, suffix: str) -> Score:
    counts = []
    for page in pages:
        path = tmp / f"{page['id'][:12]}{suffix}"
        path.write_text(page[field], encoding="utf-8")
        counts.append(tp_fp_fn(page["body"], _body(path)))
    return score(counts)


@pytest.fixture(scope="module")
def test_pages() -> list[dict[str, str]]:
    return list(load_pages("test"))


@pytest.mark.parametrize("name", ["pages-tune.jsonl.gz", "pages-test.jsonl.gz"])
def test_pages_gate_data_checksum(name: str) -> None:
    assert hashlib.sha256((PAGES / name).read_bytes()).hexdigest() == _checksums()[name]


def test_pages_gate_pasted_body(test_pages: list[dict[str, str]], tmp_path: Path) -> None:
    raw = score([tp_fp_fn(p["body"], p["pasted"]) for p in test_pages])
    cleaned = _score(test_pages, tmp_path, "pasted", ".txt")
    assert cleaned.f1 >= PASTED_F1, cleaned
    assert cleaned.precision >= PASTED_PRECISION, cleaned
    assert cleaned.f1 > raw.f1 + 0.1, (raw, cleaned)


def test_pages_gate_html_body_at_least_trafilatura(test_pages: list[dict[str, str]], tmp_path: Path) -> None:
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    ours = _score(test_pages, tmp_path, "html", ".html")
    theirs = {
        setting: score(
            [tp_fp_fn(p["body"], trafilatura.extract(p["html"], **{setting: True}) or "") for p in test_pages]
        )
        for setting in ("favor_precision", "favor_recall")
    }
    theirs["default"] = score([tp_fp_fn(p["body"], trafilatura.extract(p["html"]) or "") for p in test_pages])
    assert ours.f1 >= HTML_F1, ours
    assert ours.f1 >= max(s.f1 for s in theirs.values()), (ours, theirs)

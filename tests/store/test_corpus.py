"""Real reports through the real pipeline into the store: round trips, a kill mid-run, the whole corpus."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimgraph.model import Extraction
from claimgraph.store import Store, open_store
from tests.extractions import Extractions
from tests.store.test_store import snapshot


def test_corpus_slice_round_trips_through_the_store(
    store: Store, slice_extractions: list[Extraction]
) -> None:
    for ex in slice_extractions:
        assert store.add(ex).status == "added"
    store.resolve()
    texts = {ex.document.id: ex.document.text for ex in slice_extractions}
    quotes = list(store.iter_quotes())
    assert len(quotes) == sum(len(ex.quotes) for ex in slice_extractions)
    for q in quotes:  # offsets still point at the quoted words
        assert texts[q.document_id][q.start : q.end] == q.text
    stored = {(c.document_id, c.start, c.end, c.predicate) for c in store.iter_claims()}
    given = {
        (ex.document.id, r.evidence.start, r.evidence.end, r.predicate)
        for ex in slice_extractions
        for r in ex.relations
    }
    assert given <= stored
    entities = list(store.iter_entities())
    per_report = sum(len(ex.entities) for ex in slice_extractions)
    assert len({e.id for e in entities}) == len(entities) < per_report  # actors merged across reports
    assert max(len(e.documents) for e in entities) >= 3


def _ingest(db: Path, source: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from claimgraph.cli import main; main()",
            "ingest",
            str(source),
            "--db",
            str(db),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_corpus_sigkill_mid_ingest_then_rerun_completes(
    tmp_path: Path, slice_path: Path, slice_extractions: list[Extraction]
) -> None:
    killed = tmp_path / "killed.db"
    proc = _ingest(killed, slice_path)
    deadline = time.monotonic() + 120
    while _stored(killed) < 5 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < _stored(killed) < 20, "the kill came before or after the writing"
    with sqlite3.connect(killed) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rerun = _ingest(killed, slice_path)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read() if rerun.stderr else ""
    with open_store(killed) as a, open_store(tmp_path / "clean.db") as b:
        for ex in slice_extractions:  # the same reports, never interrupted, as `ingest` stores them
            b.add(ex)
        b.resolve()
        assert a.stats()["documents"] == 20
        assert snapshot(a) == snapshot(b)  # interrupted and resumed equals never interrupted


@pytest.fixture(scope="module")
def corpus_extractions(extractions: Extractions, corpus) -> list[Extraction]:  # type: ignore[no-untyped-def]
    """All 295 corpus reports, read as JSON Lines records and extracted once for both backends."""
    from claimgraph.ingest.jsonl import document_from_record
    from claimgraph.model import Document

    docs = [document_from_record(json.dumps(row), f"corpus#{i}") for i, row in enumerate(corpus)]
    return extractions.many(d for d in docs if isinstance(d, Document))


@pytest.mark.slow
def test_corpus_whole_corpus_twice_gives_the_same_store(
    store: Store, corpus_extractions: list[Extraction]
) -> None:
    assert len(corpus_extractions) >= 290  # a record or two of the corpus is not a readable report
    for ex in corpus_extractions:
        store.add(ex)
    store.resolve()
    once = snapshot(store)
    assert store.stats()["documents"] == len({ex.document.id for ex in corpus_extractions})
    for ex in corpus_extractions:
        assert store.add(ex).status == "skipped"
    store.resolve()
    assert snapshot(store) == once

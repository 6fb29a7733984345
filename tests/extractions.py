"""One extraction per report per test run, whichever fixtures (and xdist workers) ask for it.

Many fixtures run real corpus reports through the real pipeline: the whole corpus, the reports of
the labelled pairs, the web store's slice, the first twenty... and the same report came through
several of them. :class:`Extractions` is ``extract_many`` with a cache: a report is keyed by what
extraction reads of it (its text and where its headline ends) and by a fingerprint of the package
(rules, lexicons, models) and the pipeline, and its extraction is pickled under the run's temporary
folder. Parallel workers share that folder: a worker extracts the reports no other worker holds
(a lock per report), then waits for the ones another worker is extracting, so two workers needing
the same reports split them instead of both parsing them.
"""

from __future__ import annotations

import copy
import fcntl
import hashlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import claimgraph
from claimgraph.extract import BATCH_SIZE, extract_parsed, make_doc
from claimgraph.model import Document, Extraction

Parts = tuple[Any, Any, Any, Any]  # entities, quotes, relations, quantities


def fingerprint(nlp: Any) -> str:
    """The package's files (code, rules, lexicons, models) and the pipeline's name and components."""
    h = hashlib.sha256(repr((nlp.meta.get("name"), nlp.meta.get("version"), nlp.pipe_names)).encode())
    package = Path(claimgraph.__file__).resolve().parent
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


class Extractions:
    """``extract_many`` over a per-run cache of pickled extractions shared by the run's workers.

    The cache lives in this run's temporary folder, so it never outlives the code and models that
    filled it; the fingerprint keeps apart what one run's fixtures extract with other pipelines."""

    def __init__(self, nlp: Any, folder: Path) -> None:
        self.nlp = nlp
        self.folder = folder / fingerprint(nlp)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.held: dict[str, Parts] = {}  # this process's, already read

    def key(self, document: Document) -> str:
        title = document.title or ""
        title_end = len(title) if title and document.text.startswith(title) else 0
        return hashlib.sha256(f"{title_end}\0{document.text}".encode()).hexdigest()

    def _read(self, key: str) -> Parts | None:
        if key not in self.held:
            path = self.folder / f"{key}.pickle"
            if not path.exists():
                return None
            self.held[key] = pickle.loads(path.read_bytes())
        return self.held[key]

    def _write(self, key: str, parts: Parts) -> None:
        self.held[key] = parts
        tmp = self.folder / f"{key}.{os.getpid()}.tmp"
        tmp.write_bytes(pickle.dumps(parts))
        os.replace(tmp, self.folder / f"{key}.pickle")

    def _lock(self, key: str, wait: bool) -> IO[bytes] | None:
        f = (self.folder / f"{key}.lock").open("ab")
        try:
            fcntl.flock(f, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # another worker is extracting it
            f.close()
            return None
        return f

    def _extract(self, documents: list[tuple[str, Document]]) -> None:
        """Extract documents whose locks this process holds, in one stream as ``extract_many`` does."""
        pairs = ((make_doc(self.nlp, d), (k, d)) for k, d in documents)
        for doc, (key, document) in self.nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
            ex = extract_parsed(document, doc)
            self._write(key, (ex.entities, ex.quotes, ex.relations, ex.quantities))

    def many(self, documents: Iterable[Document]) -> list[Extraction]:
        """What ``list(extract_many(documents, nlp=nlp))`` gives, each report parsed once per run."""
        docs = [(self.key(d), d) for d in documents]
        waiting: list[tuple[str, Document]] = []
        for start in range(0, len(docs), BATCH_SIZE):
            mine, locks, seen = [], [], set()
            for key, d in docs[start : start + BATCH_SIZE]:
                if key in self.held or key in seen:
                    continue
                seen.add(key)
                lock = self._lock(key, wait=False)
                if lock is None:
                    waiting.append((key, d))
                    continue
                locks.append(lock)
                if self._read(key) is None:
                    mine.append((key, d))
            try:
                self._extract(mine)
            finally:
                for lock in locks:
                    lock.close()
        for key, d in waiting:  # extracted by another worker meanwhile, or (had it failed) here
            lock = self._lock(key, wait=True)
            assert lock is not None
            with lock:
                if self._read(key) is None:
                    self._extract([(key, d)])
        out = []
        for key, d in docs:
            parts = copy.deepcopy(self.held[key])  # each caller gets lists of its own
            out.append(Extraction(d, *parts))
        return out

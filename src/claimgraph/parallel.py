"""Extract many documents in order, in this process or spread over worker processes.

A document whose extraction fails becomes an ``ExtractionFailed`` in the stream; the others go on.
Workers take batches of documents and run each through ``nlp.pipe``, as one process does (one
document per task parsed a tenth slower and cost the main process a future and two pickles per
report). Documents are read from the input as results are taken (at most a few batches per worker
in flight), so a stream of any length passes in constant memory. A worker that dies (a crash, the
OOM killer) costs one document, not the run: the pool is started again, the documents of the lost
batch are tried one at a time, and the other batches in flight resubmitted.
Workers die with the main process, even when it is killed (``PR_SET_PDEATHSIG`` on Linux).
"""

from __future__ import annotations

import ctypes
import itertools
import logging
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from claimgraph.model import Document

log = logging.getLogger(__name__)
_MODEL: str | None = None
BATCH_SIZE = 32  # documents per nlp.pipe batch in one process
POOL_BATCH = 16  # documents per task of a worker process: enough for nlp.pipe, small enough to spread
IN_FLIGHT_PER_WORKER = 2  # batches
EXTRACTION_FAILED = "E900"
_PR_SET_PDEATHSIG = 1


@dataclass(slots=True)
class ExtractionFailed:
    source: str
    reason: str
    code: str = EXTRACTION_FAILED


def die_with_parent() -> None:
    """Ask Linux to send this process SIGTERM when its parent dies (a no-op elsewhere)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):  # no prctl in this libc
            pass


def _init(model: str | None) -> None:
    global _MODEL
    _MODEL = model
    die_with_parent()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main process's orderly-stop handler
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    from claimgraph.nlp.pipeline import load_pipeline

    load_pipeline(model)  # load once per worker, before the first document


def _extract_batch(documents: list[Document]) -> list[dict[str, Any] | ExtractionFailed]:
    """A worker's task: the documents through ``nlp.pipe``; one at a time if the batch fails."""
    try:
        return list(_in_process(documents, _MODEL))
    except Exception:  # the pipe itself failed: find the document, keep the others
        log.exception("a batch failed; extracting its documents one at a time")
        return [_extract_one(d) for d in documents]


def _extract_one(document: Document) -> dict[str, Any] | ExtractionFailed:
    from claimgraph.extract import extract

    try:
        return extract(document, model=_MODEL).to_dict()
    except Exception as exc:  # one bad document must not end the run
        log.exception("extraction failed for %s", document.source)
        return ExtractionFailed(document.source or document.id, f"extraction failed: {exc!r}")


def _in_process(documents: Iterable[Document], model: str | None) -> Iterator[dict[str, Any] | ExtractionFailed]:
    from claimgraph.extract import extract, extract_parsed, make_doc
    from claimgraph.nlp.pipeline import load_pipeline

    nlp = load_pipeline(model)

    def pairs() -> Iterator[tuple[Any, tuple[Document, bool]]]:
        for d in documents:
            long = len(d.text) > nlp.max_length
            # a text over the parser's limit passes as an empty Doc (results stay in input order)
            # and is extracted in parts below
            yield (nlp.make_doc("") if long else make_doc(nlp, d)), (d, long)

    for doc, (document, long) in nlp.pipe(pairs(), as_tuples=True, batch_size=BATCH_SIZE):
        try:
            yield (extract(document, nlp=nlp) if long else extract_parsed(document, doc)).to_dict()
        except Exception as exc:  # one bad document must not end the run
            log.exception("extraction failed for %s", document.source)
            yield ExtractionFailed(document.source or document.id, f"extraction failed: {exc!r}")


def extract_dicts(
    documents: Iterable[Document], *, model: str | None = None, workers: int = 1
) -> Iterator[dict[str, Any] | ExtractionFailed]:
    """Extractions as plain dicts, in input order. ``workers > 1`` uses that many processes."""
    if workers <= 1:
        yield from _in_process(documents, model)
        return
    yield from _in_pool(iter(documents), model, workers)


def _in_pool(documents: Iterator[Document], model: str | None, workers: int) -> Iterator[dict[str, Any] | ExtractionFailed]:
    window = workers * IN_FLIGHT_PER_WORKER
    batches = iter(lambda: list(itertools.islice(documents, POOL_BATCH)), [])
    pool = _start(model, workers)
    pending: deque[tuple[list[Document], Future[list[dict[str, Any] | ExtractionFailed]]]] = deque()
    try:
        while True:
            while len(pending) < window and (batch := next(batches, None)) is not None:
                pending.append((batch, pool.submit(_extract_batch, batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                yield from future.result()
            except BrokenProcessPool:
                # A worker died with some batch in flight, and every future of the pool fails:
                # try the oldest batch's documents alone, each in a sound pool (only a document
                # that kills is lost), then resubmit the other batches.
                _stop(pool)
                pool = _start(model, workers)
                for document in batch:
                    try:
                        yield from pool.submit(_extract_batch, [document]).result()
                    except BrokenProcessPool:
                        log.error("a worker died while extracting %s", document.source)
                        yield ExtractionFailed(document.source or document.id,
                                               "the worker process died extracting it")
                        _stop(pool)
                        pool = _start(model, workers)
                pending = deque((b, pool.submit(_extract_batch, b)) for b, _ in pending)
    finally:
        _stop(pool)


def _start(model: str | None, workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, initializer=_init, initargs=(model,))


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop at once: cancel what is queued and end the workers (on Ctrl-C, SIGTERM or an error)."""
    processes = list(getattr(pool, "_processes", {}).values() or [])
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(5)

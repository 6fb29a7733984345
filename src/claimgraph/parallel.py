"""Extract many documents in order, in this process or spread over worker processes.

A document whose extraction fails becomes an ``ExtractionFailed`` in the stream; the others go on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from claimgraph.model import Document

log = logging.getLogger(__name__)
_MODEL: str | None = None
BATCH_SIZE = 32


@dataclass(slots=True)
class ExtractionFailed:
    source: str
    reason: str


def _init(model: str | None) -> None:
    global _MODEL
    _MODEL = model
    from claimgraph.nlp.pipeline import load_pipeline

    load_pipeline(model)  # load once per worker, before the first document


def _extract_one(document: Document) -> dict[str, Any] | ExtractionFailed:
    from claimgraph.extract import extract

    try:
        return extract(document, model=_MODEL).to_dict()
    except Exception as exc:  # one bad document must not end the run
        log.exception("extraction failed for %s", document.source)
        return ExtractionFailed(document.source or document.id, f"extraction failed: {exc!r}")


def _in_process(documents: Iterable[Document], model: str | None) -> Iterator[dict[str, Any] | ExtractionFailed]:
    from claimgraph.extract import extract_parsed, make_doc
    from claimgraph.nlp.pipeline import load_pipeline

    nlp = load_pipeline(model)
    pairs = ((make_doc(nlp, d), d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
        try:
            yield extract_parsed(document, doc).to_dict()
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
    with ProcessPoolExecutor(workers, initializer=_init, initargs=(model,)) as pool:
        # map keeps input order; chunks amortise the pickling of each document
        yield from pool.map(_extract_one, documents, chunksize=4)

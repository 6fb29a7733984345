"""``claimgraph.ingest``: read reports, extract them and store them, as one library call.

The CLI's ``ingest`` command only parses its arguments, calls :func:`ingest` and prints the
:class:`IngestSummary`. Every bad input, failed extraction and refused write is one
:class:`IngestError` in the summary (with the file and, for JSON Lines, the line) and the run goes
on; each report is committed in its own transaction, so an interrupted run keeps what it stored.
Cross-report resolution runs at the end, and again on the next run if this one never finished it
(the store remembers which reports it has resolved).
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

from claimgraph.errors import ClaimgraphError, InputError, StoreError
from claimgraph.model import Document, Extraction
from claimgraph.parallel import ExtractionFailed
from claimgraph.store import Store, open_store

log = logging.getLogger(__name__)

Engine = Literal["local", "ray"]
Input = str | os.PathLike[str] | Document


class Interrupted(KeyboardInterrupt):
    """SIGTERM, turned into the same orderly stop as Ctrl-C."""


@dataclass(slots=True)
class IngestError:
    """One input that was not stored: which file (and line), why, and the error code."""

    source: str
    reason: str
    code: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}#{self.line}" if self.line else self.source
        return f"{where}: {self.reason} [{self.code}]"


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did. ``documents`` counts the reports read (stored, already in or
    failed in extraction); inputs that could not be read are only in ``errors``."""

    documents: int = 0
    added: int = 0
    new_versions: int = 0
    already_in: int = 0
    new_entities: int = 0
    quotes: int = 0
    relations: int = 0
    quantities: int = 0
    entities_regrouped: int = 0
    resolved: bool = False
    interrupted: bool = False
    errors: list[IngestError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def ingest(
    inputs: Input | Iterable[Input],
    store: Store | str | os.PathLike[str] | None = None,
    *,
    engine: Engine = "local",
    workers: int = 1,
    model: str | None = None,
    resolve: bool = True,
    on_error: Callable[[IngestError], None] | None = None,
    progress: Callable[[Iterator[Any]], Iterator[Any]] | None = None,
) -> IngestSummary:
    """Extract and store reports: paths (files, folders, ``-``) and ``Document``s, in order.

    ``store`` is a :class:`Store` or a SQLite path / ``postgresql://`` URL (default: the ``db``
    setting). ``engine="ray"`` runs the extraction on Ray (``workers`` actors, one pipeline each);
    ``"local"`` runs it here (``workers > 1``: that many processes). ``on_error`` is called with
    each error as it happens. Ctrl-C and SIGTERM stop the run in order: ``interrupted`` is set and
    what was stored stays stored. A store that fails as a whole (full disk, lost server) raises
    :class:`StoreError` after the reports before it were committed; its ``summary`` attribute
    counts them.
    """
    if engine not in ("local", "ray"):
        raise ValueError(f"engine must be 'local' or 'ray', not {engine!r}")
    own = not isinstance(store, Store)
    target = store if isinstance(store, Store) else open_store(os.fspath(store) if store is not None else None)
    summary = IngestSummary()
    tally: Counter[str] = Counter()

    def fail(err: IngestError) -> None:
        summary.errors.append(err)
        if on_error:
            on_error(err)

    def documents() -> Iterator[Document]:
        for item in _read(inputs):
            if isinstance(item, InputError):
                fail(_input_error(item))
                continue
            summary.documents += 1
            if target.has_document(item.id):
                tally["skipped"] += 1  # already in: no need to extract it again
            else:
                yield item

    results: Iterator[Any] | None = None
    try:
        with _sigterm_as_interrupt():
            results = _extract(documents(), engine=engine, workers=workers, model=model)
            for data in progress(results) if progress else results:
                if isinstance(data, ExtractionFailed):
                    fail(_split(data.source, data.reason, data.code))
                    continue
                extraction = Extraction.from_dict(data) if isinstance(data, dict) else data
                try:
                    result = target.add(extraction)
                except StoreError as exc:
                    if exc.fatal:
                        raise
                    fail(_split(extraction.document.source or extraction.document.id, exc.reason, exc.code))
                    continue
                tally[result.status] += 1
                tally.update(entities=result.new_entities, quotes=result.quotes,
                             relations=result.relations, quantities=result.quantities)
            if resolve and target.resolution_pending():
                summary.entities_regrouped = target.resolve()
                summary.resolved = True
    except KeyboardInterrupt:
        summary.interrupted = True  # the report being written was rolled back; every earlier one is kept
    except ClaimgraphError as exc:
        exc.summary = _counted(summary, tally)  # type: ignore[attr-defined]  # what was stored before
        raise
    finally:
        if results is not None and hasattr(results, "close"):
            results.close()  # stop the workers now, not when the generator is collected
        if own:
            target.close()
    return _counted(summary, tally)


def _counted(summary: IngestSummary, tally: Counter[str]) -> IngestSummary:
    summary.added, summary.new_versions, summary.already_in = tally["added"], tally["new_version"], tally["skipped"]
    summary.new_entities, summary.quotes = tally["entities"], tally["quotes"]
    summary.relations, summary.quantities = tally["relations"], tally["quantities"]
    return summary



def _read(inputs: Input | Iterable[Input]) -> Iterator[Document | InputError]:
    # the readers (trafilatura and the rest) load when a run reads: `import claimgraph` stays light
    from claimgraph.ingest.sources import read_documents

    if isinstance(inputs, (str, os.PathLike, Document)):
        inputs = [inputs]
    paths: list[str] = []
    for item in inputs:
        if isinstance(item, Document):
            yield from read_documents(paths)
            paths = []
            yield _storable(item)
        else:
            paths.append(os.fspath(item))
    yield from read_documents(paths)


def _storable(document: Document) -> Document:
    """The document with lone surrogates and NUL characters (which no store can hold) replaced,
    as the JSON Lines reader does; its id then follows the new text."""
    from claimgraph.ingest.jsonl import storable

    if storable(document.text) == document.text and storable(document.title or "") == (document.title or ""):
        return document
    return replace(document, text=storable(document.text),
                   title=storable(document.title) if document.title else document.title, id="")


def _extract(documents: Iterator[Document], *, engine: Engine, workers: int, model: str | None) -> Iterator[Any]:
    if engine == "ray":
        from claimgraph.ray_engine import extract_on_ray

        return extract_on_ray(documents, model=model, workers=workers)
    from claimgraph.parallel import extract_dicts

    return extract_dicts(documents, model=model, workers=workers)


def _input_error(err: InputError) -> IngestError:
    return _split(err.path, err.reason, err.code)


def _split(where: str, reason: str, code: str) -> IngestError:
    """``PATH#LINE`` (how JSON Lines name a record) to a path and a line number."""
    from claimgraph.ingest.sources import display_name

    path, _, line = where.rpartition("#")
    if path and line.isdigit():
        return IngestError(display_name(path), reason, code, int(line))
    return IngestError(display_name(where), reason, code)


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM stops the run like Ctrl-C (workers stopped, summary kept) instead of killing it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        raise Interrupted()

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


__all__ = ["IngestError", "IngestSummary", "ingest"]

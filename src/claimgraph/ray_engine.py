"""Extraction on Ray: ``claimgraph ingest ... --engine ray``.

Each Ray actor loads one spaCy pipeline when it starts and extracts batches of documents through
``nlp.pipe`` (the same code as the local engine), so the model is loaded once per worker, not per
report. Ray's own ``ActorPool`` hands out the batches and returns results in submission order; the
driver keeps only a few batches per actor in flight, so documents stream from the input to the
store's writer in constant memory. Which machines run the actors is Ray's business: a local Ray
started for the run, or a cluster joined with ``connect(address)`` (``ray start --head``).
"""

from __future__ import annotations

import itertools
import logging
import os
import socket
from collections.abc import Iterator
from typing import Any

from claimgraph.errors import ClaimgraphError
from claimgraph.model import Document
from claimgraph.parallel import ExtractionFailed

log = logging.getLogger(__name__)

BATCH = 16  # documents per call: enough for nlp.pipe to batch, small enough to spread
IN_FLIGHT_PER_ACTOR = 2


class RayError(ClaimgraphError):
    """Ray is not installed, or the cluster cannot be reached."""

    code = "E500"


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise RayError("--engine ray needs Ray: pip install 'claimgraph[ray]'") from exc
    return ray


def connect(address: str | None = None, **options: Any) -> None:
    """Join the Ray cluster at ``address`` (``HOST:PORT``, ``ray://HOST:PORT`` or ``auto``: the one
    ``ray start`` started on this machine), or start a Ray of this process's own when None (and
    ``RAY_ADDRESS`` is unset). A no-op when this process is already connected.

    Ray itself, given no address, joins the last cluster ``ray start`` recorded on this machine,
    and retries for minutes (Ray 2.60: 20 attempts of about 40 s) when that one is gone, e.g. a
    head killed rather than stopped; so None means a new Ray here, and a ``HOST:PORT`` where
    nothing answers fails at once.
    """
    ray = _ray()
    if ray.is_initialized():
        return
    target = address or os.environ.get("RAY_ADDRESS") or "local"
    if target not in ("auto", "local") and not _answers(target):
        raise RayError(f"cannot reach the Ray cluster at {target}: nothing answers there")
    # the workers import claimgraph the way this process does
    path = os.environ.get("PYTHONPATH")
    runtime_env = {"env_vars": {"PYTHONPATH": path}} if path else None
    try:
        ray.init(address=target, runtime_env=runtime_env, log_to_driver=False,
                 **({"include_dashboard": False} if target == "local" else {}), **options)
    except Exception as exc:  # ConnectionError, RuntimeError... Ray raises several kinds
        where = "a new local Ray" if target == "local" else target
        raise RayError(f"cannot reach the Ray cluster at {where}: {exc}") from exc


def _answers(address: str, timeout: float = 5.0) -> bool:
    """Whether something accepts a TCP connection at ``[ray://]HOST:PORT`` (True when the address
    is not of that form: Ray then judges it)."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        return True
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout):
            return True
    except OSError:
        return False


class Extractor:
    """A Ray actor: one spaCy pipeline, many batches."""

    def __init__(self, model: str | None) -> None:
        from claimgraph.nlp.pipeline import load_pipeline

        self.model = model
        load_pipeline(model)

    def extract(self, documents: list[Document]) -> list[dict[str, Any] | ExtractionFailed]:
        from claimgraph.parallel import extract_dicts

        return list(extract_dicts(documents, model=self.model))


def extract_on_ray(
    documents: Iterator[Document], *, model: str | None = None, workers: int = 1
) -> Iterator[dict[str, Any] | ExtractionFailed]:
    """Extractions as plain dicts, in input order, from ``workers`` Ray actors."""
    ray = _ray()
    from ray.util import ActorPool

    connect()
    # a dead actor (a crash, the OOM killer) is restarted by Ray; only its batch is lost
    actor = ray.remote(num_cpus=1, max_restarts=3)(Extractor)
    actors = [actor.remote(model) for _ in range(max(1, workers))]
    pool = ActorPool(actors)
    batches = iter(lambda: list(itertools.islice(documents, BATCH)), [])
    window = len(actors) * IN_FLIGHT_PER_ACTOR
    submitted: list[list[Document]] = []
    try:
        for batch in itertools.islice(batches, window):
            pool.submit(lambda a, b: a.extract.remote(b), batch)
            submitted.append(batch)
        while pool.has_next():  # type: ignore[no-untyped-call, unused-ignore]  # Any without Ray
            batch = submitted.pop(0)
            try:
                results = pool.get_next()
            except ray.exceptions.RayError as exc:  # the actor died: this batch is lost, not the run
                log.error("a Ray worker failed: %s", exc)
                results = [ExtractionFailed(d.source or d.id, f"the Ray worker failed: {type(exc).__name__}")
                           for d in batch]
            yield from results
            for more in itertools.islice(batches, 1):
                pool.submit(lambda a, b: a.extract.remote(b), more)
                submitted.append(more)
    finally:
        for a in actors:
            ray.kill(a)

"""Exports of the cross-document graph: FollowTheMoney, GraphML, GEXF, Neo4j CSV, CSV tables.

One module per format, each an exporter object with ``write(item)`` and ``finalize()`` in the
manner of followthemoney's ``export/``; :func:`export_graph` drives one over a store.
"""

from __future__ import annotations

import logging
from pathlib import Path

from claimgraph.errors import ClaimgraphError
from claimgraph.export.common import Exporter, GraphSource
from claimgraph.export.csv import CSVExporter
from claimgraph.export.ftm import FtMExporter
from claimgraph.export.neo4j import Neo4jExporter
from claimgraph.export.network import GEXFExporter, GraphMLExporter

log = logging.getLogger(__name__)

# format -> (exporter, whether ``out`` is a folder)
FORMATS: dict[str, tuple[type[Exporter], bool]] = {
    "ftm": (FtMExporter, False),
    "graphml": (GraphMLExporter, False),
    "gexf": (GEXFExporter, False),
    "neo4j": (Neo4jExporter, True),
    "csv": (CSVExporter, True),
}

__all__ = ["FORMATS", "ExportError", "Exporter", "GraphSource", "export_graph"]


class ExportError(ClaimgraphError):
    """The export cannot be written: unknown format, or the output path is unusable."""

    code = "E400"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def export_graph(store: GraphSource, fmt: str, out: str | Path, *, force: bool = False) -> dict[str, int]:
    """Write the graph of ``store`` to ``out`` in format ``fmt``; returns counts per record kind.

    ``out`` is a file for ftm (JSON lines), graphml and gexf, a folder for neo4j and csv. An
    existing file, or a folder that is not empty, is refused unless ``force``.
    """
    if fmt not in FORMATS:
        raise ExportError(str(out), f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    exporter_class, is_folder = FORMATS[fmt]
    out = Path(out)
    if is_folder and out.exists() and not out.is_dir():
        raise ExportError(str(out), f"{fmt} export writes a folder, and this is a file")
    if not is_folder and out.is_dir():
        raise ExportError(str(out), f"{fmt} export writes a file, and this is a folder")
    if not force and (out.is_file() or (out.is_dir() and any(out.iterdir()))):
        raise ExportError(str(out), "already exists; choose another --out or pass --force to overwrite it")
    try:
        exporter = exporter_class(out)
    except OSError as exc:
        raise ExportError(str(out), exc.strerror or str(exc)) from exc
    try:
        for stream in (store.iter_documents, store.iter_entities, store.iter_claims, store.iter_quotes):
            for item in stream():
                exporter.write(item)
    finally:
        exporter.finalize()
    log.info("exported %s to %s: %s", fmt, out, exporter.counts)
    return dict(exporter.counts)

"""Exports of the cross-document graph: FollowTheMoney, GraphML, GEXF, Neo4j CSV, CSV tables.

One module per format, each an exporter object with ``write(item)`` and ``finalize()`` in the
manner of followthemoney's ``export/``; :func:`export_graph` drives one over a store.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from claimgraph.errors import ClaimgraphError
from claimgraph.export.common import Exporter, GraphSource

log = logging.getLogger(__name__)

# format -> (module:class of its exporter, whether ``out`` is a folder). By name, so that listing
# the formats (the CLI's --format choices) does not import followthemoney or networkx.
FORMATS: dict[str, tuple[str, bool]] = {
    "ftm": ("claimgraph.export.ftm:FtMExporter", False),
    "graphml": ("claimgraph.export.network:GraphMLExporter", False),
    "gexf": ("claimgraph.export.network:GEXFExporter", False),
    "neo4j": ("claimgraph.export.neo4j:Neo4jExporter", True),
    "csv": ("claimgraph.export.csv:CSVExporter", True),
}

__all__ = ["FORMATS", "ExportError", "Exporter", "GraphSource", "export_graph", "exporter_class"]


def exporter_class(fmt: str) -> type[Exporter]:
    """The exporter class of a format, its module imported now."""
    module, name = FORMATS[fmt][0].split(":")
    cls: type[Exporter] = getattr(importlib.import_module(module), name)
    return cls


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
    is_folder = FORMATS[fmt][1]
    out = Path(out)
    if is_folder and out.exists() and not out.is_dir():
        raise ExportError(str(out), f"{fmt} export writes a folder, and this is a file")
    if not is_folder and out.is_dir():
        raise ExportError(str(out), f"{fmt} export writes a file, and this is a folder")
    if not force and (out.is_file() or (out.is_dir() and any(out.iterdir()))):
        raise ExportError(str(out), "already exists; choose another --out or pass --force to overwrite it")
    try:
        exporter = exporter_class(fmt)(out)
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

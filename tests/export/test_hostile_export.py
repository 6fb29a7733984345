"""Hostile content in exports (issue #10): report text that a spreadsheet would run as a formula is
neutralised in CSV and Neo4j CSV; an existing --out is never overwritten without --force."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

from click.testing import CliRunner

from claimgraph.export import export_graph
from claimgraph.export.cells import neutralise
from tests.export.conftest import MemoryGraph

FORMULAS = ("=HYPERLINK(\"http://evil.example\",\"Soleimani\")", "+1+cmd|' /C calc'!A0", "@SUM(1+1)*cmd",
            "-2+3", "\t=1")


def hostile(graph: MemoryGraph) -> MemoryGraph:
    """The real graph with the first entities renamed and a quote rewritten to formulas."""
    entities = [dataclasses.replace(e, name=f) for e, f in zip(graph.entities, FORMULAS, strict=False)]
    quotes = [dataclasses.replace(graph.quotes[0], text=FORMULAS[0]), *graph.quotes[1:]]
    return MemoryGraph(graph.documents, entities + graph.entities[len(FORMULAS):], graph.claims, quotes)


def cells(folder: Path) -> list[str]:
    out: list[str] = []
    for path in folder.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            out += [c for row in csv.reader(f) for c in row]
    return out


def test_hostile_export_csv_and_neo4j_cells_never_start_a_formula(graph: MemoryGraph, tmp_path: Path) -> None:
    g = hostile(graph)
    for fmt in ("csv", "neo4j"):
        export_graph(g, fmt, tmp_path / fmt)
        found = cells(tmp_path / fmt)
        assert not [c for c in found if c.startswith(("=", "+", "@", "\t", "\r", "-"))]
        assert "'" + FORMULAS[0] in found  # kept, as text
    assert neutralise(-2.5) == -2.5 and neutralise("Kyiv") == "Kyiv"


def test_hostile_export_existing_out_is_refused_without_force(graph: MemoryGraph, tmp_path: Path) -> None:
    from claimgraph.export import ExportError

    target = tmp_path / "graph.graphml"
    target.write_text("precious", encoding="utf-8")
    try:
        export_graph(graph, "graphml", target)
        raise AssertionError("overwrote")
    except ExportError as exc:
        assert "--force" in str(exc)
    assert target.read_text(encoding="utf-8") == "precious"
    export_graph(graph, "graphml", target, force=True)
    assert target.read_text(encoding="utf-8") != "precious"


def test_hostile_export_cli_refuses_existing_out(tmp_path: Path) -> None:
    from claimgraph.cli import main

    from claimgraph.store import open_store

    db = tmp_path / "s.db"
    open_store(db).close()  # an empty store: only ingest creates one from the command line
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--format", "csv", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 1 and "--force" in result.output
    result = CliRunner().invoke(main, ["export", "--format", "csv", "--db", str(db), "--out", str(out), "--force"])
    assert result.exit_code == 0, result.output

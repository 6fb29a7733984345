"""Each export read back with its reference reader: networkx, followthemoney, csv."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from followthemoney import model

from claimgraph.export import ExportError, export_graph
from claimgraph.export.neo4j import NODE_COLUMNS, REL_COLUMNS


def test_export_ftm_loads_with_followthemoney(graph, tmp_path: Path) -> None:
    out = tmp_path / "graph.ftm.json"
    counts = export_graph(graph, "ftm", out)
    proxies = [model.get_proxy(json.loads(line)) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {p.id: p for p in proxies}
    schemata = Counter(p.schema.name for p in proxies)
    assert counts == {"documents": 3, "entities": len(graph.entities), "claims": len(graph.claims),
                      "quotes": len(graph.quotes)}
    assert schemata["Article"] == 3
    assert schemata["Person"] == sum(e.type == "PERSON" for e in graph.entities)
    assert schemata["Documentation"] == sum(len(e.documents) for e in graph.entities)
    # every link points at entities that are in the export, and cites its report
    for p in proxies:
        if p.schema.edge:
            for prop in (p.schema.edge_source, p.schema.edge_target):
                assert p.first(prop) in by_id, (p.schema.name, prop)
        if p.schema.name in ("Membership", "Directorship", "UnknownLink"):
            assert by_id[p.first("proof")].schema.name == "Article"
    named = {p.first("name"): p for p in proxies if p.schema.is_a("LegalEntity")}
    khashoggi, post = named["Jamal Khashoggi"], named["The Washington Post"]
    membership = [p for p in proxies if p.schema.name == "Membership" and p.first("member") == khashoggi.id]
    assert [m.first("organization") for m in membership] == [post.id]
    assert "Washington Post" in membership[0].first("summary")
    united_states = named["United States"]
    assert united_states.schema.name == "PublicBody" and united_states.first("country") == "us"
    # the shared gold states "Benjamin Netanyahu leader_of Israel" (a state: a PublicBody led)
    netanyahu, israel = named["Benjamin Netanyahu"], named["Israel"]
    assert any(p.schema.name == "Directorship" and p.first("director") == netanyahu.id
               and p.first("organization") == israel.id for p in proxies)


def test_export_graphml_opens_in_networkx(graph, tmp_path: Path) -> None:
    out = tmp_path / "graph.graphml"
    export_graph(graph, "graphml", out)
    g = nx.read_graphml(out, force_multigraph=True)
    assert g.number_of_nodes() == len(graph.entities)
    kinds = Counter(d["kind"] for _, _, d in g.edges(data=True))
    quoted = sum(len(q.about) for q in graph.quotes if q.speaker)
    assert kinds == {"relation": len(graph.claims), "quote": quoted} and quoted
    london = next(e for e in graph.entities if e.name == "London")
    assert g.nodes[london.id]["type"] == "GPE" and g.nodes[london.id]["documents"] == 2
    khan = next(e for e in graph.entities if e.name == "Sadiq Khan")
    assert any(d["predicate"] == "leader_of" for d in g.get_edge_data(khan.id, london.id).values())


def test_export_gexf_opens_in_networkx(graph, tmp_path: Path) -> None:
    out = tmp_path / "graph.gexf"
    export_graph(graph, "gexf", out)
    g = nx.read_gexf(out)
    assert g.number_of_nodes() == len(graph.entities)
    assert sum(d["kind"] == "relation" for _, _, d in g.edges(data=True)) == len(graph.claims)
    speakers = Counter(q.speaker for q in graph.quotes if q.speaker)
    top, n = speakers.most_common(1)[0]
    assert int(g.nodes[top]["quotes"]) == n


def test_export_neo4j_headers_and_ids(graph, tmp_path: Path) -> None:
    export_graph(graph, "neo4j", tmp_path)
    with (tmp_path / "nodes.csv").open(encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with (tmp_path / "relationships.csv").open(encoding="utf-8", newline="") as f:
        rels = list(csv.DictReader(f))
    assert list(nodes[0]) == NODE_COLUMNS and list(rels[0]) == REL_COLUMNS
    ids = {n["id:ID"] for n in nodes}
    assert len(ids) == len(nodes) == len(graph.documents) + len(graph.entities) + len(graph.quotes)
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    types = Counter(r[":TYPE"] for r in rels)
    assert types["MENTIONED_IN"] == sum(len(e.documents) for e in graph.entities)
    assert types["QUOTED_IN"] == len(graph.quotes)
    assert types["ABOUT"] == sum(len(q.about) for q in graph.quotes) > 0
    assert sum(types[p.upper()] for p in {c.predicate for c in graph.claims}) == len(graph.claims)
    un = next(n for n in nodes if n["name"] == "United Nations")
    assert un[":LABEL"] == "Entity;Organization" and un["aliases:string[]"] == "UN"
    script = (tmp_path / "import.cypher").read_text(encoding="utf-8")
    assert "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv'" in script and "CREATE (a)-[r:LEADER_OF]->(b)" in script


def test_export_csv_tables_round_trip(graph, tmp_path: Path) -> None:
    export_graph(graph, "csv", tmp_path)
    tables = {}
    for name in ("documents", "entities", "claims", "quotes"):
        with (tmp_path / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            tables[name] = list(csv.DictReader(f))
    assert [len(tables[k]) for k in tables] == [len(graph.documents), len(graph.entities), len(graph.claims),
                                                 len(graph.quotes)]
    doc_text = {d.id: (Path(__file__).parents[2].parent / "shared" / "eval" / "dev" / d.source).read_text(
        encoding="utf-8") for d in graph.documents}
    for row in tables["claims"]:  # offsets still point at the evidence in the report
        assert doc_text[row["document_id"]][int(row["start"]):int(row["end"])] == row["evidence"]
    us = next(r for r in tables["entities"] if r["name"] == "United States")
    assert "U.S." in us["aliases"].split("; ") and len(us["documents"].split("; ")) == 2


def test_export_rejects_unknown_format_and_file_for_folder(graph, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as err:
        export_graph(graph, "xlsx", tmp_path / "x")
    assert err.value.code == "E400"
    (tmp_path / "file.csv").write_text("", encoding="utf-8")
    with pytest.raises(ExportError):
        export_graph(graph, "csv", tmp_path / "file.csv")

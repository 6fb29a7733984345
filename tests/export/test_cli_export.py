"""`claimgraph export` over a real store filled with real extractions of corpus reports."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from claimgraph.model import Document


@pytest.fixture(scope="module")
def store_path(extractions, corpus, tmp_path_factory) -> Path:
    from claimgraph.store import open_store

    path = tmp_path_factory.mktemp("store") / "graph.db"
    with open_store(str(path)) as store:
        for n in (133, 45):  # two reports naming Erdoğan / Erdogan
            item = corpus[n]
            doc = Document(item["title"] + "\n\n" + item["text"], title=item["title"], url=item["url"],
                           published=item["date"])
            store.add(extractions.many([doc])[0])
    return path


def test_cli_export_csv_and_graphml(store_path: Path, tmp_path: Path) -> None:
    from claimgraph.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["export", "--format", "csv", "--db", str(store_path), "--out", str(tmp_path / "t")])
    assert result.exit_code == 0, result.output
    with (tmp_path / "t" / "documents.csv").open(encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == 2
    with (tmp_path / "t" / "entities.csv").open(encoding="utf-8", newline="") as f:
        entities = list(csv.DictReader(f))
    assert "2 documents" in result.output and f"{len(entities)} entities" in result.output
    result = runner.invoke(main, ["export", "--format", "graphml", "--db", str(store_path),
                                  "--out", str(tmp_path / "g.graphml")])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == len(entities)


def test_cli_export_file_where_folder_needed_exits_1(store_path: Path, tmp_path: Path) -> None:
    from claimgraph.cli import main

    target = tmp_path / "taken"
    target.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--format", "neo4j", "--db", str(store_path), "--out", str(target)])
    assert result.exit_code == 1 and "E400" in result.output
    result = CliRunner().invoke(main, ["export", "--format", "pdf", "--out", str(target)])
    assert result.exit_code == 2


def test_cli_export_graphml_and_gexf_carry_speaker_to_actor_quote_edges(
    store_path: Path, tmp_path: Path
) -> None:
    from claimgraph.cli import main
    from claimgraph.store import open_store

    with open_store(str(store_path)) as store:
        quotes = [q for q in store.iter_quotes() if q.speaker and q.about]
    assert quotes  # real reports: someone is quoted about someone else
    expected = {(q.speaker, target, q.text) for q in quotes for target in q.about}
    assert all(q.speaker not in q.about for q in quotes)
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"g.{fmt}"
        args = ["export", "--format", fmt, "--db", str(store_path), "--out", str(out)]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        graph = read(out)
        edges = {(a, b, d["evidence"]) for a, b, d in graph.edges(data=True) if d.get("kind") == "quote"}
        assert edges == expected, fmt
        assert any(d.get("kind") == "relation" for _, _, d in graph.edges(data=True))

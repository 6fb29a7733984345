"""`claimgraph export`: write the stored graph as FollowTheMoney, GraphML, GEXF, Neo4j CSV or CSV."""

from __future__ import annotations

from pathlib import Path

import click

from claimgraph.cli import db_option, main
from claimgraph.cli.common import open_store, run
from claimgraph.export import FORMATS


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), required=True,
              help="ftm (JSON lines for Aleph), graphml, gexf (Gephi), neo4j (import CSV + Cypher), csv.")
@db_option
@click.option("--out", type=click.Path(path_type=Path), required=True,
              help="Output file (ftm, graphml, gexf) or folder (neo4j, csv).")
@click.option("--force", is_flag=True, help="Overwrite an existing --out.")
def export_command(fmt: str, db: str | None, out: Path, force: bool) -> None:
    """Export the graph of the store to other tools."""
    from claimgraph.export import export_graph

    store = open_store(db)
    try:
        counts = run(export_graph, store, fmt, out, force=force)
    finally:
        store.close()
    click.echo(", ".join(f"{n} {kind}" for kind, n in counts.items()) + f" -> {out}")

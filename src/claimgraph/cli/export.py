"""`claimgraph export`: write the stored graph as FollowTheMoney, GraphML, GEXF, Neo4j CSV or CSV."""

from __future__ import annotations

from pathlib import Path

import click

from claimgraph.cli import db_option, main
from claimgraph.errors import ClaimgraphError
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
    from claimgraph.settings import DB
    from claimgraph.store import open_store

    try:
        store = open_store(db or DB.get())
        try:
            counts = export_graph(store, fmt, out, force=force)
        finally:
            close = getattr(store, "close", None)
            if close:
                close()
    except ClaimgraphError as exc:
        raise click.ClickException(f"{exc} [{exc.code}]") from exc
    click.echo(", ".join(f"{n} {kind}" for kind, n in counts.items()) + f" -> {out}")

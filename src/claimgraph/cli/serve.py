"""`claimgraph serve`: the store in a browser (pages and their JSON twins under /api/)."""

from __future__ import annotations

import click

from claimgraph.cli import db_option, main
from claimgraph.cli.common import open_store


@main.command()
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (this machine only by default).",
)
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port to listen on."
)
@click.option(
    "--allow-write",
    is_flag=True,
    help="Let the review page record judgements, with the token printed at start.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes answering requests: up to one per CPU core serves more people at once.",
)
def serve(db: str | None, host: str, port: int, allow_write: bool, workers: int) -> None:
    """Open the store as a local web application: search, actors, reports, network, timeline, review."""
    from claimgraph.settings import DB
    from claimgraph.web import serve as run

    store = open_store(db)
    run(store, host=host, port=port, allow_write=allow_write, announce=click.echo, workers=workers, db=db or DB.get())

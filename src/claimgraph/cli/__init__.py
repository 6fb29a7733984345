"""The command line: a thin layer over the library. Each module adds its commands to `main`.

Library errors become one-line messages naming the file; exit codes: 1 an input or store
error, 2 usage.
"""

from __future__ import annotations

import click

from claimgraph.settings import DB


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimgraph")
def main() -> None:
    """Turn news reports into a source-attributed knowledge graph."""


db_option = click.option(
    "--db",
    default=None,
    help=f"Store: a SQLite path or a postgresql:// URL (default: ${DB.env} or ./{DB.default}).",
)

# Command modules register themselves on import; tests/test_docs.py checks the README names each.
from claimgraph.cli import export, extract, review, serve, store  # noqa: F401

"""`claimgraph extract`: print each report's extraction (summary, JSON or JSON Lines)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import click

from claimgraph.cli import main
from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.model import Document, Extraction
from claimgraph.settings import MODEL


def progress(items: Iterator[Any], label: str) -> Iterator[Any]:
    """A progress bar on stderr (documents, documents/s) when stderr is a terminal."""
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm  # type: ignore[import-untyped]

    return iter(tqdm(items, desc=label, unit="doc", file=sys.stderr))


def report_error(err: InputError | Any) -> None:
    code = getattr(err, "code", "")
    click.echo(f"claimgraph: error: {err.path if isinstance(err, InputError) else err.source}: "
               f"{err.reason} [{code or 'E900'}]", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["summary", "json", "jsonl"]), default="summary",
              show_default=True, help="summary for people; json (one object, an array for several); jsonl.")
@click.option("--model", default=None, help=f"spaCy pipeline (default: ${MODEL.env} or {MODEL.default}).")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True, help="Worker processes.")
def extract(paths: tuple[str, ...], fmt: str, model: str | None, workers: int) -> None:
    """Extract entities, quotes and relations from news reports.

    PATHS are .txt, .html and .jsonl files, folders (read recursively) and - for stdin.
    """
    from claimgraph.ingest import read_documents
    from claimgraph.parallel import ExtractionFailed, extract_dicts
    from claimgraph.render import summary

    errors = 0

    def documents() -> Iterator[Document]:
        nonlocal errors
        for item in read_documents(list(paths)):
            if isinstance(item, InputError):
                errors += 1
                report_error(item)
            else:
                yield item

    results = []
    try:
        for data in progress(extract_dicts(documents(), model=model, workers=workers), "extract"):
            if isinstance(data, ExtractionFailed):
                errors += 1
                report_error(data)
            elif fmt == "jsonl":
                click.echo(json.dumps(data, ensure_ascii=False))
            elif fmt == "json":
                results.append(data)
            else:
                click.echo(summary(Extraction.from_dict(data)))
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json" and results:
        click.echo(json.dumps(results[0] if len(results) == 1 else results, ensure_ascii=False, indent=2))
    if errors:
        sys.exit(1)

"""`claimgraph ingest` and the question views: show, quotes, claims, conflicts, timeline."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import click

from claimgraph.cli import db_option, main
from claimgraph.cli.common import actor, emit_json, format_option, open_store, period, period_options, run
from claimgraph.settings import MODEL

if TYPE_CHECKING:
    from claimgraph.graph.claims import ClaimGroup


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--model", default=None, help=f"spaCy pipeline (default: ${MODEL.env} or {MODEL.default}).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where extraction runs: here (local) or on Ray (ray; see --address).")
@click.option("--address", default=None,
              help="Ray cluster to join (e.g. 127.0.0.1:6379 or auto); default: a Ray started for the run.")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes (local) or Ray actors (ray), each with one spaCy pipeline.")
@click.option("--no-resolve", is_flag=True, help="Skip cross-report entity resolution at the end.")
@format_option
def ingest(
    paths: tuple[str, ...], db: str | None, model: str | None, engine: str, address: str | None,
    workers: int, no_resolve: bool, fmt: str,
) -> None:
    """Extract reports and store them (SQLite by default, PostgreSQL by URL).

    PATHS are the inputs of `extract`, and .jsonl.gz, WARC (.warc, .warc.gz) and RSS/Atom
    feeds (.rss, .atom, .xml). One transaction per report: an interrupted run keeps what it
    stored, and running it again skips what is already in (and finishes the resolution).
    """
    from claimgraph.cli.extract import progress
    from claimgraph.runner import ingest as run_ingest

    def report(err: Any) -> None:
        click.echo(f"claimgraph: error: {err}", err=True)

    if engine == "ray" and address:
        from claimgraph.ray_engine import connect

        run(connect, address)
    store = open_store(db, create=True)
    try:
        summary = run(run_ingest, list(paths), store, engine=engine, workers=workers, model=model,
                      resolve=not no_resolve, on_error=report, progress=lambda items: progress(items, "ingest"))
    finally:
        store.close()
    if fmt == "json":
        emit_json(summary.to_dict())
    else:
        click.echo(
            f"documents: {summary.added} added, {summary.new_versions} new versions, "
            f"{summary.already_in} already in; new entities: {summary.new_entities}; "
            f"quotes: {summary.quotes}; relations: {summary.relations}; "
            f"quantities: {summary.quantities}; errors: {len(summary.errors)}"
            + ("; resolved" if summary.resolved else "")
            + (" (interrupted)" if summary.interrupted else "")
        )
        for err in summary.errors:
            click.echo(f"  error: {err}")
    if summary.interrupted:
        sys.exit(130)
    if summary.errors:
        sys.exit(1)


def _number(value: float | None, qualifier: str | None) -> str:
    if value is None:
        return ""
    return f" {value:g}" + (f" ({qualifier})" if qualifier not in (None, "exact") else "")


def _sources(group: ClaimGroup, indent: str = "    ") -> Iterator[str]:
    for modality, sources in group.sources.items():
        if group.counts.get(modality, 0) > len(sources):
            yield f"{indent}{modality}: {group.counts[modality]} statements, the newest {len(sources)}:"
        for s in sources:
            by = f" by {s.by_name}" if s.by_name else ""
            value = _number(s.value, s.qualifier) if group.kind == "quantity" else ""
            yield f"{indent}{modality}{by}{value}: {s.published or '?'} {s.title or s.document_id}"
            yield f"{indent}  “{s.evidence}”"


@main.command()
@click.argument("name")
@db_option
@click.option(
    "--limit", type=click.IntRange(1), default=10, show_default=True, help="Items listed of each kind (quotes, reports, members); all are counted."
)
@format_option
def show(name: str, db: str | None, limit: int, fmt: str) -> None:
    """An actor: names, type, relations, quotes by and about it, reports, first and last seen."""
    from claimgraph.graph.claims import describe

    store = open_store(db)
    p = run(store.show, actor(store, name), limit)
    if fmt == "json":
        return emit_json(p)
    click.echo(f"{p.name} [{p.type}]  {p.id}")
    if p.aliases:
        click.echo(f"also: {', '.join(p.aliases)}")
    click.echo(f"seen: {p.first_seen or '?'} .. {p.last_seen or '?'} in {p.counts['reports']} reports")
    sections = (
        ("Relations", p.relations),
        ("Numbers", p.quantities),
        ("Claims it is the source of", p.claims_by),
    )
    for title, groups in sections:
        if groups:
            click.echo(f"\n{title}:")
            for g in groups:
                click.echo(f"  {describe(g)}" + ("  [contested]" if g.contested else ""))
                for line in _sources(g):
                    click.echo(line)
    for title, found, total in (
        ("Quotes by it", p.quotes_by, p.counts["quotes_by"]),
        ("Quotes about it", p.quotes_about, p.counts["quotes_about"]),
    ):
        if found:
            click.echo(f"\n{title} ({total}):")
            for q in found:
                who = "" if title == "Quotes by it" else f"{q.speaker_name or 'unknown'}: "
                click.echo(f"  {q.published or '?'} {who}“{q.text}” — {q.title}")
    click.echo("\nReports:")
    for d in p.reports:
        click.echo(f"  {d.published or '?'} {d.title or d.id}  {d.url or d.source or ''}")
    if p.counts["reports"] > len(p.reports):
        click.echo(f"  ... {p.counts['reports'] - len(p.reports)} older reports")
    members = p.counts["members"]
    if members > 1:
        click.echo(f"\nMerged from {members} report entities (id, name, confidence):")
        for m in p.members[:limit]:
            click.echo(f"  {m.id}  {m.name}  {m.confidence:.2f}")
        if members > len(p.members[:limit]):
            click.echo(f"  ... {members - len(p.members[:limit])} more (raise --limit to list more)")


@main.command()
@click.option("--speaker", default=None, help="Quotes by this actor.")
@click.option("--about", default=None, help="Quotes that mention this actor.")
@click.option("--search", default=None, help="Quotes containing these words (full-text search).")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@period_options
@db_option
@format_option
def quotes(
    speaker: str | None,
    about: str | None,
    search: str | None,
    limit: int,
    since: str | None,
    until: str | None,
    db: str | None,
    fmt: str,
) -> None:
    """Quotes, newest report first, by speaker, by the actor they mention, or by words."""
    store = open_store(db)
    by = actor(store, speaker) if speaker else None
    on = actor(store, about) if about else None
    found = run(store.quotes, by, on, search, limit, period(since, until))
    if fmt == "json":
        return emit_json(found)
    for q in found:
        click.echo(f"{q.published or '?'} {q.speaker_name or 'unknown'}: “{q.text}” — {q.title}  [{q.id}]")


@main.command()
@click.argument("name")
@db_option
@click.option(
    "--sources",
    type=click.IntRange(0),
    default=20,
    show_default=True,
    help="Newest sources listed per group and modality (0: all); all are counted.",
)
@period_options
@format_option
def claims(name: str, db: str | None, sources: int, since: str | None, until: str | None, fmt: str) -> None:
    """Every relation and number about an actor, grouped, with who asserts, reports, claims or denies it."""
    from claimgraph.graph.claims import describe

    store = open_store(db)
    groups = run(store.claims, actor(store, name), sources or None, period(since, until))
    if fmt == "json":
        return emit_json(groups)
    for g in groups:
        click.echo(f"{describe(g)}  ({g.total} statements)" + ("  [contested]" if g.contested else ""))
        for line in _sources(g, "  "):
            click.echo(line)


@main.command()
@click.argument("name", required=False)
@db_option
@period_options
@format_option
def conflicts(name: str | None, db: str | None, since: str | None, until: str | None, fmt: str) -> None:
    """Where sources disagree: denials, two leaders at once, numbers that cannot both be true."""
    store = open_store(db)
    found, ctx = run(store.conflicts, actor(store, name) if name else None, period(since, until))
    if fmt == "json":
        return emit_json(found)
    names, docs = ctx["names"], ctx["documents"]
    for c in found:
        what = f"{names.get(c.subject, c.subject)} {c.predicate}"
        what += f" {names.get(c.object, c.object)}" if c.object else ""
        click.echo(f"[{c.kind}] {what}")
        for side, reports in ((c.left, c.left_reports), (c.right, c.right_reports)):
            click.echo(f"  {reports} report{'s' if reports != 1 else ''}:")
            for x in side[:3]:
                value = _number(x.value, x.qualifier) if x.kind == "quantity" else ""
                subject = f"{names.get(x.subject, x.subject)} " if c.kind == "incompatible" else ""
                doc = docs.get(x.document_id)
                click.echo(
                    f"  {subject}{x.modality}{value}: {doc.published if doc else '?'} "
                    f"{doc.title if doc else x.document_id} — “{x.evidence}”"
                )
            if len(side) > 3:
                click.echo(f"  ... and {len(side) - 3} more")


@main.command()
@click.argument("name")
@db_option
@period_options
@format_option
def timeline(name: str, db: str | None, since: str | None, until: str | None, fmt: str) -> None:
    """An actor's claims in the order the reports were published (* marks a claim's first report
    within the period shown)."""
    store = open_store(db)
    entries = run(store.timeline, actor(store, name), period(since, until))
    if fmt == "json":
        return emit_json(entries)
    for e in entries:
        click.echo(f"{e.published or '?'} {'*' if e.first else ' '} {e.summary} — {e.title or e.document_id}")

"""`claimgraph ingest` and the question views: show, quotes, claims, conflicts, timeline."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click

from claimgraph.cli import db_option, main
from claimgraph.cli.common import actor, emit_json, format_option, open_store, period, period_options, run
from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.settings import MODEL

if TYPE_CHECKING:
    from claimgraph.graph.claims import ClaimGroup
    from claimgraph.model import Document


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--model", default=None, help=f"spaCy pipeline (default: ${MODEL.env} or {MODEL.default}).")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True, help="Worker processes.")
@click.option("--no-resolve", is_flag=True, help="Skip cross-report entity resolution at the end.")
@format_option
def ingest(
    paths: tuple[str, ...], db: str | None, model: str | None, workers: int, no_resolve: bool, fmt: str
) -> None:
    """Extract reports and store them (SQLite by default, PostgreSQL by URL).

    PATHS are the inputs of `extract`. One transaction per report: an interrupted run keeps what
    it stored, and running it again skips what is already in.
    """
    from claimgraph.cli.extract import progress, report_error
    from claimgraph.ingest import read_documents
    from claimgraph.model import Extraction
    from claimgraph.parallel import ExtractionFailed, extract_dicts

    store = open_store(db, create=True)
    tally: Counter[str] = Counter()
    errors: list[dict[str, str]] = []

    def documents() -> Iterator[Document]:
        for item in read_documents(list(paths)):
            if isinstance(item, InputError):
                errors.append({"source": item.path, "reason": item.reason, "code": item.code})
                report_error(item)
            elif store.has_document(item.id):
                tally["skipped"] += 1  # already in: no need to extract it again
            else:
                yield item

    interrupted = False
    try:
        for data in progress(extract_dicts(documents(), model=model, workers=workers), "ingest"):
            if isinstance(data, ExtractionFailed):
                errors.append({"source": data.source, "reason": data.reason, "code": "E900"})
                report_error(data)
                continue
            result = store.add(Extraction.from_dict(data))
            tally[result.status] += 1
            tally.update(
                entities=result.new_entities,
                quotes=result.quotes,
                relations=result.relations,
                quantities=result.quantities,
            )
        if not no_resolve and (tally["added"] or tally["new_version"]):
            tally["regrouped"] = store.resolve()
    except KeyboardInterrupt:
        interrupted = True  # the report being written was rolled back; every earlier one is kept
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    summary = {
        "added": tally["added"],
        "new_versions": tally["new_version"],
        "already_in": tally["skipped"],
        "new_entities": tally["entities"],
        "quotes": tally["quotes"],
        "relations": tally["relations"],
        "quantities": tally["quantities"],
        "entities_regrouped": tally["regrouped"],
        "errors": errors,
        "interrupted": interrupted,
    }
    if fmt == "json":
        emit_json(summary)
    else:
        click.echo(
            f"documents: {summary['added']} added, {summary['new_versions']} new versions, "
            f"{summary['already_in']} already in; new entities: {summary['new_entities']}; "
            f"quotes: {summary['quotes']}; relations: {summary['relations']}; "
            f"quantities: {summary['quantities']}; errors: {len(errors)}"
            + (" (interrupted)" if interrupted else "")
        )
        for err in errors:
            click.echo(f"  error: {err['source']}: {err['reason']} [{err['code']}]")
    if interrupted:
        sys.exit(130)
    if errors:
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

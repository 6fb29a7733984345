"""What the store commands share: options, opening the store, and library errors as messages.

Kept light on purpose: the library is imported inside these helpers, so `claimgraph --version`
and the query commands never import spaCy, trafilatura, followthemoney or networkx.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from claimgraph.errors import AmbiguousName, ClaimgraphError

if TYPE_CHECKING:
    from claimgraph.graph.period import Period
    from claimgraph.store import Store

F = TypeVar("F", bound=Callable[..., Any])

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for scripts.",
)


def period_options(fn: F) -> F:
    """--since and --until (ISO dates, on the reports' publication dates), parsed into ``period``."""

    def parse(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        if value is not None:
            from claimgraph.graph.period import Period

            try:
                Period.parse(value, None) if param.name == "since" else Period.parse(None, value)
            except ValueError as exc:
                raise click.BadParameter(str(exc)) from exc
        return value

    fn = click.option(
        "--until", default=None, callback=parse, metavar="DATE",
        help="Only reports published on or before DATE (YYYY-MM-DD; YYYY-MM or YYYY: to its end).",
    )(fn)
    fn = click.option(
        "--since", default=None, callback=parse, metavar="DATE",
        help="Only reports published on or after DATE (YYYY-MM-DD; YYYY-MM or YYYY: from its start).",
    )(fn)
    return fn


def period(since: str | None, until: str | None) -> Period:
    from claimgraph.graph.period import Period

    try:
        return Period.parse(since, until)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc


def failure(exc: ClaimgraphError) -> click.ClickException:
    """A library error as a one-line message (exit code 1); an ambiguous name lists the actors it
    names, numbered, and nothing is chosen."""
    message = f"{exc} [{exc.code}]"
    if isinstance(exc, AmbiguousName):
        rows = [
            f"  {n}. {name} [{type_}], {reports} report{'s' if reports != 1 else ''}  id: {gid}"
            for n, (gid, name, type_, reports) in enumerate(exc.candidates, 1)
        ]
        if exc.more:
            rows.append("  ... and more: give a fuller name")
        message = "\n".join([message + ":", *rows])
    return click.ClickException(message)


def run(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call the library; its errors become messages with exit code 1."""
    try:
        return fn(*args, **kwargs)
    except ClaimgraphError as exc:
        raise failure(exc) from exc


def open_store(db: str | None, create: bool = False) -> Store:
    """The store named by --db (or the setting); only ``ingest`` may create one."""
    from claimgraph.store import open_store as _open_store

    return run(_open_store, db, create=create)  # type: ignore[no-any-return]


def actor(store: Store, name: str) -> str:
    """The graph id a name means; when others carry the name far less often, say so on stderr."""
    found = run(store.lookup, name)
    if found.others:
        others = ", ".join(f"{m.name} ({m.id})" for m in found.others[:3])
        more = f" and {len(found.others) - 3} more" if len(found.others) > 3 else ""
        click.echo(f"claimgraph: {name!r} is taken as {found.name}; also: {others}{more}", err=True)
    return str(found.id)


def emit_json(data: Any) -> None:
    def plain(x: Any) -> Any:
        return dataclasses.asdict(x) if dataclasses.is_dataclass(x) and not isinstance(x, type) else x

    data = [plain(x) for x in data] if isinstance(data, list) else plain(data)
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))

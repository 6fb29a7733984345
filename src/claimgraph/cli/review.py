"""`claimgraph review`, `merge`, `rename`, `split`, `resolve` and `summaries`: people's judgements on
who is who, and what resolution keeps.

Each judgement is kept as an edge between two entity ids and wins over the algorithm on
every later run; nothing is deleted, so every judgement can be undone.
"""

from __future__ import annotations

import getpass
import shutil
import textwrap
from typing import TYPE_CHECKING

import click

from claimgraph.cli import db_option, main
from claimgraph.cli.common import emit_json, format_option, open_store, run

if TYPE_CHECKING:
    from claimgraph.store.review import Candidate, Side

user_option = click.option("--user", default=None, help="Who judges (default: the login name).")
CHOICES = {"s": "same", "d": "different", "u": "unsure"}


def _user(user: str | None) -> str:
    return user or getpass.getuser()


def _card(side: Side | None, width: int) -> list[str]:
    """What one side of a pair looks like: enough to tell two actors apart."""
    if side is None:
        return []
    named = f" (here: {side.member_name})" if side.member_name != side.name else ""
    reports = f"{side.reports} report{'s' if side.reports != 1 else ''}"
    lines = [f"{side.name}{named} [{side.type}]", f"{reports}  id {side.id}"]
    if side.title:
        lines.append(f"- {side.published or '?'} {side.title}")
    if side.sentence:
        lines += textwrap.wrap(f"“{side.sentence}”", width) or [""]
    return lines


def _side_by_side(c: Candidate) -> str:
    width = max(30, (shutil.get_terminal_size((120, 20)).columns - 3) // 2)
    left, right = _card(c.left_side, width), _card(c.right_side, width)
    rows = []
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        rows.append(f"{a[:width]:<{width}} | {b[:width]}")
    return "\n".join(rows)


def _head(n: int, total: int, c: Candidate) -> str:
    shared = f"; both reported with {', '.join(c.shared[:4])}" if c.shared else ""
    return f"[{n}/{total}] score {c.score:.2f} ({c.reason}), rank {c.priority:.2f}{shared}"


@main.command()
@db_option
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="Pairs to go through.")
@click.option("--list", "list_only", is_flag=True, help="Only list the pairs and their evidence, do not ask.")
@user_option
@format_option
def review(db: str | None, limit: int, list_only: bool, user: str | None, fmt: str) -> None:
    """Judge the undecided same-actor candidates most worth it: same, different or unsure.

    Pairs whose names are not both proper names are left out; the rest are ranked by the
    resolver's score and their evidence (actors both are reported with, how often they are).
    """
    store = open_store(db)
    queue = run(store.review_queue, limit)
    if fmt == "json":
        return emit_json(queue)
    if not queue:
        click.echo("nothing to review")
        return
    for n, c in enumerate(queue, 1):
        click.echo(f"\n{_head(n, len(queue), c)}")
        click.echo(_side_by_side(c))
        if list_only:
            continue
        answer = click.prompt(
            "[s]ame, [d]ifferent, [u]nsure, [n]ext, [q]uit",
            type=click.Choice(["s", "d", "u", "n", "q"]),
            show_choices=False,
            default="n",
        )
        if answer == "q":
            break
        if answer in CHOICES:
            run(store.judge, c.left, c.right, CHOICES[answer], _user(user))


@main.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--name", default=None, help="Call the merged actor NAME (default: the fuller name).")
@click.option("--undo", is_flag=True, help="Withdraw the judgement that made A and B one actor instead.")
@user_option
def merge(a: str, b: str, db: str | None, name: str | None, undo: bool, user: str | None) -> None:
    """Judge that A and B (names or entity ids) are one actor; --undo withdraws that judgement."""
    store = open_store(db)
    if undo:
        if name:
            raise click.UsageError("--name and --undo do not go together")
        left, right, who, when = run(store.undo, a, b, _user(user))
        click.echo(
            f"withdrew the judgement that made {a} and {b} one actor ({left} = {right}, by {who} at {when})"
        )
        return
    graph_id = run(store.merge, a, b, _user(user), name)
    click.echo(f"merged into {run(store.show, graph_id, 1).name}  {graph_id}")


@main.command()
@click.argument("name")
@click.argument("new_name")
@db_option
@user_option
def rename(name: str, new_name: str, db: str | None, user: str | None) -> None:
    """Call the actor NAME (a name or an entity id) NEW_NAME from now on; its other names stay aliases."""
    store = open_store(db)
    graph_id = run(store.rename, name, new_name, _user(user))
    click.echo(f"renamed {graph_id} to {new_name}")


@main.command()
@click.argument("entity")
@db_option
@user_option
def split(entity: str, db: str | None, user: str | None) -> None:
    """Take ENTITY (an entity id from `show`, or a name) and those with its exact name out of its group."""
    left = run(open_store(db).split, entity, _user(user))
    click.echo(f"split off {len(left)} entities: {', '.join(left)}" if left else "nothing to split")


@main.command()
@db_option
@click.option("--full", is_flag=True,
              help="Resolve the whole store from scratch, not just the reports added since.")
def resolve(db: str | None, full: bool) -> None:
    """Run cross-report entity resolution: the reports added since the last one, or with --full the
    whole store again (the same result; judgements still win)."""
    click.echo(f"{run(open_store(db).resolve, full=full)} entities regrouped")


@main.command()
@db_option
def summaries(db: str | None) -> None:
    """Write the summaries of the big actors that reports stored since set aside or regroupings
    deleted (ingest and resolve leave them to this: actor pages bring a summary set aside up to
    date as they read it, and compute one deleted in full)."""
    click.echo(f"{run(open_store(db).summarise)} actor summaries written")

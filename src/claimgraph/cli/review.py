"""`claimgraph review`, `merge`, `split` and `resolve`: people's judgements on who is who.

Each judgement is kept as an edge between two entity ids and wins over the algorithm on
every later run; nothing is deleted, so every judgement can be undone.
"""

from __future__ import annotations

import getpass
import shutil

import click

from claimgraph.cli import db_option, main
from claimgraph.cli.store import _json, _open, _run, format_option
from claimgraph.store.views import Profile

user_option = click.option("--user", default=None, help="Who judges (default: the login name).")
CHOICES = {"s": "same", "d": "different", "u": "unsure"}


def _user(user: str | None) -> str:
    return user or getpass.getuser()


def _card(p: Profile, member: str) -> list[str]:
    """What one side of a pair looks like: enough to tell two actors apart."""
    lines = [f"{p.name} [{p.type}]", f"id {member}"]
    if p.aliases:
        lines.append("also: " + ", ".join(p.aliases[:5]))
    lines.append(f"{len(p.reports)} reports, {p.first_seen or '?'} .. {p.last_seen or '?'}")
    lines += [f"- {d.title or d.id}" for d in p.reports[:3]]
    lines += [f"~ {g.predicate} {g.object_name or ''}".rstrip() for g in p.relations[:3]]
    lines += [f"“{q.text[:70]}”" for q in p.quotes_by[:2]]
    return lines


def _side_by_side(left: list[str], right: list[str]) -> str:
    width = max(30, (shutil.get_terminal_size((120, 20)).columns - 3) // 2)
    rows = []
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        rows.append(f"{a[:width]:<{width}} | {b[:width]}")
    return "\n".join(rows)


@main.command()
@db_option
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="Pairs to go through.")
@click.option("--list", "list_only", is_flag=True, help="Only list the pairs, do not ask.")
@user_option
@format_option
def review(db: str | None, limit: int, list_only: bool, user: str | None, fmt: str) -> None:
    """Judge the strongest undecided candidate pairs: same, different or unsure."""
    store = _open(db)
    queue = store.review_queue(limit)
    if fmt == "json":
        return _json(queue)
    if list_only:
        for c in queue:
            click.echo(f"{c.score:.2f}  {c.left}  {c.right}  ({c.reason})")
        return
    if not queue:
        click.echo("nothing to review")
    for n, c in enumerate(queue, 1):
        left, right = store.evidence(c.left), store.evidence(c.right)
        click.echo(f"\n[{n}/{len(queue)}] score {c.score:.2f} ({c.reason})")
        click.echo(_side_by_side(_card(left, c.left), _card(right, c.right)))
        answer = click.prompt(
            "[s]ame, [d]ifferent, [u]nsure, [n]ext, [q]uit",
            type=click.Choice(["s", "d", "u", "n", "q"]),
            show_choices=False,
            default="n",
        )
        if answer == "q":
            break
        if answer in CHOICES:
            store.judge(c.left, c.right, CHOICES[answer], _user(user))


@main.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--undo", is_flag=True, help="Withdraw the judgement between A and B instead.")
@user_option
def merge(a: str, b: str, db: str | None, undo: bool, user: str | None) -> None:
    """Judge that A and B (names or entity ids) are one actor; --undo withdraws that judgement."""
    store = _open(db)
    if undo:
        _run(store.undo, a, b, _user(user))
        click.echo(f"withdrew the judgement between {a} and {b}")
        return
    click.echo(f"merged into {_run(store.merge, a, b, _user(user))}")


@main.command()
@click.argument("entity")
@db_option
@user_option
def split(entity: str, db: str | None, user: str | None) -> None:
    """Take ENTITY (an entity id from `show`, or a name) and those with its exact name out of its group."""
    left = _run(_open(db).split, entity, _user(user))
    click.echo(f"split off {len(left)} entities: {', '.join(left)}" if left else "nothing to split")


@main.command()
@db_option
def resolve(db: str | None) -> None:
    """Run cross-report entity resolution again over the whole store (judgements still win)."""
    click.echo(f"{_run(_open(db).resolve)} entities regrouped")

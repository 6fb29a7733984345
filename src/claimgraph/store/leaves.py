"""New name groups that join one stored actor without clustering its component again (issue #10).

A new group with no trait that may refuse a merge (``incremental._Run._changes`` checks them),
whose strong pairs all lead into one actor, ends in that actor whatever the order of the merges:
every merge inside the actor was allowed, the group adds no trait, and a merge refused stays
refused. So does a set of new groups whose strong pairs lead into one actor and to each other
(the same new name written in two reports of a batch: 'Pope Francis'). They take the actor's
graph id, and as confidence the widest path from its stored members (the weakest link on the
strongest path, as :func:`claimgraph.store.resolution._confidence` computes it), as long as no
path through them is wider than what a stored member has (else the actor's confidences change,
and its component is clustered again).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping

Pair = tuple[str, str]
Partners = Mapping[str, list[tuple[str, float]]]  # a new group -> its strong pairs (partner, score)


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def _sets(partners: Partners, stored: Mapping[str, tuple[str, float]]) -> list[list[str]]:
    """The new groups linked to each other by strong pairs, each set holding every new partner of
    its groups (a group whose partner is neither stored nor a candidate is dropped, and so is
    everything linked to it)."""
    eligible = set(partners)
    while True:
        dropped = {g for g in eligible if any(p not in stored and p not in eligible for p, _ in partners[g])}
        if not dropped:
            break
        eligible -= dropped
    out: list[list[str]] = []
    seen: set[str] = set()
    for start in sorted(eligible):
        if start in seen:
            continue
        seen.add(start)
        todo, found = [start], [start]
        while todo:
            g = todo.pop()
            for p, _ in partners[g]:
                if p in eligible and p not in seen:
                    seen.add(p)
                    todo.append(p)
                    found.append(p)
        out.append(sorted(found))
    return out


def _widths(groups: list[str], partners: Partners,
            stored: Mapping[str, tuple[str, float]]) -> dict[str, tuple[float, str]]:
    """Each new group's widest path from the stored members (its width, and the stored member it
    starts from), over the strong pairs among the new groups."""
    best: dict[str, tuple[float, str]] = {}
    heap: list[tuple[float, str, str]] = []
    for g in groups:
        for p, s in partners[g]:
            if p in stored:
                heapq.heappush(heap, (-min(stored[p][1], s), p, g))
    while heap:
        width, start, g = heapq.heappop(heap)
        if g in best:
            continue
        best[g] = (-width, start)
        for p, s in partners[g]:
            if p not in stored and p not in best:
                heapq.heappush(heap, (-min(-width, s), start, p))
    return best


def place(partners: Partners, stored: Mapping[str, tuple[str, float]],
          fits: Callable[[str, str], bool]) -> tuple[dict[str, tuple[str, float]], set[Pair]]:
    """The new groups that join one actor as leaves: group -> (the stored member whose graph id it
    takes, its confidence), and their strong pairs (which then need no clustering).

    ``partners``: the new groups that may join an actor (no trait nor judgement against it) and
    their strong pairs; ``stored``: each stored partner's graph id and confidence; ``fits(group,
    actor)``: whether the group may join the actor (type families, judgements)."""
    follow: dict[str, tuple[str, float]] = {}
    leaves: set[Pair] = set()
    for groups in _sets(partners, stored):
        actors = {stored[p][0] for g in groups for p, _ in partners[g] if p in stored}
        if len(actors) != 1:
            continue
        actor = actors.pop()
        if not all(fits(g, actor) for g in groups):
            continue
        widths = _widths(groups, partners, stored)
        if any(min(widths[g][0], s) > stored[p][1] for g in groups for p, s in partners[g] if p in stored):
            continue  # a wider path through the new groups: the actor's confidences change
        for g in groups:
            width, start = widths[g]
            follow[g] = (start, width)
            leaves |= {_pair(g, p) for p, _ in partners[g]}
    return follow, leaves

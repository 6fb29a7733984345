"""Partial names: a surname written alone, a short name, an acronym that fits several full names.

A partial name keeps only its clearly best full name; full names of different actors (Joe /
Hunter Biden) must not be joined through it, so the other pairs are capped below any merge
threshold and left for a person to judge (issue #8).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping

from claimgraph.graph.features import DOMINANCE, Features, partial_link, same_actor

AMBIGUOUS_CAP = 0.6  # a lone surname that fits several full names is left for a person to decide


def settle_partial_names(found: dict[tuple[str, str], tuple[float, str]], feats: Mapping[str, Features]) -> None:
    """A partial name ('Biden', 'Democratic Party') that fits several full names keeps only its
    clearly best match; with one candidate full name it gains a little.

    A surname written alone, when the store says which reports it is in, is read the way a
    reader of those reports would: as the full name written nearest before it in its report;
    else as the report's only full name with that surname; else, when its report names no
    candidate at all, as the full name that dominates the whole set of reports ('Trump' is
    Donald Trump, named in 50 reports, not Mary Trump, named in one). Full names of different
    actors (Joe / Hunter Biden) must not be joined through the partial name, so the others are
    capped below any merge threshold and left for a person to judge.
    """
    links: dict[str, list[tuple[tuple[str, str], Features]]] = defaultdict(list)
    for pair, (_score, reason) in found.items():
        split = partial_link(feats[pair[0]], feats[pair[1]], reason)
        if split:
            links[split[0].id].append((pair, split[1]))
    # what ``same_actor`` reads of ``found`` (pairs of two full names) is not what settling one
    # partial name changes (its own pairs), so the live dict serves: no copy per partial name
    same = functools.partial(same_actor, found=found)
    for short_id, options in links.items():
        ranked = sorted(options, key=lambda o: (-found[o[0]][0], o[1].id))
        choice = _surname_choice(feats[short_id], [full for _, full in ranked])
        if isinstance(choice, str):  # 'ambiguous'
            for pair, _full in ranked:
                score, reason = found[pair]
                found[pair] = (min(score, AMBIGUOUS_CAP), reason + " (ambiguous)")
            continue
        if choice is not None:
            chosen, score_to, why = choice
            for pair, full in ranked:
                score, reason = found[pair]
                if same(full, chosen):
                    found[pair] = (max(score, score_to), f"{reason}; {why}")
                else:
                    found[pair] = (min(score, AMBIGUOUS_CAP), reason + " (ambiguous)")
            continue
        best_pair, best_full = ranked[0]
        rivals = [found[p][0] for p, full in ranked[1:] if not same(full, best_full)]
        if not rivals:
            for pair, _ in ranked:
                score, reason = found[pair]
                found[pair] = (min(0.95, score + 0.1), reason)
            continue
        clear = found[best_pair][0] - max(rivals) >= 0.1
        for pair, full in ranked:
            if not (clear and same(full, best_full)):
                score, reason = found[pair]
                found[pair] = (min(score, AMBIGUOUS_CAP), reason + " (ambiguous)")


def _surname_choice(short: Features, fulls: list[Features]) -> tuple[Features, float, str] | str | None:
    """Which full name a surname written alone stands for: (full name, score, why), 'ambiguous',
    or None when the profile carries no reports (then the scores decide)."""
    if short.family != "person" or not short.documents:
        return None
    for full in fulls:
        if full.id == short.near:
            return full, 0.9, "the full name written nearest before it in the report"
    in_report = [f for f in fulls if f.documents & short.documents]
    if in_report:
        if all(same_actor(f, in_report[0]) for f in in_report):
            return in_report[0], 0.9, "the report's only full name with this surname"
        return "ambiguous"
    top = max(fulls, key=lambda f: (len(f.documents), f.id))
    rivals = [len(f.documents) for f in fulls if not same_actor(f, top)]
    reports = len(top.documents)
    if reports >= DOMINANCE and reports >= DOMINANCE * max(rivals, default=0):
        # no count in the reason: it would change with every report of the full name, and with it
        # the stored pair of every partial name settled so (issue #10)
        return top, 0.87, "no full name in its report; the dominant full name"
    return None if not rivals else "ambiguous"



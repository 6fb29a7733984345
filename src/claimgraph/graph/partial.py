"""Partial names: a surname written alone, a short name, an acronym that fits several full names.

A partial name keeps only its clearly best full name; full names of different actors (Joe /
Hunter Biden) must not be joined through it, so the other pairs are capped below any merge
threshold and left for a person to judge (issue #8).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping

from claimgraph.graph import names as N
from claimgraph.graph.features import DOMINANCE, Features, partial_link, same_actor
from claimgraph.graph.pair_model import NAMESAKES_CAP

AMBIGUOUS_CAP = 0.6  # a lone surname that fits several full names is left for a person to decide


def settle_partial_names(found: dict[tuple[str, str], tuple[float, str]], feats: Mapping[str, Features]) -> None:
    """A partial name ('Biden', 'Democratic Party') that fits several full names keeps only its
    clearly best match; with one candidate full name it gains a little.

    A surname written alone, when the store says which reports it is in, is read the way a
    reader of those reports would: as the full name written nearest before it in its report;
    else as the report's only full name with that surname; else, when its report names no
    candidate at all, as the full name that dominates the whole set of reports ('Trump' is
    Donald Trump, named in 50 reports, not Mary Trump, named in one), or as the store's only
    full name holding that word when the reports agree and do not contradict (see
    :func:`_only_full_name`). Full names of different actors (Joe / Hunter Biden) must not be
    joined through the partial name, so the others are capped below any merge threshold and
    left for a person to judge; so is a surname its only full name's reports contradict.
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
        if isinstance(choice, str):  # 'ambiguous', or what keeps it apart
            for pair, _full in ranked:
                score, reason = found[pair]
                found[pair] = (min(score, AMBIGUOUS_CAP), f"{reason} ({choice})")
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
        return top, DOMINANT, "no full name in its report; " + BY_DOMINANT
    return _only_full_name(short, top) if not rivals else "ambiguous"


DOMINANT = 0.87  # a surname alone and the full name that dominates the reports (or one of its actor's)
BY_DOMINANT = "the dominant full name"  # how such a pair's reason ends (``incremental._Run._same_choice``)
ONLY_FULL_NAME = 0.87  # a surname alone and the store's only full name of it, whose reports agree
# titles (of the lexicon's) written before anyone's name, or before anyone's former or interim role
_COURTESY = frozenset(["mr", "mrs", "ms", "dr", "sir", "former", "acting"])


def _only_full_name(short: Features, full: Features) -> tuple[Features, float, str] | str | None:
    """A surname alone that its report gives no full name for, and that fits one full name named
    in fewer than ``DOMINANCE`` reports (issue #8: a surname alone joins the full name that
    dominates the reports when its report gives no other candidate). With so few reports the
    full name is no evidence by itself, so the two reports must agree and must not contradict:

    - 'ambiguous' when another person's full name anywhere in the store holds the word (a
      surname shared by two people's full names joins neither: 'Chan' of Tanya Chan and of
      Prayuth Chan-o-cha), or when ``NAMESAKES_CAP`` or more do (the store lists no more);
    - what contradicts, to keep it apart: the reports are about two countries ('Chan' in a Thai
      report, Tanya Chan in a Hong Kong one);
    - the join, when the reports are about the same country or write the same title before the
      name ('Governor'), but for courtesy titles ('Mr', 'Dr'), which say nothing of who is meant;
    - None otherwise: the shared company decides, through the pair's score.

    Two different titles are no contradiction (a candidate becomes a president, a minister a
    prime minister), nor are dates: one person's reports are months apart as often as two
    namesakes' are.
    """
    if len(short.namesakes) >= NAMESAKES_CAP or any(not _holds(full, form) for form in short.namesakes):
        return "ambiguous"
    if short.countries and full.countries and not short.countries & full.countries:
        return "reports about " + " / ".join(sorted(short.countries | full.countries))
    why = "no full name in its report; the store's only full name with this surname"
    if shared := short.countries & full.countries:
        return full, ONLY_FULL_NAME, f"{why}, reports about {' / '.join(sorted(shared))}"
    if shared := short.roles & full.roles - _COURTESY:
        return full, ONLY_FULL_NAME, f"{why}, titled {' / '.join(sorted(shared))} in both"
    return None


def _holds(full: Features, form: str) -> bool:
    """Whether a person's full name (a name key) is one of ``full``'s names or may be: the same
    surname and given names that may be the same ('Joe' / 'Joseph Biden'), or one name's surname
    the other's first surname ('Wanda Vázquez' / 'Wanda Vázquez Garced')."""
    if form in full.forms:
        return True
    p = N.parse_person(form)
    return any(_one_person(p, q) for q in full.people)


def _one_person(p: N.PersonName, q: N.PersonName) -> bool:
    if p.surname == q.surname:
        return N.given_compatible(p.given, q.given) is not None
    return any(len(x.given) >= 2 and x.given[-1] == y.surname
               and N.given_compatible(x.given[:-1], y.given) is not None for x, y in ((p, q), (q, p)))

"""Where a name belongs: the country of a state's body, of a report, and whether a name is a title.

Parties, ministries and offices have the same titles in many states ("Interior Ministry",
"Labour Party", "Supreme Court"), so such a name is one actor only within one country. A body's
country comes from its name ("Iranian Revolutionary Guard Corps", "U.S. Senate"), else from the
report it is named in, when one country clearly dominates that report.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable

from rigour.territories.util import normalize_territory_name

from claimgraph.graph import names as N
from claimgraph.nlp.lexicon import state_bodies, titles
from claimgraph.nlp.lexicon import demonym_key, demonyms

DOMINANT_SHARE = 0.5  # a report's country: at least half of its mentions of countries


def _country(code: str | None) -> str | None:
    return code.split("-")[0] if code else None  # a region ('ua-30') belongs to its country


@functools.lru_cache(maxsize=50_000)
def country_of(name: str) -> str | None:
    """The country a place name or a nationality word names: 'Poland', 'Polish', 'Poles' -> 'pl'."""
    code = N.lookup_place(N.name_key(name) or name)
    if code:
        return _country(code)
    countries = demonyms().get(demonym_key(name.strip()))
    return _country(N.lookup_place(countries[0])) if countries else None


@functools.lru_cache(maxsize=50_000)
def countries_in_name(name: str) -> tuple[str, ...]:
    """Countries written in a name: its place names ('U.S. Senate') and nationality words
    ('Iranian Revolutionary Guard Corps'), in order."""
    out: list[str] = []
    for word in N.org_key(name).split():
        code = _country(word[1:]) if word.startswith("@") else country_of(word) if len(word) > 3 else None
        if code and code not in out:
            out.append(code)
    return tuple(out)


@functools.lru_cache(maxsize=50_000)
def is_state_body(name: str) -> bool:
    """Whether a name is the title of one state's body: a party, a ministry, a minister's office."""
    return any(w in state_bodies() for w in N.ascii_fold(name).split())


@functools.cache
def _cities() -> dict[str, str]:
    """rigour's map of cities and regions to the country they lie in ('Kabul' -> 'af')."""
    try:
        from rigour.territories.lookup import _load_territory_names
    except ImportError:  # pragma: no cover - a rigour without it: countries only
        return {}
    out: dict[str, str] = {}
    for territory, _strong, _weak, places in _load_territory_names():
        for place in places or ():
            code = _country(territory.code)
            if code:
                out.setdefault(normalize_territory_name(place), code)
    return out


def is_place(word: str) -> bool:
    """A city or region rigour knows ('Kabul', 'Tehran')."""
    return normalize_territory_name(word) in _cities()


def report_country(places: Iterable[tuple[str, int]]) -> str | None:
    """The country a report is about: ``places`` are its place and nationality names with how
    often each is mentioned; the country with at least half of those mentions, else None."""
    counts: Counter[str] = Counter()
    for name, mentions in places:
        code = country_of(name) or _cities().get(normalize_territory_name(name))
        if code:
            counts[code] += mentions
    if not counts:
        return None
    code, top = counts.most_common(1)[0]
    return code if top >= DOMINANT_SHARE * sum(counts.values()) else None


def body_country(names: Iterable[str], report: str | None) -> str | None:
    """The country of a body: the first country its names write, else its report's country."""
    for n in names:
        found = countries_in_name(n)
        if found:
            return found[0]
    return report


def role_before(text: str, start: int) -> str | None:
    """The title written just before a mention ('President' in 'President Trump'), lower case."""
    words = text[max(0, start - 40) : start].split()
    for word in reversed(words[-3:]):
        folded = N.ascii_fold(word)
        if folded in titles():
            return folded
        if not word[:1].isupper():  # 'the president, Trump' is no title of the name
            return None
    return None

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
from claimgraph.nlp.lexicon import institution_nouns, state_bodies, titles
from claimgraph.nlp.lexicon import demonym_key, demonyms

DOMINANT_SHARE = 0.5  # a report's country: at least half of its mentions of countries
# Words of a body that stands above states ('European Court of Justice', 'International Criminal
# Court', 'World Health Organization'): such a body takes no country from the report naming it.
SUPRANATIONAL = frozenset(["european", "international", "world", "global", "intergovernmental"])
# A word naming the kind of body that a short name often leaves out ('Labor' for 'Labor Party')
DESIGNATORS = frozenset(["party"])
# Parties named after their members, as in many states ('Liberal Democrats' in Britain and in
# Australia, 'Sweden Democrats', 'Greens'): the last word of a name of two words or more
_MEMBERS = frozenset(["democrats", "republicans", "greens", "liberals", "conservatives", "socialists"])
# Words of a state's mission in another state: which one is meant depends on where it is
_ABROAD = frozenset(["embassy", "consulate"])
# A legislature's chamber titled after its members ('House of Representatives', 'House of Commons',
# 'Chamber of Deputies'): many states have one of each title. 'house' alone names no body of one
# state ('White House'), nor 'commons' ('Creative Commons'): only '<house|chamber> of <members>'.
_CHAMBERS = frozenset(["house", "chamber"])
_MEMBERS_OF_CHAMBERS = frozenset(["representatives", "commons", "lords", "councillors", "councilors",
                                  "delegates", "deputies"])


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
    """Whether a name is the title of one state's body: a party, a ministry, a minister's office,
    also a party named after its members ('Liberal Democrats') and a legislature's chamber
    ('House of Commons')."""
    words = N.ascii_fold(name).split()
    return any(w in state_bodies() for w in words) or (len(words) >= 2 and words[-1] in _MEMBERS) \
        or _chamber(words)


def _chamber(words: list[str]) -> bool:
    """Whether folded words hold a legislative chamber's title: 'house of representatives'."""
    return any(a in _CHAMBERS and b == "of" and c in _MEMBERS_OF_CHAMBERS
               for a, b, c in zip(words, words[1:], words[2:]))


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


def report_country(
    places: Iterable[tuple[str, int]], organisations: Iterable[tuple[str, int]] = (),
    headline: tuple[Iterable[str], Iterable[str]] = ((), ()),
) -> str | None:
    """The country a report is about: the one country its ``headline`` names, by the names of
    its places and nationalities and the countries written in its organisations' names ('Arrests
    made in theft of gold toilet in England', though the toilet is called 'America'; 'Samoan
    government ends...'); else by ``places``, its place and nationality names with how often
    each is mentioned: the country with at least half of those mentions, else None. When the
    places name no country more than once, the countries written in the names of its
    ``organisations`` ('116th U.S. Congress') count too."""
    in_places, in_names = headline
    named = _country_counts((n, 1) for n in in_places) + _country_counts(((n, 1) for n in in_names), True)
    if len(named) == 1:
        return next(iter(named))
    counts = _country_counts(places)
    if not counts or counts.most_common(1)[0][1] < 2:
        counts += _country_counts(organisations, written=True)
    if not counts:
        return None
    code, top = counts.most_common(1)[0]
    return code if top >= DOMINANT_SHARE * sum(counts.values()) else None


def _country_counts(names: Iterable[tuple[str, int]], written: bool = False) -> Counter[str]:
    """Mentions per country of place names, or (``written``) of the countries written in names."""
    counts: Counter[str] = Counter()
    for name, mentions in names:
        if written:
            code = next(iter(countries_in_name(name)), None)
        else:
            code = country_of(name) or _cities().get(normalize_territory_name(name))
        if code:
            counts[code] += mentions
    return counts


def body_country(names: Iterable[str], report: str | None) -> str | None:
    """The country of a body: the first country its names write, else its report's country;
    none for a body above states ('European Court of Justice'). A state's mission abroad is
    also of the country it is in, when its report is about another country: 'us>cn' for the
    'U.S. embassy' of a report about China, so it is not the one in Baghdad."""
    names = list(names)
    for n in names:
        found = countries_in_name(n)
        if found:
            abroad = report and report != found[0] and any(
                _ABROAD & set(N.ascii_fold(x).split()) for x in names)
            return f"{found[0]}>{report}" if abroad else found[0]
    if any(supranational(n) for n in names):
        return None
    return report


def supranational(name: str) -> bool:
    """A body above states: 'European Court of Justice', 'International Criminal Court'."""
    return any(w in SUPRANATIONAL for w in N.ascii_fold(name).split())


@functools.lru_cache(maxsize=50_000)
def scoped_key(key: str) -> str:
    """The title of a body within its country, from an organisation key (`names.org_key`): without
    its country ('@us senate', 'parliament of the @gb', 'british parliament' -> 'senate',
    'parliament'), the noun first written last ('department of justice' -> 'justice department'),
    without a trailing designator ('labor party' -> 'labor') and the word saying a government is
    the country's ('federal government' -> 'government'). Compared only between bodies of one
    country."""
    words = uncountried(key).split()
    while words and words[0] in N.STOPWORDS:
        words = words[1:]
    while words and words[-1] in N.STOPWORDS:
        words = words[:-1]
    if len(words) >= 3 and words[1] == "of" and words[0] in state_bodies() | institution_nouns():
        rest = [w for w in words[2:] if w not in N.STOPWORDS]
        if 1 <= len(rest) <= 2:
            words = [*rest, words[0]]
    if len(words) >= 2 and words[-1] in DESIGNATORS:
        words = words[:-1]
    if len(words) == 2 and words[0] in _NATIONWIDE and words[1] == "government":
        words = words[1:]  # 'U.S. federal government' is the 'US government'
    return " ".join(words)


# Words that say a government is the whole country's, which its country's name says already
_NATIONWIDE = frozenset(["federal", "national", "central"])


def uncountried(key: str) -> str:
    """An organisation key (`names.org_key`) without the countries and nationalities written in it
    ('@us white house' -> 'white house'); regions and cities stay ('iowa democratic party')."""
    return " ".join(w for w in key.split()
                    if not (w.startswith("@") and "-" not in w) and not _nationality(w))


def _nationality(word: str) -> bool:
    return len(word) > 3 and country_of(word) is not None and N.lookup_place(word) is None


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

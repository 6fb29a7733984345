"""Word lists that are data, loaded once from `claimgraph/data/`: reporting verbs, unit nouns."""

from __future__ import annotations

import functools
import json
from importlib import resources

# Family roles that name a person the text introduced by them ("his daughter Nettie Baker" ...
# "his daughter said"), as titles do.
FAMILY_ROLES = frozenset({"father", "mother", "daughter", "son", "wife", "husband", "brother", "sister",
                          "widow", "widower", "fiancée", "fiancé"})


def _lines(name: str) -> list[str]:
    text = resources.files("claimgraph.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def reporting_verbs() -> dict[str, str]:
    """Lemma -> kind ("say", "direct" or "judge") of verbs that report speech."""
    return dict(line.split()[:2] for line in _lines("reporting_verbs.txt"))


@functools.cache
def unit_nouns() -> frozenset[str]:
    """Head nouns of armed groups and units: battalion, brigade, regiment, legion..."""
    return frozenset(_lines("unit_nouns.txt"))


@functools.cache
def titles() -> frozenset[str]:
    """Words of titles that stand before a name and are not part of it."""
    return frozenset(_lines("titles.txt"))


@functools.cache
def first_name_gender() -> dict[str, str]:
    """First name (lower case) -> "m" / "f", for names near certain of one gender
    (`data/first_name_gender.json`, built by `training/names/build_gender.py`)."""
    text = resources.files("claimgraph.data").joinpath("first_name_gender.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@functools.cache
def institution_nouns() -> frozenset[str]:
    """Nouns naming a state's institution after a country or nationality ("Saudi government")."""
    return frozenset(_lines("institution_nouns.txt"))


@functools.cache
def state_bodies() -> frozenset[str]:
    """Words that make a name the title of one state's body: party, ministry, office, court..."""
    return frozenset(_lines("state_bodies.txt"))


# Countries and nationality words: spaCy-free, so the store and the graph read them too.
@functools.cache
def demonyms() -> dict[str, list[str]]:
    """Nationality word (lower case) -> the names a country goes by (`data/demonyms.json`)."""
    text = resources.files("claimgraph.data").joinpath("demonyms.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@functools.cache
def country_names() -> frozenset[str]:
    """Normalised names of countries: the targets of the demonym table."""
    return frozenset(norm(n) for names in demonyms().values() for n in names)


@functools.cache
def demonym_name_sets() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(nationality word, the normalised names of its country, in the table's order) for every
    entry of the demonym table."""
    return tuple((dem, tuple(norm(n) for n in names)) for dem, names in demonyms().items())


@functools.cache
def country_forms() -> dict[str, str]:
    """Every name of a country in the demonym table, as a surface-form key (lower case, no dots,
    no leading "the"), -> the country's canonical name ("britain" -> "United Kingdom")."""
    out: dict[str, str] = {}
    for names in demonyms().values():
        for n in names:
            out.setdefault(norm(n), names[0])
    return out


@functools.lru_cache(maxsize=1 << 16)  # called for the same few hundred names again and again
def norm(name: str) -> str:
    """A surface form for matching: case-folded, no leading "the", no possessive, no dots."""
    s = " ".join(name.replace("\u2019", "'").casefold().split())
    s = s.removeprefix("the ").removesuffix("'s")
    return s.replace(".", "")


@functools.lru_cache(maxsize=1 << 16)  # called for every token a relation or a quote looks at
def demonym_key(word: str) -> str:
    """The table key of a nationality word: "Iranian-backed" -> "iranian", "Saudis" -> "saudi"."""
    w = word.casefold().split("-")[0]
    if w in demonyms():
        return w
    return w[:-1] if w.endswith("s") and w[:-1] in demonyms() else w

"""Word lists that are data, loaded once from `claimgraph/data/`: reporting verbs, unit nouns."""

from __future__ import annotations

import functools
import json
from importlib import resources

from claimgraph.graph.name_keys import name_key

# Family roles that name a person the text introduced by them ("his daughter Nettie Baker" ...
# "his daughter said"), as titles do.
FAMILY_ROLES = frozenset({"father", "mother", "daughter", "son", "wife", "husband", "brother", "sister",
                          "widow", "widower", "fiancée", "fiancé"})

# Common nouns for people, one list for every step that reads them: a name in apposition with one is
# a person's (mentions), a person described with one and never named is who a later "she" stands
# for (pronouns), a speaker described with one and no name is unnamed (speakers). Titles
# (`titles()`) and family roles are read besides them.
PERSON_NOUNS = frozenset({
    # people by what they do or hold
    "spokesperson", "spokesman", "spokeswoman", "official", "minister", "president", "leader", "chief",
    "head", "director", "commander", "officer", "journalist", "reporter", "correspondent", "analyst",
    "expert", "lawyer", "attorney", "professor", "doctor", "nurse", "teacher", "driver", "worker",
    "employee", "activist", "author", "founder", "member", "candidate", "senator", "mayor", "governor",
    "ambassador", "secretary", "adviser", "advisor", "aide", "chairman", "chairwoman", "politician",
    "researcher", "scientist", "investigator", "prosecutor", "diplomat", "lawmaker", "legislator",
    "representative", "owner", "agent",
    # people by what befell them or where they stand
    "victim", "survivor", "witness", "eyewitness", "source", "insider", "observer", "resident", "citizen",
    "national", "patient", "passenger", "student", "defendant", "suspect", "critic", "opponent",
    "supporter", "protester", "voter",
    # people as such
    "man", "woman", "girl", "boy", "child", "teenager", "person", "people", "friend", "neighbour",
    "neighbor", "relative", "parent",
})
# The person nouns whose bearer speaks unnamed when the text names no one for them ("a source within
# the ministry", "researchers from the University of Colorado at Boulder reported", "according to a
# Taliban representative"): office holders are not among them, as the speaker step looks for the
# holder of an office by name ("the spokesman" of a body named before). Measured (round 5): the
# speaker step reading every person noun as unnamed lowers quote attribution on train 0.896 -> 0.887
# and dev 0.831 -> 0.804.
# Verbs that ask (left out of the reporting verbs: "asked whether an investigation was conducted" states
# no claim), whose subject still speaks a quoted question ("“What is it ...?” King asked Scott").
ASKING_VERBS = frozenset({"ask", "wonder", "inquire", "enquire", "query"})
ANONYMOUS_SOURCES = PERSON_NOUNS & {
    "source", "official", "insider", "witness", "eyewitness", "resident", "diplomat", "analyst",
    "expert", "observer", "member", "officer", "employee", "worker", "aide", "person", "people",
    "critic", "opponent", "supporter", "protester", "voter", "lawmaker", "legislator",
    "researcher", "scientist", "representative", "owner",
}

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
def org_words(role: str) -> frozenset[str]:
    """Words of organisations that play ``role`` (`data/org_words.txt` says each role: "beside",
    "generic", "head", "kind", "suffix", "legal")."""
    return frozenset(w for line in _lines("org_words.txt") for w, *roles in [line.split()] if role in roles)


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
def given_names() -> frozenset[str]:
    """Every given name (lower case) the entity rules know: those of a near-certain gender and the
    common ones of either ("alex", "bernie", "kay"; `data/given_names.txt`), both built by
    `training/names/build_gender.py`."""
    return frozenset(first_name_gender()) | frozenset(_lines("given_names.txt"))


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
    """Every name of a country in the demonym table, as its key (:func:`norm`: lower case, no dots,
    no leading "the"), -> the country's canonical name ("britain" -> "United Kingdom")."""
    out: dict[str, str] = {}
    for names in demonyms().values():
        for n in names:
            out.setdefault(norm(n), names[0])
    return out


@functools.lru_cache(maxsize=1 << 16)  # called for the same few hundred names again and again
def norm(name: str) -> str:
    """A surface form for matching: the resolver's and the report's key (``graph.names.name_key``:
    lower-case ASCII words, no leading article, possessive, dots or other punctuation)."""
    return name_key(name)


@functools.lru_cache(maxsize=1 << 16)  # called for every token a relation or a quote looks at
def demonym_key(word: str) -> str:
    """The table key of a nationality word: "Iranian-backed" -> "iranian", "Saudis" -> "saudi"."""
    w = word.casefold().split("-")[0]
    if w in demonyms():
        return w
    return w[:-1] if w.endswith("s") and w[:-1] in demonyms() else w


@functools.cache
def capitals() -> dict[str, str]:
    """A capital's name key -> its country's ISO code ("beijing" -> "cn"; `data/capitals.json`,
    built by `training/names/build_capitals.py`)."""
    table = json.loads(resources.files("claimgraph.data").joinpath("capitals.json").read_text(encoding="utf-8"))
    return {name_key(capital): code for capital, code in table.items()}

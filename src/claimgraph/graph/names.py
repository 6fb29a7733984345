"""Name normalisation for entity resolution: comparison keys, phonetic keys, acronyms, person parts.

Everything here is a pure function of one name string, cached, so resolving 100k profiles parses
each distinct spelling once. The string work leans on libraries: unidecode for transliteration to
ASCII, nameparser for a person's title / given names / surname, rapidfuzz for edit distances, and
rigour (followthemoney's name library) for territory names and org-type words.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from nameparser import HumanName
from nameparser.config import CONSTANTS
from rapidfuzz.distance import Levenshtein
from rigour.names import remove_org_types
from rigour.territories import lookup_by_identifier, lookup_territory
from rigour.territories.territory import Territory
from rigour.territories.util import normalize_territory_name
from unidecode import unidecode

from claimgraph.graph.name_keys import ascii_fold as ascii_fold  # re-exported: the keys are part of this API
from claimgraph.graph.name_keys import name_key as name_key



@functools.cache
def english_stop_words() -> frozenset[str]:
    """spaCy's English stop words, read from spaCy's own data module without importing spaCy:
    the store's commands (merge, split, resolve) resolve names, and loading spaCy costs them a
    second or more."""
    loaded = sys.modules.get("spacy.lang.en.stop_words")
    if loaded is None:
        spec = importlib.util.find_spec("spacy")  # finds the package without running it
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("spaCy is not installed")
        path = Path(next(iter(spec.submodule_search_locations))) / "lang" / "en" / "stop_words.py"
        module_spec = importlib.util.spec_from_file_location("claimgraph._spacy_en_stop_words", path)
        if module_spec is None or module_spec.loader is None:
            raise ImportError(f"cannot read {path}")
        loaded = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(loaded)
    return frozenset(loaded.STOP_WORDS)


# Words that do not carry a name: skipped in acronyms and in comparison keys' edges.
STOPWORDS = frozenset(["a", "an", "and", "de", "del", "der", "des", "du", "for", "in", "of", "on", "the", "to", "la", "le", "van", "von"])
# Particles inside surnames ("al-Muhandis", "bin Salman", "van der Bellen"): dropped from the surname
# key so "al-Muhandis" and "Muhandis" compare equal.
SURNAME_PARTICLES = frozenset(["al", "el", "ad", "ash", "as", "at", "az", "ibn", "bin", "bint", "ben", "abu", "da", "de", "del", "der", "di", "du", "la", "le", "van", "von"])
# Soundex consonant classes (Russell/Odell 1918), used whole-length and with the first letter coded too,
# so q/k/g/c (Qadhafi, Kadhafi, Gaddafi) and s/z (Mobilisation, Mobilization) fall together.
_PHONETIC_CLASSES = {
    **dict.fromkeys("bfpv", "1"),
    **dict.fromkeys("cgjkqsxz", "2"),
    **dict.fromkeys("dt", "3"),
    "l": "4",
    **dict.fromkeys("mn", "5"),
    "r": "6",
}
_VOWELS = frozenset("aeiouy")
# Female forms of Slavic and Baltic surnames: Putin/Putina, Navalny/Navalnaya are different people.
_FEMININE_ENDINGS = (("", "a"), ("y", "aya"), ("iy", "aya"), ("yy", "aya"), ("i", "aia"), ("ii", "aia"), ("s", "e"))
# A run of capitalised words, possibly joined by a small word ('Ministry of Defence'): a name in a
# stretch of text given as context.
_CAP_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'’\-]*)"
_CAPITALISED_RUN = re.compile(rf"{_CAP_WORD}(?:\s+(?:(?:of|the|de|al|bin|for|and)\s+)?{_CAP_WORD})*")
# Capitalised for the calendar, not because they name an actor.
_CALENDAR = frozenset(
    ["today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
)


@functools.lru_cache(maxsize=200_000)
def org_key(name: str) -> str:
    """Key of an organisation's name: no legal-form words, country names as codes.

    'Apple Inc.' -> 'apple'; 'U.S. Embassy' and 'United States Embassy' -> '@us embassy'.
    """
    words = name_key(remove_org_types(name) or name).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in (3, 2, 1):  # longest place name first: 'united states' before 'united'
            span = " ".join(words[i : i + size])
            code = lookup_place(span) if len(span) > 1 and span not in STOPWORDS else None
            if code and len(words[i : i + size]) == size:
                out.append("@" + code)
                i += size
                break
        else:
            out.append(singular(words[i]) if len(words) > 1 else words[i])  # 'Times' is no 'Time'
            i += 1
    return " ".join(out)


def singular(word: str) -> str:
    """A lower-case word in the singular: 'guards' -> 'guard', so 'Revolutionary Guards' is written
    inside 'Revolutionary Guard Corps'; 'emergencies' -> 'emergency' ('Emergencies Ministry'); 'Houthis'
    -> 'houthi'. Words in -ss and -us and short ones stay ('congress', 'campus', 'news'). The one
    rule for resolution's keys and a report's plural names (``nlp.aliases``)."""
    if len(word) > 5 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=200_000)
def phonetic_key(word: str) -> str:
    """A whole-length soundex of one word, first letter coded too: 'Navalnyy' and 'Navalny' -> '5145'.

    A leading vowel is kept as a marker so 'Alexei' does not fall together with 'Lexi'.
    """
    folded = ascii_fold(word).replace(" ", "")
    out: list[str] = ["V"] if folded[:1] in _VOWELS else []
    last = ""
    for ch in folded:
        code = _PHONETIC_CLASSES.get(ch, "")
        if ch in "hw":  # silent between consonants of the same class, as in soundex
            continue
        if code and code != last:
            out.append(code)
        last = code
    return "".join(out)


@functools.lru_cache(maxsize=200_000)  # pure: cached, as the resolver compares a name with many
def similarity(a: str, b: str) -> float:
    """Normalised Levenshtein similarity of two folded strings, 0..1."""
    return Levenshtein.normalized_similarity(a, b)


@functools.lru_cache(maxsize=200_000)  # pure: cached, as the resolver compares a name with many
def is_feminine_variant(a: str, b: str) -> bool:
    """True when one surname is the other's feminine form (Putin / Putina, Navalny / Navalnaya)."""
    a, b = ascii_fold(a), ascii_fold(b)
    for short, long in ((a, b), (b, a)):
        for masc, fem in _FEMININE_ENDINGS:
            stem = short[: len(short) - len(masc)] if masc else short
            if short.endswith(masc) and long == stem + fem and len(stem) >= 3:
                return True
    return False


@functools.lru_cache(maxsize=200_000)  # pure: cached, as the resolver compares a name with many
def is_transliteration(a: str, b: str) -> bool:
    """Two spellings of one word from different romanisations (Navalny/Navalnyy, Kadhafi/Gaddafi).

    Same whole-length phonetic key, close enough in letters and at most two letters longer or shorter;
    feminine forms never count.
    """
    fa, fb = ascii_fold(a), ascii_fold(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 5 or is_feminine_variant(fa, fb) or phonetic_key(fa) != phonetic_key(fb):
        return False
    if abs(len(fa) - len(fb)) > 2:  # romanisations differ by a letter or two ('Zelenskyy'), not a syllable:
        return False  # 'Shinawatra' / 'Sinatra' share a key and 0.7 of their letters
    # short words need to be closer: Wong/Wang, Hill/Hall are different names
    return similarity(fa, fb) >= (0.7 if max(len(fa), len(fb)) >= 7 else 0.8)


@functools.lru_cache(maxsize=200_000)  # pure: cached, as the resolver compares a name with many
def is_spelling_variant(a: str, b: str) -> bool:
    """A small typo or British/American spelling (Defence/Defense), not two different short words."""
    fa, fb = ascii_fold(a), ascii_fold(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 5 or fa.isdigit() or fb.isdigit() or is_feminine_variant(fa, fb):
        return False
    return Levenshtein.distance(fa, fb) <= max(1, min(len(fa), len(fb)) // 6) and similarity(fa, fb) >= 0.8


@functools.lru_cache(maxsize=200_000)  # pure: cached, as the resolver compares a name with many
def words_match(a: str, b: str) -> str | None:
    """How two multi-word names match word by word: 'same', 'spelling', 'transliteration' or None."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return None
    how = "same"
    for x, y in zip(wa, wb):
        if x == y:
            continue
        if x.startswith("@") or y.startswith("@") or lookup_place(x) or lookup_place(y):
            return None  # 'Ministry of Defence of Ukraine' vs '... of Russia' are two ministries
        if is_spelling_variant(x, y):
            how = "spelling" if how == "same" else how
        elif is_transliteration(x, y):
            how = "transliteration"
        else:
            return None
    return how


def is_acronym_form(name: str) -> bool:
    """'UN', 'U.N.', 'IRGC', 'FSB': one short upper-case word."""
    bare = name.replace(".", "").replace("&", "")
    return " " not in bare.strip() and 2 <= len(bare) <= 7 and bare.isupper() and bare.isalpha()


@functools.lru_cache(maxsize=200_000)
def acronyms(name: str) -> frozenset[str]:
    """Acronyms a long name could be written as: initials with and without the small words."""
    words = [w for w in re.split(r"[\s\-]+", unidecode(name)) if w and w[0].isalnum()]
    content_words = [w for w in words if w.lower() not in STOPWORDS]
    # an expansion is made of words, not of codes: 'CC BY-SA' is no expansion of 'CBS', and two
    # words one of them a code are no expansion of two letters ('PA Media' of 'PM', 'IBM Power' of 'IP')
    codes = sum(len(w) < 3 or w.isupper() for w in content_words)
    if len(content_words) < 2 or codes > (1 if len(content_words) >= 3 else 0):
        return frozenset()
    full = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in STOPWORDS).upper()
    return frozenset(x for x in (full, content) if len(x) >= 2)


def acronym_before_and(name: str) -> str | None:
    """The acronym of a name made before a last word was added after 'and': 'Centers for Disease
    Control and Prevention', CDC; of three letters at least, else None."""
    words = [w for w in re.split(r"[\s\-]+", unidecode(name)) if w and w[0].isalnum()]
    if len(words) < 4 or words[-2].lower() != "and":
        return None
    head = "".join(w[0] for w in words[:-2] if w.lower() not in STOPWORDS).upper()
    return head if len(head) >= 3 else None


@functools.lru_cache(maxsize=50_000)
def lookup_place(name: str) -> str | None:
    """A territory code for a country or region's own name (Kiev -> 'ua-30', U.S. -> 'us').

    Only names count, not codes ('AM' is Armenia's code but usually 'a.m.'); and rigour's map of
    cities to the country they lie in (Istanbul -> Turkey) is refused, since a city and its
    country are different entities.
    """
    normalised = normalize_territory_name(name)
    territory = _territory_names().get(normalised) if normalised else None
    if territory is None:
        return None
    if any(normalize_territory_name(p) == normalised for p in territory.places or ()):
        return None
    return territory.code


@functools.cache
def _territory_names() -> Mapping[str, Territory]:
    """rigour's strong names of territories; its weak names ('Úc', 'Persian', 'PRC') mislead."""
    try:
        from rigour.territories.lookup import _load_territory_names
    except ImportError:  # pragma: no cover - a rigour without it: look names up one by one
        return _LookupByName()
    names: dict[str, Territory] = {}
    for territory, strong, _weak, _places in _load_territory_names():
        for name in strong:
            names.setdefault(normalize_territory_name(name), territory)
    return names


class _LookupByName(dict[str, Territory]):
    def get(self, key: str, default: Territory | None = None) -> Territory | None:  # type: ignore[override]
        return lookup_territory(key) if lookup_by_identifier(key) is None else default


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name split for comparison: folded given names and a surname key."""

    given: tuple[str, ...]  # folded given and middle names, in order
    surname: str  # folded surname without particles ('al-Muhandis' -> 'muhandis'); '' when unknown
    mononym: bool  # only one name word was written ('Trump', 'President Trump')


@functools.lru_cache(maxsize=200_000)
def parse_person(name: str) -> PersonName:
    """Split a person's name with nameparser, dropping titles ('President', 'Dr.')."""
    human = HumanName(name)
    if ascii_fold(human.last) in CONSTANTS.titles:  # 'Prime Minister', 'Health Minister': a role
        return PersonName((), "", False)
    given = tuple(ascii_fold(" ".join(p for p in (human.first, human.middle) if p)).split())
    last = [w for w in ascii_fold(human.last).split() if w not in SURNAME_PARTICLES]
    written = " ".join(p for p in (human.first, human.middle, human.last) if p).split()
    if len(written) == 1:  # 'Trump', 'President Trump', 'al-Muhandis': a surname written alone
        words = [w for w in ascii_fold(written[0]).split() if w not in SURNAME_PARTICLES]
        return PersonName((), "".join(words) or ascii_fold(written[0]).replace(" ", ""), True)
    if not last:  # 'Pope Francis', 'Queen Elizabeth II': given names only
        return PersonName(given, "", False)
    return PersonName(given, "".join(last), False)


@functools.lru_cache(maxsize=200_000)  # pure: cached, as the resolver compares a name with many
def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> str | None:
    """Whether two lists of given names can name one person: 'same', 'initial', 'transliteration'.

    Each given name of the shorter list must match one of the longer's, exactly, as an initial
    (D. / Donald), as a transliteration (Alexei / Aleksei) or as a nickname (Bill / William: the
    `nicknames` dataset, 'nickname'); a middle name may be missing, but of two or more given
    names the first written is the other's first ('George W.' / 'George Walker', not 'Walker George').
    """
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 2 and _given_match(short[0], long[:1]) is None:
        return None  # two given names written: the first is the first ('Red Hat' is not 'Fedora Red Hat')
    how = "same"
    for word in short:
        found = _given_match(word, long)
        if found is None:
            return None
        how = found if found == "initial" or how == "same" else how
    return how


def _given_match(word: str, long: tuple[str, ...]) -> str | None:
    """How a given name matches one of ``long``: 'same', 'initial', 'transliteration', 'nickname'."""
    if word in long:
        return "same"
    if len(word) == 1 and any(w.startswith(word) for w in long) \
            or any(len(w) == 1 and word.startswith(w) for w in long):
        return "initial"
    if any(is_transliteration(word, w) for w in long):
        return "transliteration"
    if any(is_nickname(word, w) for w in long):
        return "nickname"
    return None


@functools.cache
def _nicknames() -> Mapping[str, frozenset[str]]:
    """Given name -> its nicknames and the names it is a nickname of, from the `nicknames` dataset."""
    from nicknames import NickNamer

    table = NickNamer().nickname_lookup
    out: dict[str, set[str]] = {}
    for name, nicks in table.items():
        for nick in nicks:
            out.setdefault(name, set()).add(nick)
            out.setdefault(nick, set()).add(name)
    return {k: frozenset(v) for k, v in out.items()}


def is_nickname(a: str, b: str) -> bool:
    """Whether one given name is a nickname of the other ('bill' / 'william', 'joe' / 'joseph')."""
    return b in _nicknames().get(a, ())


def context_names(text: str) -> list[str]:
    """Names in a context item: the item itself when it is a short name, else the capitalised
    runs of a stretch of text (so a store may pass either co-mentioned names or text windows)."""
    if len(text.split()) <= 5:
        return [text]
    out = []
    for run in _CAPITALISED_RUN.findall(text):
        words = ascii_fold(run).split()
        acronym = len(run) > 1 and run.isupper()  # 'US' and 'U.S.' fold to the stop word 'us'
        if words and (acronym or not all(w in english_stop_words() or w in _CALENDAR for w in words)):
            out.append(run.strip("'’"))
    return out


def surnames(p: PersonName) -> frozenset[str]:
    """The surname and, for a name of three words or more, the word before it, which may be a
    first surname ('Pedro R. Pierluisi Urrutia', 'Wanda Vázquez Garced')."""
    out = {p.surname} if p.surname else set()
    if len(p.given) >= 2 and len(p.given[-1]) > 1:
        out.add(p.given[-1])
    return frozenset(out)

"""Cross-report entity resolution: candidate pairs with a confidence, then clusters that obey judgements.

`candidate_pairs` proposes pairs of per-document entities that may be one actor: the same name,
a surname written alone next to shared context, an acronym and its expansion, also-known-as names,
transliteration and spelling variants. It compares only profiles that share a blocking key (a
name, a surname's phonetic key, an acronym, a territory code), so it is not quadratic.

`cluster` turns pairs into canonical ids the way OpenSanctions' nomenklatura does: a person's
judgements ('same' / 'different' / 'unsure') are edges between two ids and win over the
algorithm; 'same' edges merge transitively; nothing is deleted, so withdrawing a judgement
and clustering again splits the group.
"""

from __future__ import annotations

import itertools
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence

from claimgraph.graph import bodies as B
from claimgraph.graph import names as N
from claimgraph.graph.features import (
    DOMINANCE,
    FAMILIES,
    EntityProfile,
    Features,
    all_features,
    family,
    person_like,
)
from claimgraph.graph.pair_model import PairModel, default_model, pair_features
from claimgraph.nlp.lexicon import org_words
from claimgraph.graph.partial import AMBIGUOUS_CAP, settle_partial_names

__all__ = ["AMBIGUOUS_CAP", "DOMINANCE", "FAMILIES", "WINDOW", "EntityProfile", "blocking_keys",
           "candidate_pairs", "cluster", "cluster_traits", "common_context", "family", "link_reason",
           "person_like", "resolve", "score_pair", "window_sort"]

log = logging.getLogger(__name__)

Pair = tuple[str, str, float, str]
Verdict = str  # 'same' | 'different' | 'unsure'

WINDOW = 25
# larger blocks are compared by a sliding window over their sorted names: a profile meets at most
# 2 * WINDOW others per block, however many reports the store holds (issue #10)
MAX_BLOCK = 2 * WINDOW


def window_sort(f: Features) -> str:
    """A profile's place in a big block's window: its name's key, then when the store took it
    (``seq``), so a new profile comes after every stored one of its name ('trump' written alone in
    each of thousands of reports) and moves no pair of theirs. The separator sorts before any
    character of a key, and the string compares alike in Python and byte by byte (``store.blocks``)."""
    return f"{f.key}\x01{f.seq:012d}"


def blocking_keys(f: Features) -> Iterator[str]:
    """The blocks a profile is compared in: its name forms, surnames by sound, acronyms,
    territory codes, its words by sound and each two words of an organisation's name."""
    for form in f.forms:
        yield f"{f.family}|n|{form}"
    for person in f.people:
        for surname in N.surnames(person):  # the first of two surnames too ('Vázquez Garced')
            yield f"person|s|{N.phonetic_key(surname)}"
    for acr in f.short_forms | f.initials:
        yield f"org|a|{acr}"
    for code in f.places:
        yield f"{f.family}|t|{code}"
    for title in f.scoped:  # a body's title within its country
        yield f"org|c|{f.country}|{title}"
        if (words := title.split())[-1] in _MINISTRIES:  # and its first word and head noun
            yield f"org|h|{f.country}|{words[0]}|{words[-1]}"
    if f.family == "place" and (base := _geo_base(f.key)):  # 'Mediterranean Sea' beside 'Mediterranean'
        yield f"place|n|{base}"
    if _either_type(f):  # the same name tagged a place in one report and an organisation in another
        yield f"named|{N.name_key(f.name)}"
    if f.family != "person" and f.key:
        yield f"{f.family}|w|" + " ".join(N.phonetic_key(w) for w in f.key.split())
        words = f.key.split()
        for pair in itertools.pairwise(words):  # a name written inside a longer one
            yield f"{f.family}|b|{' '.join(pair)}"


def _shared_company(a: Features, b: Features, common: frozenset[str] = frozenset()) -> float:
    """How much company two profiles share, 0..1: a half for each co-mentioned name (or last
    word of one) they share, a quarter for a name most reports mention ('United States'), which
    says little about who is meant."""
    shared = a.context & b.context
    words = (a.context_words & b.context_words) - shared
    count = sum(0.5 if k in common else 1.0 for k in shared) + 0.5 * len(words - common)
    return min(2.0, count) / 2


def _link_people(a: Features, b: Features) -> str | None:
    """The strongest reason the name rules find to link two people's names, or None."""
    found = [r for pa, pb in itertools.product(a.people, b.people) if (r := _link_person_names(pa, pb, a, b))]
    return min(found, key=_REASON_RANK.index) if found else None


# reasons from the strongest evidence to the weakest, to pick one when several names match
_REASON_RANK = ["same name", "same body", "also known as", "name of country", "second surname",
                "acronym expansion", "transliteration", "spelling variant", "initial", "nickname",
                "first name+role", "short name", "acronym", "surname+context"]


def _link_person_names(pa: N.PersonName, pb: N.PersonName, a: Features, b: Features) -> str | None:
    if not pa.surname or not pb.surname:  # given names only ('Pope Francis'): exact match only
        if pa == pb and pa.given:
            return "same name"
        # 'Queen Elizabeth' and 'Queen Elizabeth II': a first name alone, in the same role
        one, other = (pa, pb) if pa.mononym else (pb, pa)
        if one.mononym and not other.surname and other.given[:1] == (one.surname,) and a.roles & b.roles:
            return "first name+role"
        return None
    if pa.surname == pb.surname:
        surname = "same"
    elif N.is_transliteration(pa.surname, pb.surname):
        surname = "transliteration"
    elif _second_surname(pa, pb, a, b):
        surname = "second surname"
    else:
        return None
    if pa.mononym or pb.mononym:
        if surname != "same":
            return surname
        return "same name" if pa == pb else "surname+context"
    if surname == "second surname":
        return surname
    given = N.given_compatible(pa.given, pb.given)
    if given is None:  # same surname, other first name: relatives, namesakes
        return None
    if surname == "same" and given == "same":
        return "same name"
    return given if given in ("initial", "nickname") else "transliteration"


def _second_surname(pa: N.PersonName, pb: N.PersonName, a: Features, b: Features) -> bool:
    """'Pedro Pierluisi' and 'Pedro R. Pierluisi Urrutia': one name's surname is the other's
    first surname. A surname alone ('Vázquez') is read so only within one report."""
    for x, y in ((pa, pb), (pb, pa)):
        if len(x.given) < 2 or y.surname != x.given[-1]:
            continue
        if y.mononym:
            if a.documents & b.documents:
                return True
        elif N.given_compatible(x.given[:-1], y.given) is not None:
            return True
    return False


def _link_named(a: Features, b: Features) -> str | None:
    """Organisations, places and other named things."""
    if a.places and b.places:
        return ("same name" if a.key == b.key else "also known as") if a.places & b.places else None
    if (a.body or b.body) and a.country and b.country and a.country != b.country:
        return None  # the Interior Ministry of Poland is not Afghanistan's
    if a.key == b.key:
        return "same name"
    if a.family == "place" and not (a.places or b.places) \
            and (_geo_base(a.key) or a.key) == (_geo_base(b.key) or b.key):
        return "also known as"  # 'Mediterranean' and 'Mediterranean Sea'
    if "NORP" in (a.type, b.type):  # a party tagged as a nationality: its report gives it no country
        return None
    if a.body and b.body and a.country and a.country == b.country and a.scoped & b.scoped:
        return "same body"  # 'Senate' and 'U.S. Senate' in US reports; 'Labor', 'Labor Party' in Australian
    if a.body and b.body and a.country and a.country == b.country \
            and any(_one_word_more(x, y) for x in a.scoped for y in b.scoped):
        return "same body"  # 'Emergencies Ministry' and 'Emergency Situations Ministry' in Russian reports
    if a.country and a.country == b.country and a.key != b.key \
            and B.uncountried(a.key) == B.uncountried(b.key) != "":
        return "same body"  # 'White House' and 'US White House' in American reports
    if a.places or b.places:  # a known country's name is spelled its usual way: Colombia / Columbia
        return "also known as" if a.forms & b.forms - a.shortened - b.shortened else None
    how = N.words_match(a.key, b.key)
    if how:
        return "transliteration" if how == "transliteration" else "spelling variant"
    # Two different full names sharing a short form ('FSB') are two bodies, unless one report
    # lists the other's full name as an alias.
    if a.long and b.long and a.key not in b.forms and b.key not in a.forms:
        if a.short_forms & b.short_forms and _cut_from(a.key, b.key):
            return "also known as"  # 'Electric Company (PG&E)': 'Pacific Gas and Electric' cut
        return _long_forms(a, b)
    shared = a.forms & b.forms
    if shared - a.shortened - b.shortened:
        return "also known as"
    if shared and all(_drops_no_region(k, x) and not _another_party(k.split(), x.key.split())
                      for k in shared for x in (a, b)):
        return "short name"  # 'Democratic Party' is short for several parties: the context has to agree
    if (a.short_forms & b.initials) or (b.short_forms & a.initials):
        return "acronym"  # acronyms are few letters for many bodies (CDC): the context must agree
    return None


# The kind of a geographic feature, written after its name or left out ('the Mediterranean (Sea)')
_GEO_KINDS = frozenset(["sea", "ocean", "river", "lake", "desert", "gulf", "bay", "strait", "peninsula",
                        "canal", "mountains", "islands"])
_COMPASS = frozenset(["north", "south", "east", "west", "northern", "southern", "eastern", "western",
                      "central"])


def _geo_base(key: str) -> str:
    """A geographic feature's name without its kind ('mediterranean sea' -> 'mediterranean'), when
    what is left is no country, region or city ('Panama Canal' is not Panama), holds no compass
    word ('South China Sea') and is no short word ('Red Sea'); else ''."""
    words = key.split()
    if len(words) < 2 or words[-1] not in _GEO_KINDS:
        return ""
    base = " ".join(words[:-1])
    if len(base) < 5 or _COMPASS & set(words) or N.lookup_place(base) or B.is_place(base):
        return ""
    return base


# Legal-form words a name cut by the extractor keeps and its full form may not ('Electric Company')
_LEGAL_WORDS = org_words("legal")


def _cut_from(x: str, y: str) -> bool:
    """Whether one of two organisation keys is words of the other (legal forms aside): with an
    acronym both reports write beside it, a part of the name the extractor cut off the whole
    ('Electric Company (PG&E)' and 'Pacific Gas and Electric (PG&E)'). Two full names of their
    own that share an acronym ('Federal Security Service' / 'Financial Stability Board', FSB;
    'Democratic National Committee' / 'Convention', DNC) are not."""
    wx, wy = ({w for w in k.split() if w not in N.STOPWORDS and w not in _LEGAL_WORDS} for k in (x, y))
    return bool(wx and wy) and (wx <= wy or wy <= wx)


# Head nouns of a ministry's title, which a report may write with a word fewer
_MINISTRIES = frozenset(["ministry", "department"])


def _one_word_more(x: str, y: str) -> bool:
    """Whether one of two ministries' titles adds one word before the head noun of the other:
    'emergency ministry' / 'emergency situation ministry', 'foreign ministry' / 'foreign affairs
    ministry'. Only of one country's bodies, whose titles name one ministry each."""
    short, long = sorted((x.split(), y.split()), key=len)
    return len(long) == len(short) + 1 and len(short) >= 2 and short[-1] == long[-1] \
        and short[-1] in _MINISTRIES and short[:-1] == long[: len(short) - 1] \
        and long[-2] not in N.STOPWORDS and not _region(long[-2])


def _long_forms(a: Features, b: Features) -> str | None:
    """Two written-out names. Different full names sharing a short form ('FSB') are two bodies,
    but two expansions of one acronym that one of them writes, differing in one word ('Islamic' /
    'Iranian Revolutionary Guard Corps', IRGC) are one; so is a name written inside a longer one
    ('Revolutionary Guards') when the context, the country or the report agree."""
    wa, wb = a.key.split(), b.key.split()
    # the acronym written by one of them ('IRGC'): initials alone are no evidence of one body
    # ('Senate Majority Leader' / 'Senate Minority Leader')
    acronym = a.initials & b.initials & (a.short_forms | b.short_forms)
    if acronym and min(len(x) for x in acronym) >= 3 and len(wa) == len(wb):
        differ = [(x, y) for x, y in zip(wa, wb) if x != y]
        # not the head noun ('Democratic National Committee' / 'Convention') nor a place
        # ('Melbourne' / 'Minneapolis City Council')
        if len(differ) == 1 and wa[-1] == wb[-1] \
                and not any(w.startswith("@") or _region(w) for w in differ[0]):
            return "acronym expansion"
    (short, long), long_f = ((wa, wb), b) if len(wa) < len(wb) else ((wb, wa), a)
    if len(short) >= 2 and (country := _of_country(short, long)):
        # the shorter named in reports about the country the longer writes: the longer's variant
        short_f = a if long_f is b else b
        about = short_f.countries | {short_f.country} - {None}
        return "name of country" if not about or country in about else "short name"
    if len(short) >= 2 and _inside(short, long) and not _unit_of(short, long, long_f) \
            and _extra_ok(short, long) and not _another_party(short, long) and not _other_head(short, long):
        return "short name"
    return None


def _of_country(short: list[str], long: list[str]) -> str | None:
    """The country a longer name writes after the shorter one and 'of' ('Islamic State of Iraq and
    the Levant' / 'Islamic State': 'iq'), else None; a region's ('Republican Party of Idaho') is
    another body, and the countries of state bodies are compared before."""
    rest = long[len(short) :]
    while len(rest) > 1 and rest[1] == "the":
        rest = rest[:1] + rest[2:]
    if long[: len(short)] == short and len(rest) >= 2 and rest[0] == "of" \
            and rest[1].startswith("@") and "-" not in rest[1]:
        return rest[1][1:]
    return None


# Words naming the kind of body after its name, which a short name may leave out ('Revolutionary
# Guard Corps', 'Liberal National Party')
_KIND_WORDS = B.DESIGNATORS | frozenset(["corps", "movement", "group", "organisation", "organization"])
_PREPOSITIONS = frozenset(["for", "of", "on", "against", "to", "from", "with", "by", "in"])


def _other_head(short: list[str], long: list[str]) -> bool:
    """Whether a longer name is another thing than a shorter name written inside it: the shorter
    is its first words and it ends in another noun ('Middle East Respiratory Syndrome', 'Legislative
    Council Complex'), or the shorter follows a preposition ('Women for America First')."""
    start = _index_of(short, long)
    assert start is not None  # called on a shorter name written inside the longer
    if start and long[start - 1] in _PREPOSITIONS:
        return True
    return start == 0 and long[-1] not in _KIND_WORDS and long[-1] not in N.STOPWORDS \
        and not long[-1].startswith("@") and not _region(long[-1])


def _another_party(short: list[str], long: list[str]) -> bool:
    """Whether a party's name adds words before a shorter party name: 'Christian Democratic Party',
    'Social Democratic Party' are other parties than the 'Democratic Party', also when a report
    gives the shorter as the longer's alias (a country's name or nationality written first is
    compared apart: 'Chinese Communist Party')."""
    start = _index_of(short, long) if long and long[-1] in B.DESIGNATORS else None
    if start is None:
        return False
    return any(w not in N.STOPWORDS and not w.startswith("@") and not B.country_of(w) for w in long[:start])


def _unit_of(short: list[str], long: list[str], f: Features) -> bool:
    """Whether the longer name is a unit of the shorter: it holds another name of its own that
    is not the shorter ('Islamic Revolutionary Guard Corps-Quds Force', also 'Quds Force')."""
    for form in f.forms - {f.key}:
        words = form.split()
        if words and _inside(words, long) and not _inside(short, words):
            return True
    return False


def _extra_ok(short: list[str], long: list[str]) -> bool:
    """A short name leaves out at most two words of the long one, and no place: 'Maryland
    Democratic Party' and 'Republican Party of Idaho' are state parties, not the national one."""
    extra = [w for w in long if w not in short and w not in N.STOPWORDS]
    return 0 < len(extra) <= 2 and not any(w.startswith("@") or N.lookup_place(w) or B.is_place(w) for w in extra)


def _drops_no_region(short: str, f: Features) -> bool:
    """Whether a short name of ``f`` leaves out no region or city of its full name: 'Democratic
    Party' written in a report about the 'Iowa Democratic Party' does not make the state party
    the national one (a country left out is fine: the countries of bodies are compared apart)."""
    words, long = short.split(), f.key.split()
    if short == f.key or not _inside(words, long):
        return True
    return not any(_region(w) for w in long if w not in words)


def _region(word: str) -> bool:
    code = word[1:] if word.startswith("@") else N.lookup_place(word)
    return bool(code and "-" in code) or B.is_place(word)


def _index_of(short: list[str], long: list[str]) -> int | None:
    """Where the words ``short`` first stand in ``long``, or None."""
    return next((i for i in range(len(long) - len(short) + 1) if long[i : i + len(short)] == short), None)


def _inside(short: list[str], long: list[str]) -> bool:
    return _index_of(short, long) is not None


def _either_type(f: Features) -> bool:
    """A name the tagger may call a place in one report and an organisation in another ('EastMed',
    the pipeline, LOC and ORG): an organisation or place that is no state's body, no country or
    region and no city (those are never one actor with an organisation of the same name)."""
    return f.family in ("org", "place") and not f.body and not f.places and not f.country \
        and not B.is_place(f.name) and not N.lookup_place(N.name_key(f.name))


def _two_types(a: Features, b: Features) -> str | None:
    """One name tagged a place and an organisation (see :func:`_either_type`); whether it is one
    thing is left to the company the two share (``score_pair`` asks for some)."""
    if {a.family, b.family} == {"org", "place"} and _either_type(a) and _either_type(b) \
            and N.name_key(a.name) == N.name_key(b.name):
        return "same name"
    return None


TWO_TYPES_COMPANY = 0.5  # the least shared company of one name tagged a place and an organisation


def link_reason(a: Features, b: Features) -> str | None:
    """Why the name rules link two profiles ('same name', 'short name'...), or None when they
    find no link or veto one (two type families, two countries' bodies, two first names); a
    place's and an organisation's same name are linked (:func:`_two_types`)."""
    if a.family != b.family:
        return _two_types(a, b)
    return _link_people(a, b) if a.family == "person" else _link_named(a, b)


def score_pair(a: Features, b: Features, common: frozenset[str], model: PairModel) -> tuple[float, str] | None:
    """The model's probability that two profiles are one actor, with the name rules' reason."""
    reason = link_reason(a, b)
    if reason is None:
        return None
    company = _shared_company(a, b, common)
    if a.family != b.family and company < TWO_TYPES_COMPANY:
        return None  # 'Atlantic' the ocean and the magazine: nothing else says they are one
    x = pair_features(a, b, reason, company)
    return model.probability(x), reason


def common_context(feats: Mapping[str, Features]) -> frozenset[str]:
    """Co-mentioned names most profiles share ('United States'): weak evidence of who is meant."""
    df = Counter(k for f in feats.values() for k in f.context | f.context_words)
    return frozenset(k for k, n in df.items() if n > max(5, len(feats) // 50))


def _block_pairs(members: list[Features]) -> Iterator[tuple[Features, Features]]:
    if len(members) <= MAX_BLOCK:
        yield from itertools.combinations(members, 2)
        return
    ordered = sorted(members, key=lambda f: (window_sort(f), f.id))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 : i + 1 + WINDOW]:
            yield a, b


def candidate_pairs(
    profiles: Sequence[EntityProfile], min_score: float = 0.5, *, model: PairModel | None = None
) -> list[Pair]:
    """Pairs of profiles that may be one actor: ``(id_a, id_b, score, reason)``, strongest first.

    ``id_a < id_b``; the score is the pair model's probability (``model``, by default the one
    shipped) that both are one actor, settled for partial names; the reason is one of 'same name',
    'same body' (one title of a body within its country), 'also known as', 'name of country' (a
    name and the same name with 'of' its report's country after it), 'acronym', 'acronym
    expansion', 'transliteration', 'spelling variant', 'initial', 'nickname', 'second surname', 'first
    name+role', 'surname+context', 'short name', with ' (ambiguous)' added when a partial name
    fits several actors, ' (reports about hk / th)' when a surname alone and the only full name
    of it are reported about two countries, and why a surname alone was settled on its full name
    after a '; '.
    """
    model = model or default_model()
    feats = all_features(profiles)
    blocks: dict[str, list[Features]] = defaultdict(list)
    for f in feats.values():
        for key in set(blocking_keys(f)):
            blocks[key].append(f)
    common = common_context(feats)
    found: dict[tuple[str, str], tuple[float, str]] = {}
    for members in blocks.values():
        for a, b in _block_pairs(members):
            pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
            if pair in found or a.id == b.id:
                continue
            scored = score_pair(a, b, common, model)
            if scored:
                found[pair] = scored
    settle_partial_names(found, feats)
    out = [(x, y, round(s, 3), r) for (x, y), (s, r) in found.items() if s >= min_score]
    out.sort(key=lambda t: (-t[2], t[0], t[1]))
    log.debug("%d profiles, %d blocks, %d candidate pairs", len(feats), len(blocks), len(out))
    return out


Traits = tuple[str, str | None, tuple[str, tuple[str, ...]] | None, bool]


def cluster_traits(f: Features) -> Traits:
    """What clustering reads of a profile to refuse a merge: its type family, a state body's
    country, a person's surname (by sound) and given names, and whether it may be either a place
    or an organisation (:func:`_either_type`). A profile whose traits and pairs
    stay the same leaves the clustering as it was (``store.incremental``)."""
    country = f.country if f.body and f.country else None
    person = None
    if f.family == "person" and not f.people[0].mononym and f.people[0].surname:
        # by sound, so 'Osama bin Laden' and 'Hamza bin Ladin' still count as one surname
        person = (N.phonetic_key(f.people[0].surname), f.people[0].given)
    return f.family, country, person, _either_type(f)


class _Groups:
    """Union-find over ids that also carries what may not be joined: 'different' edges, and
    (when profiles are known) entity type families and the full names of the people in a group."""

    def __init__(self, ids: Iterable[str], feats: Mapping[str, Features]) -> None:
        self.parent = {i: i for i in ids}
        self.members: dict[str, list[str]] = {i: [i] for i in self.parent}
        self.apart: dict[str, set[str]] = defaultdict(set)  # root -> ids judged different from it
        self.families: dict[str, set[str]] = {}
        # groups of names a tagger may call a place or an organisation only ('EastMed'): a place's
        # and an organisation's such groups may join, no others of two families
        self.either: dict[str, bool] = {}
        self.countries: dict[str, set[str]] = {}  # the countries of the state bodies in a group: never two
        self.people: dict[str, dict[str, set[tuple[str, ...]]]] = {}
        for i in self.parent:
            f = feats.get(i)
            family, country, person, either = cluster_traits(f) if f else (None, None, None, False)
            self.families[i] = {family} if family is not None else set()
            self.either[i] = either
            self.countries[i] = {country} if country else set()
            if person:
                self.people[i] = {person[0]: {person[1]}}

    def find(self, i: str) -> str:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:  # path compression
            self.parent[i], i = root, self.parent[i]
        return root

    def judged_apart(self, ra: str, rb: str) -> bool:
        return any(self.find(x) == rb for x in self.apart.get(ra, ())) or any(
            self.find(x) == ra for x in self.apart.get(rb, ())
        )

    def conflicting(self, ra: str, rb: str) -> bool:
        """Type families that cannot be one actor (but a place's and an organisation's names that
        may be either, see `_two_types`), or one surname with incompatible given names."""
        fa, fb = self.families[ra], self.families[rb]
        if fa and fb and not (fa <= fb or fb <= fa) and not (self.either[ra] and self.either[rb]):
            return True
        if self.countries[ra] and self.countries[rb] and self.countries[ra] != self.countries[rb]:
            return True
        pa, pb = self.people.get(ra, {}), self.people.get(rb, {})
        for surname in pa.keys() & pb.keys():
            for ga, gb in itertools.product(pa[surname], pb[surname]):
                if N.given_compatible(ga, gb) is None:
                    return True
        return False

    def union(self, ra: str, rb: str) -> None:
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)
        self.apart[ra] |= self.apart.pop(rb, set())
        self.families[ra] |= self.families.pop(rb)
        self.either[ra] = self.either.pop(rb) and self.either[ra]
        self.countries[ra] |= self.countries.pop(rb)
        for surname, given in self.people.pop(rb, {}).items():
            self.people.setdefault(ra, {}).setdefault(surname, set()).update(given)


def cluster(
    ids: Iterable[str],
    auto_pairs: Iterable[tuple[str, str, float] | Pair],
    judgements: Iterable[tuple[str, str, Verdict]],
    threshold: float = 0.85,
    *,
    profiles: Sequence[EntityProfile] | None = None,
    features: Mapping[str, Features] | None = None,
) -> dict[str, str]:
    """Map every id to its canonical id (the smallest id of its group, so re-runs are stable).

    Judgements win: 'same' edges merge transitively, even against the algorithm; a 'different'
    edge forbids joining the two groups by automatic pairs; an 'unsure' pair is not joined
    directly. For one pair of ids the last judgement given counts. Automatic pairs at or above
    ``threshold`` are applied strongest first. With ``profiles`` (or their ``features``), automatic merges also never join
    different entity type families (a person and an organisation, an organisation and its
    country) nor two people with the same surname and different first names.
    Pairs and judgements naming ids outside ``ids`` are ignored.
    """
    id_list = list(dict.fromkeys(ids))
    feats = features if features is not None else all_features(profiles or ())
    groups = _Groups(id_list, feats)
    known = groups.parent.keys()
    decided: dict[tuple[str, str], Verdict] = {}
    for a, b, verdict in judgements:
        if a in known and b in known and a != b:
            decided[(a, b) if a < b else (b, a)] = verdict
    for (a, b), verdict in decided.items():
        if verdict == "same" and (ra := groups.find(a)) != (rb := groups.find(b)):
            groups.union(ra, rb)
    for (a, b), verdict in decided.items():
        if verdict == "different":
            ra, rb = groups.find(a), groups.find(b)
            if ra == rb:
                log.warning("judgements contradict: %s and %s judged different but joined by 'same' edges", a, b)
                continue
            groups.apart[ra].add(b)
            groups.apart[rb].add(a)
    scored = sorted(
        ((a, b, s) for a, b, s, *_ in auto_pairs if s >= threshold and a in known and b in known),
        key=lambda t: (-t[2], min(t[0], t[1]), max(t[0], t[1])),
    )
    for a, b, _score in scored:
        if (a, b) in decided or (b, a) in decided:
            continue
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb or groups.judged_apart(ra, rb) or groups.conflicting(ra, rb):
            continue
        groups.union(ra, rb)
    canonical = {root: min(members) for root, members in groups.members.items()}
    return {i: canonical[groups.find(i)] for i in id_list}


def resolve(
    profiles: Sequence[EntityProfile],
    judgements: Iterable[tuple[str, str, Verdict]] = (),
    threshold: float = 0.85,
) -> dict[str, str]:
    """Candidate pairs and clustering in one call: profile id -> canonical id."""
    pairs = candidate_pairs(profiles, min_score=threshold)
    return cluster((p.id for p in profiles), pairs, judgements, threshold, profiles=profiles)

"""What the resolver compares of a profile, computed once: comparison keys, parsed person names,
acronyms, a body's country, titles; and the type reconciliation of names used as a person's.

``EntityProfile`` is one entity as one report (or one name group of the store) names it;
``all_features`` turns profiles into ``Features`` and settles their types: an organisation's
name used as a person's ('President Trump' tagged ORG) becomes a person.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, field
from typing import Any, Protocol

from claimgraph.graph import bodies as B
from claimgraph.graph import names as N
from claimgraph.nlp.lexicon import first_name_gender, institution_nouns, state_bodies, titles

FAMILIES = {"PERSON": "person", "PER": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


class ReportLookup(Protocol):
    """Where the reports of a profile in many of them are found (the store's index of its members)."""

    def holding(self, gid: str, docs: Iterable[str]) -> set[str]:
        """Which of ``docs`` the name group ``gid`` has a member in."""
        ...

    def all_of(self, gid: str) -> frozenset[str]:
        """Every report the name group ``gid`` has a member in."""
        ...

    def looked_up(self, docs: Iterable[str]) -> set[str]:
        """Which of ``docs`` were looked up already: ``holding`` answers for them without reading."""
        ...


PER_REPORT = 50  # about what looking up one report reads (its entities' groups), against one row per report


class Reports(Set[str]):
    """The reports of a stored profile in many of them, as a set that holds only their count,
    the few ``known`` here (those a resolution run adds) and a look-up for the others (issue #10).

    A big actor's name is in tens of thousands of reports; what the resolver reads of them is how
    many (:func:`reports`) and whether another profile shares one (``&`` with a small profile:
    its few reports looked up); only ``&`` of two such profiles, or iterating one, reads its
    reports whole (once). The store keeps their count, not the list."""

    __slots__ = ("gid", "count", "known", "lookup", "_whole")

    def __init__(self, gid: str, count: int, lookup: ReportLookup, known: Iterable[str] = ()) -> None:
        self.gid, self.count, self.lookup = gid, count, lookup
        self.known = frozenset(known)
        self._whole: frozenset[str] | None = self.known if len(self.known) >= count else None

    def __len__(self) -> int:
        return self.count

    def __repr__(self) -> str:
        return f"Reports({self.gid!r}, {self.count})"

    def complete(self) -> bool:
        """Whether every report is held here (no look-up needed)."""
        return self._whole is not None

    def whole(self) -> frozenset[str]:
        if self._whole is None:
            self._whole = self.known | self.lookup.all_of(self.gid)
        return self._whole

    def holding(self, docs: Iterable[str]) -> frozenset[str]:
        """Which of ``docs`` are among these reports."""
        asked = set(docs)
        mine = self._whole if self._whole is not None else self.known
        found = asked & mine
        if self._whole is None and (rest := asked - found):
            if cached := self.lookup.looked_up(rest):  # answered without reading anything
                found |= self.lookup.holding(self.gid, cached)
                rest -= cached
            if rest and len(rest) * PER_REPORT > self.count:  # asked about more than reading them all costs
                found |= rest & self.whole()
            elif rest:
                found |= self.lookup.holding(self.gid, rest)
        return frozenset(found)

    def extended(self, docs: Iterable[str]) -> Reports:
        """These reports and ``docs``: a resolution run's new reports, none of them stored before
        (the look-up may see them already: the run's members are stored first)."""
        new = set(docs) - self.known
        out = Reports(self.gid, self.count + len(new), self.lookup, self.known | new)
        if self._whole is not None:
            out._whole = self._whole | new
        return out

    def __contains__(self, doc: object) -> bool:
        return isinstance(doc, str) and bool(self.holding([doc]))

    def __iter__(self) -> Iterator[str]:
        return iter(self.whole())

    def __and__(self, other: Set[Any]) -> frozenset[str]:
        if not isinstance(other, Reports):
            return self.holding(x for x in other if isinstance(x, str))
        if other.complete() and (not self.complete() or len(other) <= len(self)):
            return self.holding(other.whole())
        if self.complete() or len(self) <= len(other):  # else both looked up: the smaller read whole
            return other.holding(self.whole())
        return self.holding(other.whole())

    __rand__ = __and__


def meet(a: Set[str], b: Set[str]) -> bool:
    """Whether two profiles share a report (``a & b``). Of two counted ones, the reports a run
    added to either are asked first (the look-up holds them: ``incremental._Run.assign``): two
    groups that gained reports are compared again when they share a new one, and ``&`` would
    read the smaller's reports whole to say so."""
    if isinstance(a, Reports) and isinstance(b, Reports):
        if a.known & b.known or (a.known and b.holding(a.known)) or (b.known and a.holding(b.known)):
            return True
    return bool(a & b)


def as_reports(documents: Iterable[str]) -> frozenset[str] | Reports:
    """A profile's reports as :class:`Features` holds them."""
    return documents if isinstance(documents, Reports) else frozenset(documents)


@dataclass
class EntityProfile:
    """One entity as one report names it. ``context``: names of the entities mentioned with it.

    The store adds what it knows of the reports: ``documents`` the profile's entities are in,
    ``country`` (of a state's body: from its name, else its report), ``roles`` (titles written
    before it: 'president', 'queen'), for a surname written alone ``near``: the id of the full
    name written nearest before it in its report, and ``countries``: the countries its first
    reports are about (where a report's places say).
    """

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    documents: list[str] | Reports = field(default_factory=list)  # Reports: a stored profile in many
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    near: str | None = None
    body: bool = False  # a state's body even if its name does not say so ('Labour' for the party)
    countries: list[str] = field(default_factory=list)
    seq: int = 0  # when the store took its first member (``doc_seq``): its place in a big block


@dataclass(slots=True)
class Features:
    """What the comparison needs of a profile, computed once."""

    id: str
    family: str
    key: str  # comparison key of the canonical name
    forms: frozenset[str]  # keys of every name form
    people: tuple[N.PersonName, ...] = ()  # persons: the name and full-name aliases, parsed
    short_forms: frozenset[str] = frozenset()  # orgs: acronyms written ('un', 'irgc')
    initials: frozenset[str] = frozenset()  # orgs: acronyms the long forms could be written as
    places: frozenset[str] = frozenset()  # territory codes of the forms
    shortened: frozenset[str] = frozenset()  # keys of aliases cut from the name ('Quds Force')
    context: frozenset[str] = frozenset()
    context_words: frozenset[str] = frozenset()  # last words of context names ('trump')
    documents: frozenset[str] | Reports = frozenset()
    country: str | None = None  # a state's body's country; never joined to another country's
    roles: frozenset[str] = frozenset()
    near: str | None = None
    body: bool = False  # the title of one state's body ('Interior Ministry')
    person_like: bool = False  # an organisation's name that could be a person's ('Trump')
    type: str = ""  # the entity type the model tagged ('PERSON', 'ORG', 'NORP'...)
    namesakes: frozenset[str] = frozenset()  # a person's lone word: the people's full names holding it
    scoped: frozenset[str] = frozenset()  # a body's titles within its country ('senate' of 'U.S. Senate')
    name: str = ""  # the canonical name as written
    countries: frozenset[str] = frozenset()  # the countries its reports are about ('th', 'hk')
    seq: int = 0  # when the store took the profile's first member (``EntityProfile.seq``)

    @property
    def long(self) -> bool:
        return self.key not in self.short_forms


def family(entity_type: str) -> str:
    """The group of entity types that may name the same actor (GPE and LOC are both places)."""
    upper = entity_type.upper()
    return FAMILIES.get(upper, upper.lower())


def features(p: EntityProfile) -> Features:
    fam = family(p.type)
    names = [p.name, *(a for a in p.aliases if a and a != p.name)]
    if fam == "org" and _person_in_role(p):  # 'President Trump' tagged ORG: a person (issue #8)
        fam = "person"
    elif fam == "person" and reads_as_body(p.name):  # 'Emergency Situations Ministry' tagged PERSON
        fam = "org"
    elif fam == "person" and " " in N.name_key(p.name) and N.lookup_place(N.name_key(p.name)):
        fam = "place"  # a country's or region's name of two words or more tagged PERSON ('American Samoa')
    elif fam == "norp" and B.is_state_body(p.name):  # 'Republican Party' tagged as a nationality
        fam = "org"
    own = {N.name_key(n) for n in names}
    context = [n for c in p.context if c for n in N.context_names(c)]
    ctx = {N.name_key(c) for c in context} - own - {""}
    ctx_codes = {code for c in context if (code := N.lookup_place(N.name_key(c) or c))}
    words = {k.split()[-1] for k in ctx if 2 <= len(k.split()) <= 3 and len(k.split()[-1]) >= 4}
    roles = frozenset(p.roles) | (titles_written(p.name) if fam == "person" else frozenset())
    base = Features(p.id, fam, N.name_key(p.name), frozenset(own), context=frozenset(ctx | ctx_codes | {"~" + r for r in roles}),
                     context_words=frozenset(words), documents=as_reports(p.documents),
                     roles=roles, near=p.near, type=p.type.upper(), name=p.name,
                     countries=frozenset(p.countries), seq=p.seq)
    if fam == "org":
        base.body = p.body or B.is_state_body(p.name)
        base.country = p.country
        base.person_like = person_like(p.name)
    if fam == "person":
        # a one-word alias of a full name is its surname or first name: it would pair 'Joe Biden'
        # with 'Hunter Biden' through 'Biden', so only full-name aliases take part.
        people = [N.parse_person(p.name)]
        people += [N.parse_person(a) for a in names[1:] if len(N.ascii_fold(a).split()) > 1]
        base.people = tuple(people)
        base.forms = frozenset({base.key} | {N.name_key(a) for a in names[1:] if len(a.split()) > 1})
    elif fam == "org":
        base.key = N.org_key(p.name)
        base.forms = frozenset({N.org_key(n) for n in names})
        base.short_forms = frozenset(N.name_key(n) for n in names if N.is_acronym_form(n))
        base.initials = frozenset(a.lower() for n in names for a in N.acronyms(n))
        # a country's name written first is no part of the acronym: 'United States Central
        # Intelligence Agency', CIA ('British Broadcasting Corporation' keeps its nationality: BBC)
        base.initials |= {a.lower() for form in base.forms if form.startswith("@") and " " in form
                          for a in N.acronyms(form.split(" ", 1)[1])}
        if not base.short_forms:  # a name that writes no acronym of its own may go by an older one
            base.initials |= {a.lower() for n in names if (a := N.acronym_before_and(n))}
    if fam != "person":
        words = set(base.key.split())
        base.shortened = frozenset(k for k in base.forms if k != base.key and set(k.split()) < words)
    if base.body:  # its titles within its country, but not from a shortened alias ('Democratic Party')
        base.scoped = frozenset(k for form in base.forms - base.shortened if (k := B.scoped_key(form)))
    if fam == "place":  # the name's own territory: an alias ('D.C.' of 'Washington') may be loose
        base.places = frozenset(code for code in [N.lookup_place(base.key)] if code)
    return base


def titles_written(name: str) -> frozenset[str]:
    """The titles a person's name is written with ('pope' of 'Pope Francis'): roles as much as
    the titles written before its mentions."""
    out = set()
    for word in N.ascii_fold(name).split()[:-1]:
        if word not in titles():
            break
        out.add(word)
    return frozenset(out)


_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’.\-]*(?:['’.\-][^\W\d_]*)*")  # letters, no digits


def person_like(name: str) -> bool:
    """One to three capitalised words of letters that name no body, place or acronym: 'Trump',
    'Vázquez'; not 'H1N1' (no one's name holds a digit)."""
    words = name.split()
    return (
        1 <= len(words) <= 3
        and all(w[:1].isupper() and _NAME_WORD.fullmatch(w) for w in words)
        and not N.is_acronym_form(name)
        and not B.is_state_body(name)
        and not B.countries_in_name(name)
        and N.org_key(name) == N.name_key(name)
    )


def reads_as_body(name: str) -> bool:
    """A name tagged as a person's that is an institution's: its last word is an institution noun
    ('Emergency Situations Ministry') and its first word is no first name ('Margaret Court' stays
    a person)."""
    words = N.ascii_fold(name).split()
    return (
        len(words) >= 2
        and (words[-1] in state_bodies() or words[-1] in institution_nouns())
        and words[0] not in first_name_gender()
    )


def _person_in_role(p: EntityProfile) -> bool:
    return bool(p.roles) and person_like(p.name)


def _reconcile_types(feats: Mapping[str, Features]) -> None:
    """Names the tagger gave the wrong type, read by what the other names say (see :func:`reading`)."""
    ctx = Reconciling()
    for f in feats.values():
        if f.family == "person" and f.people and not f.people[0].mononym:
            for doc in f.documents:
                ctx.surnames[doc] |= N.surnames(f.people[0])
            if f.people[0].surname:
                ctx.people[f.people[0].surname].append(f.people[0])
            ctx.words.update(w for form in f.forms for w in form.split())
    ctx.orgs = {f.key for f in feats.values() if f.family == "org"}
    ctx.org_reports = Counter()
    ctx.shaped = Counter()
    for f in feats.values():
        if f.family == "org":
            ctx.org_reports[f.key] += reports(f)
        if (key := org_shaped(f)) is not None:
            ctx.shaped[key] += reports(f)
    ctx.places = {f.key for f in feats.values() if f.family == "place"}
    ctx.held = {s for ps in ctx.people.values() for p in ps for s in N.surnames(p)}
    ctx.alone = Counter(k for f in feats.values() if (k := alone_key(f)) is not None)
    ctx.dominant = dominant_surnames(feats)
    for f in feats.values():
        apply_reading(f, reading(f, ctx))


People = Mapping[str, list[N.PersonName]]


@dataclass
class Reconciling:
    """What the type reconciliation reads of the other profiles (their own features): the
    surnames of the people named in full in each report, the full names of each surname, the
    words of people's full names, the organisations' names, the surnames people hold, how many
    profiles write each untitled one-word person's name alone, each surname's dominant person,
    the places' names, and how many reports write each organisation's key as an organisation's name
    (``org_reports``) and as a person's read by :func:`org_shaped` (``shaped``)."""

    surnames: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    people: dict[str, list[N.PersonName]] = field(default_factory=lambda: defaultdict(list))
    words: set[str] = field(default_factory=set)
    orgs: Container[str] = field(default_factory=set)
    held: Container[str] = field(default_factory=set)
    alone: Mapping[str, int] = field(default_factory=dict)
    dominant: Mapping[str, Features] = field(default_factory=dict)
    places: Container[str] = field(default_factory=set)
    org_reports: Mapping[str, int] = field(default_factory=dict)
    shaped: Mapping[str, int] = field(default_factory=dict)


def reports(f: Features) -> int:
    """How many reports a profile stands for (one at least)."""
    return max(1, len(f.documents))


def reading(f: Features, ctx: Reconciling) -> str | None:
    """How the reconciliation reads a profile (its own features) against the others:

    - 'person': an organisation's one word that is the surname of a person named in the same
      report ('In a statement, Vázquez said' beside 'Wanda Vázquez Garced'), or of the dominant
      person of that surname named with the same company, is that person's name;
    - 'person:<name>': an organisation's full name of a person ('Elijah Cummings' tagged ORG), or
      one with the person's title, state or outlet written before it ('United States
      Representative Elijah Cummings', 'Vermont Bernie Sanders', 'NPR Hamza bin Laden'), that a
      person's name elsewhere matches, surname and given names, is that person ('Friends of
      Bernie Sanders' is not); so is one that more reports write as a person's name than as an
      organisation's, by the key :func:`org_shaped` reads ('Xi Jinping' tagged ORG in one report);
    - 'org': a person's one word that no person's full name holds and that names an organisation
      elsewhere ('Instagram' tagged PERSON) is that organisation's name, and so is a person's
      name of two or three words whose first word is no first name nor title (:func:`org_shaped`:
      'Nature Astronomy', the journal, tagged PERSON in one report), unless more reports write it
      as a person's than as an organisation's ('Xi Jinping' tagged ORG in one report of many); so
      is one written alone,
      with no title, in at least ``DOMINANCE`` reports that is no one's surname nor a first name
      ('Twitter');
    - 'place': a person's one word that no person's full name holds, no one's surname nor a first
      name, that names a place elsewhere ('Chikmagalur' tagged PERSON, a district tagged LOC in
      another report) is that place's name;
    - None: as tagged.
    """
    if may_read_as_person(f):
        return "person" if reads_as_person(f, ctx.surnames, ctx.dominant) else None
    if f.family == "org" and (person := _person_named_in(f.name, ctx.people)):
        return "person:" + person
    if f.family == "org" and ctx.shaped.get(f.key, 0) > ctx.org_reports.get(f.key, 0):
        return "person:" + f.name  # 'Xi Jinping' tagged ORG in one report and PERSON in more
    if (key := org_shaped(f)) is not None and key in ctx.orgs \
            and ctx.shaped.get(key, 0) <= ctx.org_reports.get(key, 0):
        return "org"
    if lone_person(f) and (
        (f.key in ctx.orgs and f.key not in ctx.words)
        or (alone_key(f) is not None and ctx.alone.get(f.key, 0) >= DOMINANCE
            and f.key not in ctx.held and f.key not in first_name_gender())
    ):
        return "org"
    if lone_person(f) and f.key in ctx.places and f.key not in ctx.words and f.key not in ctx.held \
            and f.key not in first_name_gender():
        return "place"
    return None


def apply_reading(f: Features, how: str | None) -> None:
    """Give a profile's own features the type :func:`reading` settled."""
    if how == "person":
        make_person(f)
    elif how and how.startswith("person:"):
        make_person(f, how[len("person:"):])
    elif how == "org":
        _make_org(f)
    elif how == "place":
        _make_place(f)


def org_shaped(f: Features) -> str | None:
    """The organisation key of a person's name of two or three words whose first word is no first
    name nor title, written with no title before it ('Nature Astronomy' tagged PERSON): what
    :func:`reading` looks up among the organisations' names. None for other profiles."""
    if f.family != "person" or not f.people or f.people[0].mononym or f.roles:
        return None
    words = N.ascii_fold(f.name).split()
    if not 2 <= len(words) <= 3 or words[0] in first_name_gender() or words[0] in titles():
        return None
    return N.org_key(f.name)


def lone_person(f: Features) -> bool:
    """A person named by one name ('Instagram', 'Twitter', 'Robert')."""
    return f.family == "person" and bool(f.people) and f.people[0].mononym


def alone_key(f: Features) -> str | None:
    """The one word of a person named by it with no title ('Twitter'; not 'Governor Rosselló')."""
    return f.key if lone_person(f) and " " not in f.key and not f.roles else None


def person_tails(name: str) -> list[str]:
    """The names an organisation's name may be a person's as, by their shape alone: the name, or
    its last two or three words after a title, a place or an acronym."""
    out = [name] if _person_shaped(name) else []
    words = name.split()
    for size in (2, 3):
        head, tail = words[:-size], " ".join(words[-size:])
        if not head or any(N.ascii_fold(w) in N.STOPWORDS for w in head):
            continue
        last = head[-1]
        before = _title_word(N.ascii_fold(last)) or B.country_of(last) or N.lookup_place(N.name_key(last)) \
            or N.is_acronym_form(last) or B.countries_in_name(" ".join(head))
        if before and _person_shaped(tail):
            out.append(tail)
    return out


@functools.lru_cache(maxsize=10_000)
def _title_word(word: str) -> bool:
    """A title, also misspelt when long ('Represenative' in a name tagged ORG, 'House Intelligence
    Committee Represenative Adam Schiff')."""
    return word in titles() or (len(word) >= 7 and any(
        len(t) >= 7 and N.is_spelling_variant(word, t) for t in titles()))


def _person_named_in(name: str, people: People) -> str | None:
    """The person's name an organisation's name is, or ends with after a title, a place or an
    acronym: 'Elijah Cummings', 'United States Representative Elijah Cummings'; one that matches
    a person named in full elsewhere: the same surname and compatible given names."""
    for tail in person_tails(name):
        parsed = N.parse_person(tail)
        if any(N.given_compatible(parsed.given, p.given) is not None for p in people.get(parsed.surname, ())):
            return tail
    return None


def _person_shaped(name: str) -> bool:
    """A name of two or three capitalised words, no body or place in it, a known first name first."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and _NAME_WORD.fullmatch(w) for w in words):
        return False
    if B.is_state_body(name) or B.countries_in_name(name):
        return False
    if any(w in institution_nouns() for w in N.ascii_fold(name).split()):
        return False
    parsed = N.parse_person(name)
    return not parsed.mononym and bool(parsed.surname) and bool(parsed.given) \
        and parsed.given[0] in first_name_gender()


def may_read_as_person(f: Features) -> bool:
    """An organisation's one word that could be a person's surname ('Trump', 'Vázquez')."""
    return f.family == "org" and f.person_like and " " not in f.key


def reads_as_person(
    f: Features, surnames: Mapping[str, Iterable[str]], dominant: Mapping[str, Features]
) -> bool:
    """Whether an organisation's one word is a person's name: the surname of a person named in
    full in one of its reports (``surnames``: report -> surnames), or of the dominant person of
    that surname (``dominant``) when the two share company ('take this fight to Trump and Mike Pence')."""
    if not may_read_as_person(f):
        return False
    docs = f.documents
    if isinstance(docs, Reports) and not docs.complete():  # a stored big one: the reports asked about
        if docs.holding(d for d, names in surnames.items() if f.key in names):
            return True
    elif any(f.key in surnames.get(d, ()) for d in docs):
        return True
    return f.key in dominant and bool(f.context & dominant[f.key].context)


def dominant_surnames(feats: Mapping[str, Features]) -> dict[str, Features]:
    """Surname -> the person named in full in far more reports than anyone else of that surname."""
    by_surname: dict[str, list[Features]] = defaultdict(list)
    for f in feats.values():
        if f.family == "person" and f.people and not f.people[0].mononym and f.people[0].surname:
            by_surname[f.people[0].surname].append(f)
    out = {}
    for surname, people in by_surname.items():
        ranked = sorted(people, key=lambda f: (-len(f.documents), f.id))
        top = len(ranked[0].documents)
        rivals = [len(f.documents) for f in ranked[1:] if not same_actor(f, ranked[0])]
        if top >= DOMINANCE and top >= DOMINANCE * max(rivals, default=0):
            out[surname] = ranked[0]
    return out


def make_person(f: Features, name: str | None = None) -> None:
    f.family = "person"
    if name:
        f.key = N.name_key(name)
    f.people = (N.parse_person(name or f.key),)
    f.forms = frozenset({f.key})
    f.short_forms = f.initials = f.shortened = frozenset()
    f.body, f.country = False, None


def own_features(p: EntityProfile) -> Features:
    """A profile's features as far as they depend on the profile alone."""
    f = features(p)
    if f.family == "person" and not f.people:  # an organisation in a person's role
        make_person(f)
    return f


def _make_org(f: Features) -> None:
    f.family = "org"
    f.people = ()
    if " " in f.key:  # a name of several words, keyed as the organisation's ('Nature Astronomy')
        f.key = N.org_key(f.name)
        f.forms = frozenset({f.key})
    f.short_forms = frozenset([f.key]) if N.is_acronym_form(f.name) else frozenset()


def _make_place(f: Features) -> None:
    f.family = "place"
    f.people = ()
    f.places = frozenset(code for code in [N.lookup_place(f.key)] if code)


def all_features(profiles: Iterable[EntityProfile]) -> dict[str, Features]:
    feats = {p.id: own_features(p) for p in profiles}
    _reconcile_types(feats)
    _find_namesakes(feats)
    return feats


def _find_namesakes(feats: Mapping[str, Features]) -> None:
    """For each person named by one word ('Robert', 'Burisma'), the full names of people that
    hold the word: the more there are, the less the word alone says who is meant."""
    holders: dict[str, set[str]] = defaultdict(set)
    for f in feats.values():
        for w, form in held_words(f):
            holders[w].add(form)
    for f in feats.values():
        if (word := lone_word(f)) is not None:
            f.namesakes = frozenset(holders.get(word, ()))


def held_words(f: Features) -> Iterator[tuple[str, str]]:
    """(word, full name) for each word of a person's full names: who a lone word may stand for."""
    if f.family == "person":
        for form in f.forms:
            words = form.split()
            if len(words) >= 2:
                for w in words:
                    yield w, form


def lone_word(f: Features) -> str | None:
    """The word of a person named by one word ('Robert', 'Burisma'); None for other profiles."""
    if f.family == "person" and f.people and (f.people[0].mononym or not f.people[0].surname):
        p = f.people[0]
        return p.surname or (p.given[0] if p.given else "")
    return None




DOMINANCE = 3  # the dominant full name is in at least this many reports, and this many times its rivals'



def partial_link(a: Features, b: Features, reason: str) -> tuple[Features, Features] | None:
    """(short, full) when one side of a pair is a partial name: a lone surname, a short name."""
    if a.family == "person":
        if a.people[0].mononym == b.people[0].mononym:
            return None
        return (a, b) if a.people[0].mononym else (b, a)
    if reason.startswith("short name"):
        return (a, b) if len(a.key.split()) < len(b.key.split()) else (b, a)
    if reason.startswith("acronym") and not reason.startswith("acronym expansion"):
        return (a, b) if a.key in a.short_forms else (b, a)
    return None


def same_actor(x: Features, y: Features, found: Mapping[tuple[str, str], tuple[float, str]] | None = None) -> bool:
    """Whether two full names on the far side of partial links can be one actor: compatible
    given names; for organisations the same name, or two names matched to each other
    ('Islamic' / 'Iranian Revolutionary Guard Corps')."""
    if x.family == "person":
        return N.given_compatible(x.people[0].given, y.people[0].given) is not None
    if x.key == y.key:
        return True
    link = (found or {}).get((x.id, y.id) if x.id < y.id else (y.id, x.id))
    return link is not None and link[0] >= LINKED and partial_link(x, y, link[1]) is None


LINKED = 0.8  # two full names matched this well count as one actor when a short name fits both



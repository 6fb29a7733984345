"""What the resolver compares of a profile, computed once: comparison keys, parsed person names,
acronyms, a body's country, titles; and the type reconciliation of names used as a person's.

``EntityProfile`` is one entity as one report (or one name group of the store) names it;
``all_features`` turns profiles into ``Features`` and settles their types: an organisation's
name used as a person's ('President Trump' tagged ORG) becomes a person.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from claimgraph.graph import bodies as B
from claimgraph.graph import names as N
from claimgraph.nlp.lexicon import first_name_gender, institution_nouns, state_bodies

FAMILIES = {"PERSON": "person", "PER": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


@dataclass
class EntityProfile:
    """One entity as one report names it. ``context``: names of the entities mentioned with it.

    The store adds what it knows of the reports: ``documents`` the profile's entities are in,
    ``country`` (of a state's body: from its name, else its report), ``roles`` (titles written
    before it: 'president', 'queen') and, for a surname written alone, ``near``: the id of the
    full name written nearest before it in its report.
    """

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    near: str | None = None
    body: bool = False  # a state's body even if its name does not say so ('Labour' for the party)


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
    documents: frozenset[str] = frozenset()
    country: str | None = None  # a state's body's country; never joined to another country's
    roles: frozenset[str] = frozenset()
    near: str | None = None
    body: bool = False  # the title of one state's body ('Interior Ministry')
    person_like: bool = False  # an organisation's name that could be a person's ('Trump')
    type: str = ""  # the entity type the model tagged ('PERSON', 'ORG', 'NORP'...)
    namesakes: frozenset[str] = frozenset()  # a person's lone word: the people's full names holding it

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
    own = {N.name_key(n) for n in names}
    context = [n for c in p.context if c for n in N.context_names(c)]
    ctx = {N.name_key(c) for c in context} - own - {""}
    ctx_codes = {code for c in context if (code := N.lookup_place(N.name_key(c) or c))}
    words = {k.split()[-1] for k in ctx if 2 <= len(k.split()) <= 3 and len(k.split()[-1]) >= 4}
    roles = frozenset(p.roles)
    base = Features(p.id, fam, N.name_key(p.name), frozenset(own), context=frozenset(ctx | ctx_codes | {"~" + r for r in roles}),
                     context_words=frozenset(words), documents=frozenset(p.documents), roles=roles, near=p.near,
                     type=p.type.upper())
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
    if fam != "person":
        words = set(base.key.split())
        base.shortened = frozenset(k for k in base.forms if k != base.key and set(k.split()) < words)
    if fam == "place":  # the name's own territory: an alias ('D.C.' of 'Washington') may be loose
        base.places = frozenset(code for code in [N.lookup_place(base.key)] if code)
    return base


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
    """An organisation's one-word name that is the surname of a person named in the same report
    ('In a statement, Vázquez said' beside 'Wanda Vázquez Garced') is that person's name."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for f in feats.values():
        if f.family == "person" and f.people and not f.people[0].mononym:
            for doc in f.documents:
                surnames[doc] |= N.surnames(f.people[0])
    dominant = dominant_surnames(feats)
    for f in feats.values():
        if reads_as_person(f, surnames, dominant):
            make_person(f)


def may_read_as_person(f: Features) -> bool:
    """An organisation's one word that could be a person's surname ('Trump', 'Vázquez')."""
    return f.family == "org" and f.person_like and " " not in f.key


def reads_as_person(f: Features, surnames: Mapping[str, Iterable[str]], dominant: Mapping[str, Features]) -> bool:
    """Whether an organisation's one word is a person's name: the surname of a person named in
    full in one of its reports (``surnames``: report -> surnames), or of the dominant person of
    that surname (``dominant``) when the two share company ('take this fight to Trump and Mike Pence')."""
    if not may_read_as_person(f):
        return False
    if any(f.key in surnames.get(d, ()) for d in f.documents):
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


def make_person(f: Features) -> None:
    f.family = "person"
    f.people = (N.parse_person(f.key),)
    f.forms = frozenset({f.key})
    f.short_forms = f.initials = f.shortened = frozenset()
    f.body, f.country = False, None


def own_features(p: EntityProfile) -> Features:
    """A profile's features as far as they depend on the profile alone."""
    f = features(p)
    if f.family == "person" and not f.people:  # an organisation in a person's role
        make_person(f)
    return f


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



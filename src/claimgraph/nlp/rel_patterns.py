"""Dependency-parse patterns that state a relation between two entities of one sentence.

Each finder takes a sentence and the :class:`EntityIndex` and yields :class:`Found`
candidates: subject, predicate, object and the trigger token whose clause states it (for
negation and modality). Whether a candidate's entity types fit its predicate is decided
once, in :func:`fits`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.symbols import AUX, NOUN, PROPN, VERB  # type: ignore[import-not-found]
from spacy.tokens import Doc, Span, Token

from claimgraph.nlp.doc_arrays import column, positions
from claimgraph.nlp.lexicon import titles
from claimgraph.nlp.rel_index import EntityIndex, conjuncts
from claimgraph.nlp.rel_lexicon import Role, hyphen_rule, pred_override, role_at, verb_rule, words
from claimgraph.nlp.syntax import subject_of


@dataclass(frozen=True, slots=True)
class Found:
    subject: str
    predicate: str
    object: str
    trigger: Token


ORGS = frozenset({"ORG", "NORP"})
_NOUNS = frozenset({NOUN, PROPN})  # parts of speech, as spaCy's ids
_VERBS = frozenset({VERB, AUX})


def fits(idx: EntityIndex, s: str, pred: str, o: str) -> bool:
    """Whether the subject and object types suit the predicate (a person is no part of a
    country; only a place can be an origin). A country lies only in a region ("Chile, in South
    America"); a territory is part of its country ("Guam"); an official serves a state ("U.S.
    Attorney X": X member_of the United States). (A state's or a city's body as part of it, "the
    California Public Utilities Commission", cost precision out of fold and on dev: the gold lists
    some and not others.)"""
    if s == o:
        return False
    st, ot = idx.type(s), idx.type(o)
    if pred in ("origin", "located_in"):
        if not idx.is_place(o) or (idx.is_country(s) and pred == "located_in" and
                                   (ot != "LOC" or idx.is_country(o))):  # fmt: skip
            return False
        return not (pred == "origin" and idx.is_place(s))
    if pred == "part_of" and idx.is_country(o):
        if st == "ORG":  # "the Royal Saudi Air Force" is part of the state
            return not idx.is_country(s)
        return idx.is_place(s) and ot == "GPE" and not idx.is_country(s)
    if pred == "member_of" and st == "PERSON" and ot == "GPE":
        return True
    if pred in ("member_of", "part_of", "left", "founder_of"):
        return ot in ORGS and not idx.is_country(o) and not (pred == "part_of" and idx.is_place(s))
    if pred == "leader_of":
        return (ot in ORGS or idx.is_place(o)) and st not in ("GPE", "LOC") and not idx.is_country(s)
    return bool(st) and bool(ot)  # advisor_to, allied_with, opposes: any two actors


def _kind_ok(idx: EntityIndex, kind: str, eid: str, by_nationality: bool) -> bool:
    if by_nationality:
        return kind in ("state", "place", "seat")
    if kind == "org":
        return idx.type(eid) in ORGS and not idx.is_country(eid)
    if kind in ("place", "seat"):
        return idx.is_place(eid)
    return True


def _holders(idx: EntityIndex, tok: Token, role: Role) -> list[str]:
    """Who holds the role the noun ``tok`` names."""
    own = idx.token_entity.get(tok.i)
    if own is not None:  # a title inside a person's mention: "Crown Prince Mohammad bin Salman"
        return [own] if idx.type(own) == "PERSON" else []
    # "the president of the League, Jamel Msallem": the named appositive holds it, not the head
    holders = [idx.at(c) for c in tok.children if c.dep_ == "appos"]
    if any(holders):
        return [h for h in holders if h]
    if tok.dep_ == "appos":
        eid = idx.of_phrase(tok.head)
        return [eid] if eid else []
    if tok.dep_ in ("attr", "oprd"):
        subj = subject_of(tok.head)
        eid = idx.of_phrase(subj) if subj is not None else None
        return [eid] if eid else []
    if tok.dep_ == "compound":  # a title before a name: "Israeli Prime Minister Benjamin Netanyahu"
        head = tok.head
        while head.dep_ == "compound" and idx.at(head) is None:
            head = head.head
        eid = idx.at(head)
        want = idx.is_place(eid) if role.kind == "seat" else idx.type(eid) == "PERSON"
        return [eid] if eid and want else []  # "the Saudi capital Riyadh" holds a seat
    if tok.dep_ == "pobj" and tok.head.lower_ == "as":  # "lived there as a resident of X"
        subj = subject_of(tok.head.head)
        eid = idx.of_phrase(subj) if subj is not None else None
        return [eid] if eid else []
    return []


def _role_objects(idx: EntityIndex, tok: Token, role: Role, holder_head: Token | None) -> Iterator[tuple[str, Token]]:
    """The organisations or places a role is held in, with the token that names each."""
    preps = words("role_prepositions")
    doc = tok.doc
    title = doc[role.first : role.last + 1]
    sources = list(tok.children) + [c for t in title[:-1] for c in t.children]
    if holder_head is not None:  # "Crown Prince Mohammad bin Salman of Saudi Arabia"
        sources += [c for c in holder_head.children if c.dep_ in ("prep", "poss")]
    for c in sources:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    for eid in idx.objects(p):
                        yield eid, p
            continue
        found: str | None = None
        if c.dep_ == "poss":
            found = idx.of_phrase(c) if c.lower_ in ("its", "their") else idx.at(c)  # "its commander"
        elif c.dep_ in ("compound", "nmod") and c.i < role.first and _compound_ok(doc[role.last], role):
            found = idx.at(c)
            if idx.type(found) == "NORP":
                found = None  # "LGBT activist" names no organisation
        elif c.dep_ == "amod" and c.i < tok.i:
            found = idx.country(c)
        if found:
            yield found, c


def _compound_ok(head: Token, role: Role) -> bool:
    """Whether a name compounded before a role noun is where the role is held: a state's head
    ("Scotland First Minister", "Israel Prime Minister") is; "Health Minister" names no ministry."""
    return role.kind == "state" or head.lemma_.lower() not in words("compound_free_roles")


def _title_of_then_name(idx: EntityIndex, tok: Token, role: Role) -> Iterator[Found]:
    """ "President of France Emmanuel Macron": the person named right after the title's "of"
    object holds it (the parser takes the title for the subject and the name for its object)."""
    doc, j = tok.doc, tok.i + 1
    if j + 1 >= len(doc) or doc[j].lower_ != "of":
        return
    j += 2 if doc[j + 1].lower_ == "the" else 1
    obj = idx.token_entity.get(j)
    if obj is None or not _kind_ok(idx, role.kind, obj, False):
        return
    while j < len(doc) and idx.token_entity.get(j) == obj:
        j += 1
    person = idx.token_entity.get(j) if j < len(doc) else None
    if person is not None and person != obj and idx.type(person) == "PERSON":
        yield Found(person, "member_of" if role.predicate == "part_of" else role.predicate, obj, tok)


def role_relations(sent: Span, idx: EntityIndex) -> Iterator[Found]:
    """Appositions, copulas and titles with a role noun: "X, an adviser to Y", "the mayor of
    London, Sadiq Khan", "X was a columnist for Y", "Israeli Prime Minister Y", "a Saudi national"."""
    doc = sent.doc
    pos = column(doc, "POS")
    for i in range(sent.start, sent.end):
        if pos[i] not in _NOUNS:
            continue  # only a noun names a role
        role = role_at(tok := doc[i])
        if role is None:
            continue
        holders = _holders(idx, tok, role)
        if role.kind == "seat":  # only a place is a capital: "the capital, Riyadh"
            holders = [h for h in holders if idx.is_place(h) and not idx.is_country(h)]
        if not holders:
            yield from _title_of_then_name(idx, tok, role)
            continue
        holder_head = tok.head if tok.dep_ == "compound" else None
        if idx.token_entity.get(tok.i) is not None:
            holder_head = next((t for t in tok.ancestors if idx.token_entity.get(t.i) == holders[0] and
                                t.dep_ != "compound"), None)  # fmt: skip
        for obj, via in _role_objects(idx, tok, role, holder_head):
            nationality = idx.token_entity.get(via.i) is None or idx.type(idx.token_entity[via.i]) == "NORP"
            if not _kind_ok(idx, role.kind, obj, nationality and via.dep_ == "amod"):
                continue
            for holder in holders:
                pred = role.predicate
                if pred == "part_of" and idx.type(holder) == "PERSON":
                    pred = "member_of"
                yield Found(holder, pred, obj, tok)


def possessive_relations(sent: Span, idx: EntityIndex) -> Iterator[Found]:
    """An organisation's person: "the BBC's Jonathan Marcus", "CNN's Jake Tapper" (member_of;
    `fits` refuses a country, so "Chile's Ana Rojas" gives nothing without a role noun)."""
    doc = sent.doc
    for i in range(sent.start, sent.end):
        person = idx.token_entity.get(i)
        if person is None or idx.type(person) != "PERSON" or _titled(tok := doc[i]):
            continue
        for child in tok.children:
            org = idx.token_entity.get(child.i)
            if child.dep_ == "poss" and org is not None and org != person and idx.type(org) == "ORG":
                yield Found(person, "member_of", org, tok)
    yield from _owned_bodies(sent, idx)


def _owned_bodies(sent: Span, idx: EntityIndex) -> Iterator[Found]:
    """A body named as another's: "the Defense Ministry's Main Directorate" is part of the
    ministry, "Ukraine's Security Service" part of Ukraine (`fits` checks the types)."""
    doc = sent.doc
    for i in range(sent.start, sent.end):
        body = idx.token_entity.get(i)
        if body is None or idx.type(body) != "ORG":
            continue
        tok = doc[i]
        if tok.head.i != tok.i and idx.token_entity.get(tok.head.i) == body:
            continue  # only the head word of the body's mention
        for child in tok.children:
            owner = idx.token_entity.get(child.i) if child.dep_ == "poss" else None
            if owner is not None and owner != body and (idx.type(owner) == "ORG" or idx.is_country(owner)):
                yield Found(body, "part_of", owner, tok)


def _pobjs(verb: Token, preps: tuple[str, ...]) -> Iterator[tuple[Token, str]]:
    for c in verb.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    yield p, c.lower_
        if c.dep_ == "prt" and c.lower_ == "up":  # "made up of"
            yield from _pobjs(c, preps)


def verb_relations(sent: Span, idx: EntityIndex) -> Iterator[Found]:
    """Verbs that state a relation, active or passive: "founded by", "commanded by",
    "includes", "answers to", "left", "resigned from", "backed by", "born in", "based in"."""
    doc = sent.doc
    pos, tag = column(doc, "POS"), column(doc, "TAG")
    tags = {doc.vocab.strings[t] for t in ("VBN", "VBG", "VBD")}
    for i in range(sent.start, sent.end):
        if pos[i] not in _VERBS and tag[i] not in tags:
            continue  # what verb_rule reads as a verb
        rule = verb_rule(tok := doc[i])
        if rule is None:
            continue
        subj_tok = subject_of(tok)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
            tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "advcl")
        )
        subjects = idx.objects(subj_tok) if subj_tok is not None else []
        pairs: list[tuple[str, str, str]] = []  # (x, pred, y) meaning x REL y before direction
        if rule.object_via == "dobj":
            if passive:
                agents = [e for p, _ in _pobjs(tok, ("by",)) for e in idx.objects(p)]
                # "the PKK is banned in Turkey": the place bans it
                agents += [e for p, _ in _pobjs(tok, rule.passive_preps) for e in idx.objects(p)
                           if idx.is_place(e)]  # fmt: skip
                # passive swaps the roles: "the FVB was founded by Marchuk"
                pairs = [(a, rule.predicate, s) for a in agents for s in subjects]
            else:
                objs = [e for c in tok.children if c.dep_ == "dobj" for e in idx.objects(c)]
                objs += [e for p, _ in _pobjs(tok, rule.extra_preps) for e in idx.objects(p)]
                pairs = [(s, rule.predicate, o) for s in subjects for o in objs]
        else:
            for p, prep in _pobjs(tok, (rule.object_via, *rule.extra_preps)):
                pred = pred_override(tok.lemma_.lower(), prep) or rule.predicate
                objs = idx.objects(p)
                if not objs and pred in ("located_in", "origin"):  # "lived in exile in Virginia", "born in 1924 in X"
                    objs = [o for q, _ in _pobjs(p, ("in",)) for o in idx.objects(q)]
                pairs += [(s, pred, o) for s in subjects for o in objs]
        for x, pred, y in pairs:
            s, o = (x, y) if rule.direction == "sv" else (y, x)
            if pred == "part_of" and idx.type(s) == "PERSON":
                pred = "member_of"
            yield Found(s, pred, o, tok)


def hyphen_relations(sent: Span, idx: EntityIndex) -> Iterator[Found]:
    """Hyphenated modifiers: "the Iranian-backed militia", "the Kyiv-based group", "the US-led coalition"."""
    doc = sent.doc
    for dash in positions(doc, "ORTH", "-", sent.start + 1, sent.end - 1):
        tok = doc[dash + 1]
        rule = hyphen_rule(tok.lower_)
        first = idx.at(doc[tok.i - 2])
        if rule is None or first is None:
            continue
        noun = tok.head if tok.head.i > tok.i else next((t for t in doc[tok.i + 1 : sent.end] if t.pos_ in ("NOUN", "PROPN")), None)
        modified = idx.of_phrase(noun) if noun is not None else None
        if modified is None:
            continue
        pred, direction = rule
        yield Found(modified, pred, first, tok) if direction == "sv" else Found(first, pred, modified, tok)


def place_relations(sent: Span, idx: EntityIndex) -> Iterator[Found]:
    """Where things are: "Istanbul, Turkey", "the United States Embassy in Baghdad",
    "his family home in London", and a person "of"/"from" an organisation or place."""
    doc = sent.doc
    homes, place_preps = words("home"), words("place_preps")
    pos, orth, lemma = column(doc, "POS"), column(doc, "ORTH"), column(doc, "LEMMA")
    home_lemmas = _lemmas_in(doc, lemma[sent.start : sent.end], homes)
    for i in range(sent.start, sent.end):
        if not idx.may_name(i, orth[i]) and not (pos[i] == NOUN and lemma[i] in home_lemmas):
            continue  # neither a name (all but the last step need one) nor a noun "home"
        tok = doc[i]
        eid = idx.at(tok)
        if eid and idx.token_entity.get(tok.i) == eid and tok.i + 2 < sent.end and doc[tok.i + 1].text == ",":
            nxt = doc[tok.i + 2]
            other = idx.at(nxt)
            if other and idx.is_place(eid) and idx.is_place(other) and not idx.is_country(eid) and _not_a_list(idx, tok, nxt):
                yield Found(eid, "located_in", other, tok)
        if eid and idx.is_place(eid) and idx.token_entity.get(tok.i) == eid:
            yield from _owned_place(idx, tok, eid)
        if eid and idx.type(eid) != "PERSON" and tok.dep_ != "compound":
            for p, _ in _pobjs(tok, tuple(place_preps)):
                for o in idx.objects(p):
                    if idx.is_place(o):
                        yield Found(eid, "located_in", o, tok)
        mates = _list_mates(idx, tok) if eid else []
        if eid and (idx.type(eid) == "PERSON" or mates) and (
                tok.dep_ != "compound" and not _titled(tok) and not role_at(tok)):
            for p, prep in _pobjs(tok, ("of", "from")):
                for o in idx.objects(p):
                    for person in [eid, *mates]:
                        if idx.is_place(o):
                            yield Found(person, "origin", o, tok)
                        elif prep == "of":
                            yield Found(person, "member_of", o, tok)
        if tok.lemma_.lower() in homes and tok.pos_ == "NOUN":
            owner = next((idx.of_phrase(c) for c in tok.children if c.dep_ == "poss"), None)
            for p, _ in _pobjs(tok, ("in",)):
                for o in idx.objects(p):
                    if owner:
                        yield Found(owner, "located_in", o, tok)


def _lemmas_in(doc: Doc, lemmas: list[int], wanted: frozenset[str] | set[str]) -> set[int]:
    """The lemma ids among ``lemmas`` (a Doc's) whose lower-cased string is one of the ``wanted`` words."""
    strings = doc.vocab.strings
    return {x for x in set(lemmas) if strings[x].lower() in wanted}


def _list_mates(idx: EntityIndex, tok: Token) -> list[str]:
    """The people listed before the last member of a list of people, who share its "of"/"from"
    phrase: "Ben McLachlan and Yasutaka Uchiyama of Japan", "Chris RuiWen Kuo, Struan WA Wilkie,
    and Owen Dempsey of the Aberdeen Royal Infirmary" (not one with a phrase of its own). The list
    starts with a person; a name in it the recogniser took for an organisation counts as one."""
    if tok.dep_ != "conj":
        return []
    root = tok
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    members = [root, *conjuncts(root)]
    if max(m.i for m in members) != tok.i:
        return []  # the phrase is the last member's own
    names = [idx.token_entity.get(m.i) for m in members]
    if names[0] is None or idx.type(names[0]) != "PERSON" or any(
            n is None or idx.type(n) not in ("PERSON", "ORG") for n in names):
        return []  # only a list of people: "Trump and China of ..." shares nothing
    if any(_titled(m) or any(c.dep_ == "compound" and c.lower_ in titles() for c in m.children)
           for m in members):
        return []  # "governor Lincoln Chafee and Congressman Justin Amash of Michigan": titles' places
    own = idx.token_entity[tok.i]
    return [n for m, n in zip(members, names)
            if n is not None and m.i != tok.i and n != own and not any(c.dep_ == "prep" for c in m.children)]


def _owned_place(idx: EntityIndex, tok: Token, eid: str) -> Iterator[Found]:
    """A place owned by another: "Syria's Idlib", "Afghanistan's Helmand province"."""
    head = tok
    while head.dep_ == "compound" and (idx.token_entity.get(head.head.i) == eid or
                                       head.head.lemma_.lower() in words("named_heads")):  # fmt: skip
        head = head.head
    if head.i == tok.i and tok.dep_ == "compound":
        return
    for c in head.children:
        owner = idx.at(c) if c.dep_ == "poss" else None
        if owner and owner != eid and idx.is_place(owner):
            yield Found(eid, "located_in", owner, tok)


def _titled(tok: Token) -> bool:
    """A name that carries a role title ("President X of Y"), which role_relations reads instead."""
    return any(role_at(c) for c in tok.children if c.dep_ == "compound") or any(
        role_at(t) for t in tok.doc[max(0, tok.i - 4) : tok.i] if t.ent_type_ == tok.ent_type_
    )


def _not_a_list(idx: EntityIndex, first: Token, second: Token) -> bool:
    """ "Paris, London and Berlin" is a list, "Istanbul, Turkey" a containment. The parser's
    coordination with no conjunction is no list unless it is a clause's subject: "SpaceX,
    Hawthorne, California" (a company, its city and state) and "in Winchester, Hampshire,
    England" are parsed as lists of three, "Benin, Nigeria join ..." is one."""
    if second.dep_ == "conj" or any(c.dep_ == "conj" for c in (*first.children, *second.children)):
        root = first.head if first.dep_ == "conj" else first
        members = [root, *root.conjuncts, second, *second.conjuncts]
        joined = any(c.dep_ in ("cc", "preconj") for m in members for c in m.children)
        if joined or root.dep_.startswith("nsubj"):
            return False
    end = second.i
    while end + 1 < len(second.doc) and idx.token_entity.get(end + 1) == idx.token_entity.get(second.i):
        end += 1
    after = second.doc[end + 1 : end + 3]
    return not any(t.lower_ in ("and", "or") for t in after)


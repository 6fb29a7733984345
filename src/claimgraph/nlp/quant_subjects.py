"""Whose count a figure is: the entity it belongs to in the parse ("the 55-member AU", "fighters
of the SDF", "Trump's", "the group's goal of 5,000 members"), the subject of its clause, the
receiver of "giving him 54 delegates", a passive's agent, a result line's name ("Labour Party -
203 seats"), a hostage-taker, the party that held the contests; for a toll, its place
(:mod:`claimgraph.nlp.quant_places`)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.nlp.lexicon import norm, titles
from claimgraph.nlp.modality import REPORTING
from claimgraph.nlp.pronouns import PRONOUNS
from claimgraph.nlp.quant_counted import anchor_of, money_kind
from claimgraph.nlp.quant_lexicon import CLAUSE_PREPS, EVENT_COUNTS, TOTAL_NOUNS, table
from claimgraph.nlp.quant_places import event_place, is_place
from claimgraph.nlp.rel_index import GENERIC_ORG_NOUNS, PLACE_NOUNS, RELATIVE_PRONOUNS, EntityIndex
from claimgraph.nlp.syntax import subject_of

# Crowds counted where they gathered: "250 thousand protesters in New York City".
PLACE_COUNTS = frozenset({"protesters"})

# A group's own people, whose possessor is the group in a part of them too: "two of Hamas's fighters".
MEMBERSHIP = frozenset({"fighters", "members", "personnel", "employees", "supporters"})

# Relations that make an organisation a person's own body: "his unit", "our party".
MEMBERSHIP_PREDICATES = frozenset({"leader_of", "member_of", "founder_of"})

# Counts of an organisation's own (train gold gives every count of seats to a party, of members
# and employees to an organisation): found on a person who leads or belongs to one, they are its.
BODY_COUNTS = frozenset({"seats", "members", "employees", "personnel"})

# Contests a party holds, whose delegates are the party's (train: joe-biden-wins-2020-us-democratic,
# arizona-florida-illinois-hold-2020-us): "the six primaries yesterday represented 365 delegates".
CONTESTS = frozenset({"primary", "caucus", "contest", "election"})

# Tolls an agent causes rather than holds ("killed by a gunman"); hostages are held by their
# captors ("held by the Taliban").
CAUSED = EVENT_COUNTS - {"hostages"}

# Verbs by which someone sees or counts what they do not own: "the CPJ counts sixteen deaths",
# "described witnessing 35 bodies" (corpus: maidan-wardak).
WITNESS_VERBS = frozenset({"describe", "witness", "count", "see"})

# Verbs by which the subject itself bears a toll, as against causing it: "the SDF suffered
# thousands of casualties", "Labour lost 42".
SUFFER_VERBS = frozenset({"lose", "suffer", "sustain"})

# Nouns of a change a figure is "of", standing in the clause for it: "lost a net of 20 seats" (train
# canada-2019-general-election; not totals: the clause's verb does not say what they count).
NET_NOUNS = frozenset({"net"})

# Sums someone is made to pay or post, and the verbs by which a court, judge or regulator does so:
# the verb's subject imposes the sum and does not pay it ("The Tbilisi city court set bail yesterday at
# 100,000 Georgian lari", train georgian-tennis-player-nikoloz).
IMPOSED_SUMS = frozenset({"fine", "bail"})
IMPOSE_VERBS = frozenset({"set", "impose", "order", "levy", "fine", "grant", "deny", "hand", "issue"})

# Nouns of buying a company or a thing, whose sum is the price of what is bought ("its $1 billion buyout
# of Instagram"), and the verbs by which a deal buys it ("the $3 billion deal to buy Oculus VR").
PURCHASE_NOUNS = frozenset({"acquisition", "buyout", "takeover", "purchase", "deal", "bid", "offer"})
PURCHASE_VERBS = frozenset({"buy", "acquire", "purchase"})

# Verbs whose indirect object receives the figure: "giving him a total of 54 delegates".
GIVE_VERBS = frozenset({"give", "hand", "award", "grant"})


def _owner(idx: EntityIndex, tok: Token) -> str | None:
    """The entity a possessor names: "Trump's", "his", "the state's" (the place named last)."""
    return _entity_of(idx, tok) or idx.place_noun(tok)


def _entity_of(idx: EntityIndex, tok: Token) -> str | None:
    """The entity a phrase refers to; a pronoun the resolver leaves open may stand for a person
    named before it in its own sentence in any role, of its gender ("Trump's victory ..., where
    he secured 39")."""
    eid = idx.of_phrase(tok)
    if tok.lower_ in ("who", "whom") and idx.is_place(eid):
        # "Pete Buttigieg, the former mayor of South Bend, Indiana, who had 26 delegates": a
        # "who" the parser hung on a place is the person that phrase describes
        person = next((e for a in tok.head.ancestors if idx.type(e := idx.at(a)) == "PERSON"), None)
        return person or eid
    if tok.lower_ in ("him", "her", "them") and tok.dep_ in ("dobj", "dative", "iobj"):
        # an object pronoun is bound in its own clause first ("Biden's victories ... left him
        # with"), never to that clause's subject ("Sanders beat him": not Sanders)
        bound = idx.pronouns.resolve(tok, any_role=True)
        subj = subject_of(tok.head)
        return bound if bound and (subj is None or idx.at(subj) != bound) else eid
    if eid or tok.lower_ not in PRONOUNS:
        return eid
    return idx.pronouns.resolve(tok, any_role=True)


def _own_body(idx: EntityIndex, tok: Token, speaker: str | None) -> str | None:
    """The organisation a speaker's "we" or a possessed body noun stands for: "We have 300
    fighters," the commander said; "our company, which is responsible for 120 employees" in a
    statement of a company; "his unit had 500 fighters": the speaker or possessor when an
    organisation, else the one organisation the relation step says that person leads, founded or
    belongs to (one whose name has the noun's word first). Not the person: a person has no fighters."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        tok = tok.head.head
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if tok.lower_ == "we":
        holder = speaker  # "We have 300 fighters," the commander said
    elif poss is None or tok.pos_ != "NOUN" or tok.lemma_.lower() not in GENERIC_ORG_NOUNS:
        return None
    else:
        holder = speaker if poss.lower_ in ("our", "my") else _entity_of(idx, poss)
    if idx.type(holder) != "PERSON":
        return holder if idx.type(holder) == "ORG" else None
    return _body_of(idx, holder, tok.lemma_.lower() if tok.pos_ == "NOUN" else "")


def _body_of(idx: EntityIndex, person: str | None, word: str = "") -> str | None:
    """The one organisation the relation step says a person leads, founded or belongs to (one
    whose name has ``word``, "battalion", first)."""
    bodies = {r.object for r in idx.doc._.claimgraph_relations or []
              if r.subject == person and r.predicate in MEMBERSHIP_PREDICATES and idx.type(r.object) == "ORG"}
    named = {b for b in bodies if word and word in idx.get(b).name.lower()}
    return next(iter(named or bodies)) if len(named or bodies) == 1 else None


def _as_bodies(idx: EntityIndex, eids: list[str], prop: str) -> list[str]:
    """An organisation's counts found on a person who leads or belongs to it: "Netanyahu, leader of
    Likud, won 36 seats" is Likud's (train gold gives every count of seats to a party)."""
    if prop not in BODY_COUNTS:
        return eids
    return [(_body_of(idx, e) or e) if idx.type(e) == "PERSON" else e for e in eids]


def _holder(base: Token) -> Token | None:
    """The possessor of the noun a figure is "of": "the Azov Regiment's goal of 5,000 members";
    not of someone's reckoning, whose possessor is a source ("by NBC's reckoning of 279 votes")."""
    if base.dep_ != "pobj" or base.head.lower_ != "of" or base.head.head.pos_ != "NOUN":
        return None
    if base.head.head.lemma_.lower() in table()["reckoning_nouns"]:
        return None
    return next((c for c in base.head.head.children if c.dep_ == "poss"), None)


def _described(idx: EntityIndex, base: Token) -> str | None:
    """The entity a noun holding the figure describes, in apposition or as what it is said to be:
    "The Wagner Group, a force of 5,000 fighters", "the SDF is an alliance of 60,000 fighters"."""
    if base.dep_ != "pobj" or base.head.lower_ != "of" or base.head.head.pos_ != "NOUN":
        return None
    holder = base.head.head
    if holder.lemma_.lower() in table()["reckoning_nouns"] or holder.lemma_.lower() in TOTAL_NOUNS:
        return None
    if holder.dep_ == "appos":
        return _entity_of(idx, holder.head)
    if holder.dep_ == "attr" and holder.head.lemma_.lower() == "be" and (subj := subject_of(holder.head)):
        return _entity_of(idx, subj)
    return None


def _listed(idx: EntityIndex, group: Span) -> str | None:
    """The entity that opens a result line "Labour Party - 203 seats" / "Labour: 203 seats", past
    a note in brackets after its name ("Green Party (E & W) - 1 seat")."""
    doc, sent = group.doc, group.sent
    if group.start - 2 < sent.start or doc[group.start - 1].text not in ("-", "\u2013", "\u2014", ":"):
        return None
    start = group.start - 2
    if doc[start].text == ")":
        opening = next((k for k in range(start - 1, sent.start - 1, -1) if doc[k].text in ("(", ")")), None)
        if opening is None or doc[opening].text != "(" or opening - 1 < sent.start:
            return None
        start = opening - 1
    eid = idx.token_entity.get(start)
    if eid is None:
        return None
    while start > sent.start and idx.token_entity.get(start - 1) == eid:
        start -= 1
    before = doc[sent.start : start]
    opens = all(not t.is_alpha and not t.like_num for t in before) or "\n" in doc[start - 1].text_with_ws
    return eid if opens else None


def _clause_verb(base: Token, num: Token, noun: Token | None, prop: str) -> Token:
    """The verb whose subject the count is about, past the phrases that hold the number: "the
    SDF suffered thousands of casualties", "giving him a total of 54 delegates", "came in first
    with 14", "brings his delegate total to 86", "lost a net of 20 seats", "giving him six votes,
    for a total by NBC's reckoning of 279 electoral votes"."""
    tok = anchor_of(noun, num)
    reckoning = table()["reckoning_nouns"]
    while tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ == "of" and prep.head.lemma_.lower() in (*TOTAL_NOUNS, *reckoning, *NET_NOUNS):
            tok = prep.head  # "a total of 441 delegates": the total's clause
        elif prep.lower_ == "by" and tok.lemma_.lower() in reckoning and prep.head.pos_ == "NOUN":
            tok = prep.head  # "a total by NBC's reckoning of 279": the total the reckoning is of
        elif prep.lower_ == "for" and tok.lemma_.lower() in TOTAL_NOUNS and prep.head.pos_ in ("VERB", "AUX"):
            tok = prep  # "giving him six votes, for a total of 279": the clause the total ends
        elif prep.lower_ in CLAUSE_PREPS and prep.head.pos_ in ("VERB", "AUX"):
            tok = prep  # "came in first with 14": the verb the preposition hangs on
        elif prep.head.pos_ == "ADJ" and prep.head.dep_ == "acomp":
            tok = prep.head  # "which is responsible for 120 employees": what the copula says of its subject
        else:
            break
    verb = tok.head
    # a sum climbs to the verb of the phrase that holds it: "valued at $4m", "at a cost of one billion
    # złotys", "in a deal worth $600 million"
    climb = ("dobj", "attr", "pobj", "prep", "amod", "npadvmod") if prop == "amount" else ("dobj", "attr")
    while verb.dep_ in climb and verb.head.i != verb.i:
        verb = verb.head
    return verb


def subjects_of(
    idx: EntityIndex, group: Span, noun: Token | None, num: Token, prop: str, *, elliptic: bool = False,
    speaker: str | None = None,
) -> list[str]:
    """The entities a count is about (several for "Both Sanders and Buttigieg earned 9"). A figure
    that repeats an earlier count with its noun left out (``elliptic``) has a place of its own
    only when one is attached to it ("21 injured in A, 36 in B"); else it is the earlier
    count's (its caller's to say). ``speaker``: who states it, the "we" of "our company"."""
    return _as_bodies(idx, _subjects(idx, group, noun, num, prop, elliptic, speaker), prop)


def _subjects(
    idx: EntityIndex, group: Span, noun: Token | None, num: Token, prop: str, elliptic: bool,
    speaker: str | None,
) -> list[str]:
    """The entities a count is about, as the clause names them (see :func:`subjects_of`)."""
    base = noun if noun is not None else num
    # "39 of the state's 40 delegates", "all 25 of Nevada's delegates": the state's pool, not the
    # share its winner took; "two of Khan's victims" are not the attacker's. But "two of Hamas's
    # fighters" are Hamas's, as all its fighters are (a group's own people: ``MEMBERSHIP``)
    partitive = noun is not None and anchor_of(noun, num).i == num.i and (
        table()["nouns"].get(noun.lemma_.lower()) not in MEMBERSHIP
        or any(c.dep_ == "nummod" for c in noun.children))
    if noun is not None and noun.dep_ in ("amod", "compound", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
        owner = idx.of_phrase(noun.head)  # "the 55-member AU", "the AU, a 55-member body"
        if owner:
            return [owner]
    if prop == "amount" and (bought := _bought(idx, base)):
        return [bought]  # "its $1 billion buyout of Instagram": Instagram's price, not the buyer's
    # "Salling also takes over about 7000 employees from Tesco": what a verb takes from X is no
    # longer X's; "seventeen from the Armed Forces were wounded" are the Armed Forces'
    taken = base.dep_ == "dobj" and subject_of(base.head) is not None
    # "88 billion Hong Kong dollars": the name before a currency is the currency's, not the owner
    named_currency = base.lemma_.lower() in table()["currencies"]
    for c in base.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "with") and not (c.lower_ == "from" and taken):
            for p in c.children:
                if p.dep_ == "pobj" and idx.of_phrase(p):
                    return idx.objects(p)  # "two each from the Coast Guard and the National Police"
        if c.dep_ == "compound" and idx.at(c) and not group.start <= c.i < group.end and not named_currency:
            if idx.token_entity.get(base.i) == idx.at(c) and (country := _country_named(idx, c)):
                return [country]  # "5000 U.S. troops" taken as one name: the troops are the country's
            return [idx.at(c)]  # type: ignore[list-item]
        possessor = c.dep_ == "poss" or c.dep_ == "nmod" and any(g.dep_ == "case" for g in c.children)
        if possessor and not partitive and (owner := _owner(idx, c)):
            return [owner]  # "WeWork’s 12,000 employees", the possessive parsed as "nmod" + "case"
    holder = _holder(base)  # "the group's goal of 5,000 members", "the state's total of 40"
    if holder is not None and (owner := _owner(idx, holder)):
        return [owner]
    if described := _described(idx, base):
        return [described]
    listed = _listed(idx, group)
    if listed:
        return [listed]
    if prop == "amount" and (meant := _meant_for(idx, base)):
        return [meant]
    verb = _clause_verb(base, num, noun, prop)
    if verb.lemma_.lower() in REPORTING or verb.lemma_.lower() in WITNESS_VERBS:
        verb = base  # "the CPJ reports sixteen deaths": the source is not what is counted
    if prop == "amount" and verb.lemma_.lower() == "cost":  # "costs Africa between $5 and $7 billion"
        payer = next((e for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")
                      and not c.left_edge.i <= base.i <= c.right_edge.i and (e := idx.of_phrase(c))), None)
        if payer:
            return [payer]
    if verb.i != base.i and verb.lemma_.lower() in GIVE_VERBS:  # "giving him 54 delegates": the receiver's
        dative = next((c for c in verb.children if c.dep_ in ("dative", "iobj")), None)
        if dative is not None and (owner := idx.of_phrase(dative)):
            return [owner]
    with_it = any(c.dep_ == "prep" and c.lower_ == "with" and base.i in (t.i for t in c.subtree)
                  for c in verb.children)
    if verb.i != base.i and verb.lemma_.lower() == "leave" and with_it:  # "left him with a total of 1,124"
        left = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if left is not None and (owner := _entity_of(idx, left)):
            return [owner]
    kind = (money_kind(noun, num) or prop) if prop == "amount" else prop
    if kind in IMPOSED_SUMS and verb.i != base.i and verb.lemma_.lower() in IMPOSE_VERBS:
        return _imposed_on(idx, verb, base)  # "The court set bail at 100,000 lari"
    agent = next((c for c in verb.children if c.dep_ == "agent"), None) if prop not in EVENT_COUNTS else None
    by = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent is not None else None
    if by is not None and verb.i != base.i and (owner := idx.of_phrase(by)):
        return [owner]  # "followed by Biden, with 54"
    if verb.i != base.i and (named := _misparsed_subject(idx, verb)):
        return [named]
    subj = subject_of(verb) if verb.i != base.i else None
    states = table()["states"]
    caused = states.get(verb.lemma_.lower()) == prop or any(  # "which left at least 42 people dead"
        c.dep_ in ("oprd", "acomp", "xcomp") and states.get(c.lemma_.lower()) == prop for c in verb.children)
    # "forced over 58,000 civilians to evacuate": the state a verb brings the group to, too
    if subj is not None and prop in EVENT_COUNTS and caused \
            and verb.lemma_.lower() not in SUFFER_VERBS \
            and subj.dep_ != "nsubjpass" and not _place_word(idx, subj):
        subj = None  # "the typhoon killed 20", "a gunman wounded 5": who caused the toll is not whose it is
    if subj is not None and prop in EVENT_COUNTS and _revises_toll(verb, base) \
            and not _place_word(idx, subj):
        subj = None  # "The NDRRMC increased the previous death toll to six": who counts a toll has it not
    if subj is not None and subj.i != base.i and not (subj.left_edge.i <= base.i <= subj.right_edge.i):
        eids = idx.objects(subj) if prop not in EVENT_COUNTS else []  # "Both Sanders and Buttigieg earned 9"
        titled = subj.lemma_.lower() in titles()  # "United States Senator ... Sanders trailed": not the US
        owners = (c for c in subj.children if c.dep_ == "poss" or c.dep_ == "compound" and not titled)
        eid = _entity_of(idx, subj) or _own_body(idx, subj, speaker) \
            or next((o for c in owners if (o := _owner(idx, c))), None)
        if eid is None and titled:  # "United States Senator from Vermont Bernie Sanders has earned 914"
            people = (e for t in subj.subtree if idx.type(e := idx.token_entity.get(t.i)) == "PERSON")
            eid = next(people, None)
        if eid is None and subj.lemma_.lower() in CONTESTS:  # "the six primaries yesterday represented 365
            eid = _organiser(idx, subj)  # delegates": the party that held them
        if eid is None:  # "He was given a fine of US$86,000", the doctor not named since the headline
            eid = _topic(idx, subj, (money_kind(noun, num) or prop) if prop == "amount" else prop)
        if eids and eid in eids:
            return eids
        if eid:
            return [eid]  # the subject, or its owner: "NASA's contract is valued at ..."
    if prop not in CAUSED and (captor := _holding_agent(idx, base)):
        return [captor]  # "Two hostages ... who had been held by the Taliban": the Taliban's
    if prop in EVENT_COUNTS or prop in PLACE_COUNTS:
        place = event_place(idx, noun, num, prop, own=elliptic)
        return [place] if place else []
    if verb.i != base.i and (doer := _governing_subject(idx, verb)):
        return [doer]
    if kind in PERSONAL_SUMS and (person := _most_named(idx, "PERSON")):
        return [person]  # "He has made a career total $5,479,761 in prize money": no clause says whose
    return []


def _place_word(idx: EntityIndex, subj: Token) -> bool:
    """Whether a clause's subject names a place, by a name or a place noun ("the city"): a common
    noun the model took for a place's name is none ("Gunmen opened fire ..., killing at least 19
    people", "Gunmen" typed GPE: train attack-stokes-instability-fears-in-north)."""
    named = subj.pos_ == "PROPN" or subj.lemma_.lower() in PLACE_NOUNS
    return named and is_place(idx, idx.of_phrase(subj))


def _imposed_on(idx: EntityIndex, verb: Token, base: Token) -> list[str]:
    """Who pays a fine or posts bail that a court, judge or regulator sets, imposes or orders: the
    verb's object or the one it is imposed "on" ("fined General Motors $5 million", "imposed a fine
    of $5,000 on Smith"), the one told of in the passive ("Smith was fined $5,000 by the court"),
    else the report's most named person; never the subject or agent that imposes it."""
    for c in verb.children:
        if c.left_edge.i <= base.i <= c.right_edge.i:
            continue
        if c.dep_ in ("dobj", "dative", "iobj", "nsubjpass") and (eid := _entity_of(idx, c)):
            return [eid]
        if c.dep_ == "prep" and c.lower_ in ("on", "for", "against"):
            if eid := next((e for p in c.children if p.dep_ == "pobj" and (e := _entity_of(idx, p))), None):
                return [eid]
    person = _most_named(idx, "PERSON")
    return [person] if person else []


def _governing_subject(idx: EntityIndex, verb: Token) -> str | None:
    """The entity that does what a participle or infinitive holding the figure says, by the clause
    it hangs on, when the verb has no subject of its own: "it had carried out the attack using ten
    drones" (train aramco-drones). Only through such verbs: "accused Avenatti of trying to pressure
    Nike" is no act of the accuser's."""
    tok = verb
    for _ in range(2):
        if tok.dep_ not in ("acl", "advcl", "xcomp") or tok.tag_ not in ("VBG", "VBN", "VB") \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return None  # "as US lawmakers are debating ... $22.6bn": a subject of its own
        tok = tok.head
        while tok.pos_ not in ("VERB", "AUX") and tok.dep_ in ("dobj", "pobj", "prep", "attr") \
                and tok.head.i != tok.i:
            tok = tok.head  # "carried out the attack using ...": the attack's verb
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() in REPORTING:
            return None
        subj = subject_of(tok)
        if subj is not None:
            owners = (c for c in subj.children if c.dep_ == "poss")
            return _entity_of(idx, subj) or next((o for c in owners if (o := _owner(idx, c))), None)
    return None


def _misparsed_subject(idx: EntityIndex, verb: Token) -> str | None:
    """The name just before a conjoined verb the parser gave no subject of its own, having joined
    the name to the first clause's object: "The Scottish National Party (SNP) gained 13 seats and
    Liberal Democrats lost 10" (train conservative-party-wins-majority-in-2019), where "lost" would
    inherit the SNP."""
    if verb.dep_ != "conj" or verb.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    doc, sent = verb.doc, verb.sent
    eid = idx.token_entity.get(verb.i - 1)
    if eid is None:
        return None
    start = verb.i - 1
    while start > sent.start and idx.token_entity.get(start - 1) == eid:
        start -= 1
    opened = start > sent.start and doc[start - 1].lower_ in ("and", "but", "while", "whereas")
    return eid if opened else None


def _meant_for(idx: EntityIndex, base: Token) -> str | None:
    """Whose a sum is by its own phrase, whoever the clause says moves it: the entity it is from
    or for, named by a preposition of the sum or of a clause on it ("delay around US$400 million in
    military aid that had been slated for Ukraine": Ukraine's, not Trump's); the one a sum's noun
    goes to or is made by ("a $5.1 million grant to Evidence Action Beta", "a $3 billion tender
    offer by SoftBank")."""
    heads = [base, *(c for c in base.children if c.dep_ in ("relcl", "acl"))]
    for head in heads:
        preps = ("for", "from", "to", "by") if head.i == base.i and base.pos_ == "NOUN" else ("for", "from")
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in preps):
            for p in (g for g in prep.children if g.dep_ == "pobj"):
                if eid := idx.of_phrase(p):
                    return eid
    return None


def _bought(idx: EntityIndex, base: Token) -> str | None:
    """What a sum's noun of buying buys, whose price the sum is, whoever buys it: the entity it is
    "of" ("his company's $19 billion acquisition of WhatsApp", "its $1 billion buyout of Instagram")
    or the object of its verb of buying ("the $3 billion deal to buy Oculus VR"; train
    zuckerberg-offers-peek-at-facebooks-acquisition, whose gold gives each price to the company
    bought)."""
    if base.pos_ != "NOUN" or base.lemma_.lower() not in PURCHASE_NOUNS:
        return None
    for c in base.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            if eid := next((e for p in c.children if p.dep_ == "pobj" and (e := idx.of_phrase(p))), None):
                return eid
        if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in PURCHASE_VERBS:
            if eid := next((e for o in c.children if o.dep_ == "dobj" and (e := idx.of_phrase(o))), None):
                return eid
    return None


def _revises_toll(verb: Token, base: Token) -> bool:
    """Whether a verb puts a figure on a toll noun other than the count itself: "increased the
    previous death toll to six"."""
    nouns = table()["nouns"]
    return any(c.dep_ in ("dobj", "nsubjpass") and c.i != base.i
               and nouns.get(c.lemma_.lower()) in EVENT_COUNTS for c in verb.children)


def _country_named(idx: EntityIndex, tok: Token) -> str | None:
    """The place a word names by itself ("U.S.", "Iranian"), though the model took it into a
    longer name ("U.S. troops")."""
    key = norm(tok.text)
    named = (e.id for e in idx.entity_list
             if e.type == "GPE" and key in {norm(f) for f in (e.name, *e.aliases)})
    return idx.country(tok) or next(named, None)


def _organiser(idx: EntityIndex, contests: Token) -> str | None:
    """Who held a report's contests: the subject of the last "held primary elections" before
    them or of their own relative clause ("The three primary elections the Democratic party
    held")."""
    for verb in reversed(contests.doc[: contests.sent.end]):
        if verb.lemma_.lower() != "hold" or verb.pos_ != "VERB":
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        held = verb.head if verb.dep_ == "relcl" else obj
        subj = subject_of(verb)
        eid = idx.of_phrase(subj) if subj is not None else None
        if held is not None and held.lemma_.lower() in CONTESTS and eid and idx.type(eid) == "ORG":
            return eid
    return None


def _holding_agent(idx: EntityIndex, base: Token) -> str | None:
    """Who holds the people a count is of, by the agent of the clause on their noun that says so:
    "Two hostages ... who had been held by the Taliban", "3,000 troops deployed by Russia". Not for
    a toll the agent caused ("people killed by the gunman"): see ``CAUSED``."""
    for clause in base.children:
        if clause.dep_ not in ("relcl", "acl"):
            continue
        for agent in (c for c in clause.children if c.dep_ == "agent"):
            by = next((p for p in agent.children if p.dep_ == "pobj"), None)
            if by is not None and (eid := idx.of_phrase(by)) and idx.type(eid) != "GPE":
                return eid
    return None


# Pronouns and generic nouns a clause may hold for the report's topic entity, by its type.
TOPIC_WORDS = {"he": "PERSON", "she": "PERSON", "it": "ORG"}

# What an unresolved subject may own: an organisation's own people and seats, a person's fines and
# fortune (not a toll, which is a place's, nor a plain sum, which anyone may move).
TOPIC_COUNTS = {"seats": "ORG", "members": "ORG", "employees": "ORG", "personnel": "ORG", "fighters": "ORG",
                "supporters": "ORG", "fine": "", "bail": "", "net_worth": "", "prize_money": "", "debt": ""}


# Sums that are a person's own, whose owner with no clause to say is the report's main person; not
# debt, which is as often a company's ("long-term debt of more than $700 million", train
# column-the-gannett-gatehouse: McClatchy's, not its most named person's).
PERSONAL_SUMS = frozenset({"fine", "bail", "net_worth", "prize_money"})


def _topic(idx: EntityIndex, subj: Token, prop: str) -> str | None:
    """The report's topic entity that a pronoun or generic noun the resolver leaves open stands for:
    the most often named entity of the type the word and the count fit ("he" a person, "it" or
    "the company" an organisation; seats an organisation's), the first named of equals."""
    if prop not in TOPIC_COUNTS:
        return None
    low = subj.lower_
    if subj.pos_ == "NOUN" and subj.lemma_.lower() in GENERIC_ORG_NOUNS \
            and any(c.lower_ in ("the", "this") for c in subj.children):
        kind = "ORG"  # "the company has 48,000 employees"
    elif low in TOPIC_WORDS:
        kind = TOPIC_WORDS[low]
    else:
        return None
    if TOPIC_COUNTS[prop] and TOPIC_COUNTS[prop] != kind:
        return None
    return _most_named(idx, kind)


def _most_named(idx: EntityIndex, kind: str) -> str | None:
    """The entity of a type the report names most often, the first named of equals."""
    counts: dict[str, int] = {}
    last = None
    for i in sorted(idx.token_entity):
        eid = idx.token_entity[i]
        if eid != last and idx.type(eid) == kind:
            counts[eid] = counts.get(eid, 0) + 1
        last = eid if i + 1 in idx.token_entity else None
    return max(counts, key=lambda e: counts[e]) if counts else None

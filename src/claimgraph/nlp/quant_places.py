"""Where an event's toll or a crowd was counted: the place the count is attached to ("36 in North
Cotabato"), a "where" clause, the most specific place of its sentence, else the town or venue where
the sentence before it (same paragraph) placed an event, else the report's own place (the lead's town
before the headline's region); no place for a toll counted "worldwide"."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from claimgraph.nlp.cues import cue_at
from claimgraph.nlp.quant_counted import anchor_of, lives_lost, toll_of, toll_told, total_of
from claimgraph.nlp.quant_lexicon import EVENT_COUNTS, table
from claimgraph.nlp.rel_index import PLACE_NOUNS, EntityIndex

LEAD_SENTENCES = 4  # the title, a dateline and the first sentences of the body

PLACE_PREPS = frozenset({"in", "near", "at", "on", "across", "throughout", "outside"})

# Vehicles, whose place names say where they run, not where an event on them was: "a passenger on a
# San Francisco Bay Area commuter train" (train the-latest-man-stabbed-to-death, in Hayward).
VEHICLE_NOUNS = frozenset({"train", "bus", "coach", "tram", "subway", "plane", "aircraft", "flight", "jet",
                           "ferry", "boat", "ship", "truck", "lorry", "car", "van"})

# Nouns of an event that happens at a place: "in a nightclub fire", "in a school shooting", "the
# attack that killed 12".
EVENT_NOUNS = frozenset({"fire", "blaze", "attack", "shooting", "bombing", "blast", "explosion", "collapse",
                         "stampede", "raid", "siege", "massacre", "stabbing", "crash", "accident",
                         "earthquake", "demonstration", "protest", "rally", "march"})


def main_place(idx: EntityIndex, doc: Doc) -> str | None:
    """The report's main place: the most specific place its title and lead (the first sentence of
    the body that names a place: "an earthquake struck Surigao del Sur, Philippines", not the towns
    the next sentence lists) name (a named venue
    before its town: "Henderson Executive Airport, near Las Vegas"; "El Paso" of "El Paso,
    Texas"; a city before its country; a town before a street of it), the lead's before the
    title's (a headline names the region, the lead the town), the first of equals. A place is
    ranked by its best mention: one named in both the title and the lead is the lead's."""
    title_end = int(doc._.claimgraph_title_end or 0)
    lead_end = _lead_end(idx, doc, title_end)
    ranked: dict[str, tuple[int, bool, int]] = {}
    for tok in doc[:lead_end]:
        eid = idx.token_entity.get(tok.i)
        venue = venue_of(idx, tok) if not eid else None
        if venue:  # "Gunmen opened fire on visitors at Tunisia's most renowned museum": the named museum
            rank = (-1, tok.idx < title_end, tok.i)
            ranked[venue] = min(rank, ranked.get(venue, rank))
        if not eid or not is_place(idx, eid):
            continue
        rank = (_breadth(idx, tok), tok.idx < title_end, tok.i)
        ranked[eid] = min(rank, ranked.get(eid, rank))
    if ranked:
        return min(ranked, key=lambda e: ranked[e])
    for tok in doc:
        eid = idx.token_entity.get(tok.i)
        if eid and is_place(idx, eid):
            return eid
    return None


def venue_of(idx: EntityIndex, tok: Token) -> str | None:
    """The named venue an unnamed venue noun of a place phrase stands for: "at Tunisia's most renowned
    museum" for the report's "Bardo National Museum", "killed in a nightclub fire" for its "Kiss
    nightclub" (train attack-stokes-instability-fears-in-north, brazil-mourns-nightclub-fire-dead):
    the one entity, not a person or a people ("a Pentecostal church"), whose name ends with the noun
    or that the text names with the noun after it. The noun is the object of a place preposition ("at
    a museum") or a compound of an event noun that is ("in a nightclub fire", not "in a church bus");
    None when no entity or several are named so."""
    if tok.dep_ == "compound":
        if tok.head.lemma_.lower() not in EVENT_NOUNS:
            return None  # "killed five children in a church bus": the bus is no venue
        tok, noun = tok.head, tok
    else:
        noun = tok
    if tok.dep_ != "pobj" or tok.head.lower_ not in PLACE_PREPS:
        return None
    word = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or word not in table()["venue_nouns"] or idx.token_entity.get(noun.i):
        return None
    text = idx.doc.text
    named = {e.id for e in idx.entity_list if e.type not in ("PERSON", "NORP") and (
        e.name.lower().split()[-1:] == [word]
        or any(text[m.end : m.end + len(word) + 1].lower() == f" {word}" for m in e.mentions))}
    return next(iter(named)) if len(named) == 1 else None


def _lead_end(idx: EntityIndex, doc: Doc, title_end: int) -> int:
    """Where the lead ends: after the first sentence past the headline that names a place (the
    one that says where the event was), within the first four sentences."""
    for n, sent in enumerate(doc.sents):
        if n == LEAD_SENTENCES:
            return sent.start
        past_title = sent.start_char >= title_end
        if past_title and any(is_place(idx, idx.token_entity.get(t.i)) for t in sent) \
                and not _dateline(idx, sent):
            return sent.end
    return len(doc)


def _dateline(idx: EntityIndex, sent: Span) -> bool:
    """Whether a sentence is only a dateline, the place a report is filed from ("CAIRO —",
    "TRIPOLI, Libya –"), which the parser may split from the lead it opens (train
    attack-stokes-instability-fears-in-north): the lead is the sentence after it."""
    return all(t.is_punct or t.is_space or idx.is_place(idx.token_entity.get(t.i)) for t in sent)


def _named_as(idx: EntityIndex, eid: str | None, words: str) -> bool:
    """Whether a place's name opens or ends with a word of a word table ("Jolo Cathedral",
    "Route 2")."""
    e = idx.entities.get(eid or "")
    name = e.name.lower().split() if e is not None else []
    if not name:
        return False
    first = words == "thoroughfares" and name[0] in table()[words]  # "Route 2", "Interstate 75"
    return name[-1] in table()[words] or first


def is_place(idx: EntityIndex, eid: str | None) -> bool:
    """A place, or a named venue the model typed as an organisation ("Jolo Cathedral")."""
    return idx.is_place(eid) or idx.type(eid) == "ORG" and _named_as(idx, eid, "venue_nouns")


def _breadth(idx: EntityIndex, tok: Token) -> int:
    """How wide a place is, as far as the text shows: a country 3, the wider place of "A, B" 2
    (the appositive place of a place) or a place another place of the report is in (its
    relations: "Badalona, near Barcelona in Catalonia"), a street or square 1 (its town, when
    named, is where an event was: "on Route 2 in Randolph"), a venue -1, any other place 0."""
    eid = idx.at(tok)
    if idx.is_country(eid):
        return 3
    if eid and is_place(idx, eid) and _named_as(idx, eid, "venue_nouns"):
        return -1  # a venue is more specific than its town
    if eid in _containing_places(idx) or _follows_comma_place(idx, tok):
        return 2
    return 1 if _named_as(idx, eid, "thoroughfares") else 0


def _containing_places(idx: EntityIndex) -> frozenset[str]:
    """Places some other place of the report is located in, by the relation step's output
    (read once per Doc; empty when the relation step did not run). A street's town is no wider
    place: it is where the street's events were."""
    memo: dict[str, frozenset[str]] = idx.doc.user_data
    key = "claimgraph_containing_places"
    if key not in memo:
        relations = idx.doc._.claimgraph_relations or []
        memo[key] = frozenset(r.object for r in relations if r.predicate in ("located_in", "part_of")
                              and idx.is_place(r.subject) and idx.is_place(r.object)
                              and not _named_as(idx, r.subject, "thoroughfares"))
    return memo[key]


def _follows_comma_place(idx: EntityIndex, tok: Token) -> bool:
    """Whether a place is the wider one of "A, B" ("Texas" of "El Paso, Texas")."""
    start = tok.i
    while start > 0 and idx.token_entity.get(start - 1) == idx.token_entity.get(tok.i):
        start -= 1
    if start < 2 or tok.doc[start - 1].text != ",":
        return False
    return idx.is_place(idx.token_entity.get(start - 2))


def _names_a_vehicle(idx: EntityIndex, tok: Token) -> bool:
    """Whether a word is a vehicle's noun or part of a name that only modifies one ("a San Francisco Bay
    Area commuter train")."""
    if tok.lemma_.lower() in VEHICLE_NOUNS and tok.pos_ == "NOUN":
        return True
    head = tok
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head.i != tok.i and head.lemma_.lower() in VEHICLE_NOUNS and head.pos_ == "NOUN" \
        and idx.token_entity.get(head.i) is None


def _attached_place(idx: EntityIndex, base: Token) -> str | None:
    """A place the count or its verb itself is attached to: "21 injured individuals in Davao del
    Sur, 36 in North Cotabato", "500 protesters marched in London"."""
    for w in (base, base.head):
        for c in w.children:
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                p = next((g for g in c.children if g.dep_ == "pobj"), None)
                if p is not None and _names_a_vehicle(idx, p):
                    continue  # "killed a passenger on a San Francisco Bay Area commuter train"
                eid = idx.of_phrase(p) if p is not None else None
                named = p is not None and p.pos_ == "PROPN" and idx.type(eid) in ("ORG", "PERSON")
                if p is not None and c.lower_ == "near" and (inside := _places_in(idx, p, ("in",))):
                    return inside  # "2,000 residents near Mount Apo in Kidapawan City": in the city
                if p is not None and (is_place(idx, eid) or named):
                    return eid  # "in Davao del Sur" is a place whatever type the model gave the name
        if w.pos_ not in ("VERB", "AUX") and w is base and base.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            break
    return None


def _places_in(idx: EntityIndex, places: Token, preps: Collection[str] = PLACE_PREPS) -> str | None:
    """The place a place is said to be in, however the parser attached it: "cities throughout
    Germany", "Mount Apo in Kidapawan City"."""
    doc, end = places.doc, places.i + 1
    while end < len(doc) and idx.token_entity.get(end) is not None \
            and idx.token_entity.get(end) == idx.token_entity.get(places.i):
        end += 1  # past the rest of a name: "Mount Apo"
    after = doc[end] if end < len(doc) else None
    if after is None or after.lower_ not in preps:
        return None
    pobj = next((c for c in after.children if c.dep_ == "pobj"), None)
    eid = idx.at(pobj) if pobj is not None else None
    return eid if is_place(idx, eid) else None


def _event_named(idx: EntityIndex, base: Token) -> str | None:
    """The place of the event a toll is of, by the event's own noun: the place that noun is named
    with ("killed in the Berlin attack"), else, for "the attack" with none, the one place the report
    names that noun with elsewhere ("the attack that killed 12 and wounded 48" of a report that
    speaks of "the Berlin attack", train berlin-terrorist-shot-dead-in-milan; a crowd's "The
    demonstrations, which saw as many as 100,000 people march" after "demonstrations broke out in
    Moscow", train hillary-clinton-putins-alleged-involvement-in). The event noun is the one a
    relative clause of the count hangs on ("the attack that killed 12") or the object of "in",
    "during" or "after" on the count's verb ("were killed in the attack")."""
    verb = base.head
    # "the attack that killed 12 and wounded 48", "The demonstrations, which saw as many as 100,000
    # people march": the noun the count's relative clause is on
    clause = next((a for a in base.ancestors if a.dep_ == "relcl"), None)
    nouns = [clause.head] if clause is not None else []
    nouns += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "after")
              for p in c.children if p.dep_ == "pobj"]
    event = next((n for n in nouns if n.pos_ == "NOUN" and n.lemma_.lower() in EVENT_NOUNS), None)
    if event is None:
        return None
    own = _named_with(idx, event)
    if own or not any(c.lower_ == "the" for c in event.children):
        return own
    lemma = event.lemma_.lower()
    named = {eid for t in idx.doc
             if t.i != event.i and t.lemma_.lower() == lemma and (eid := _named_with(idx, t))}
    return next(iter(named)) if len(named) == 1 else None


def _named_with(idx: EntityIndex, noun: Token) -> str | None:
    """The place an event noun is named with: "the Berlin attack", "Berlin's attack", "the
    demonstrations in Moscow", "demonstrations broke out in Moscow" (the place of the clause the
    noun is the subject of)."""
    for c in noun.children:
        if c.dep_ in ("compound", "poss", "nmod") and is_place(idx, eid := idx.at(c)):
            return eid
    holders = [noun, noun.head] if noun.dep_ == "nsubj" else [noun]
    for w in holders:
        for c in w.children:
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                places = (e for p in c.children if p.dep_ == "pobj" and is_place(idx, e := idx.at(p)))
                if eid := next(places, None):
                    return eid
    return None


def _where_clause_place(idx: EntityIndex, base: Token) -> str | None:
    """The place a "where" clause of the count hangs on: "another in Chippewa Falls, Wisconsin
    where at least five died"."""
    verb = base.head
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    head = verb.head
    while head.dep_ in ("appos", "conj") and not is_place(idx, idx.at(head)):
        head = head.head
    eid = idx.at(head)
    # "Chippewa Falls, Wisconsin where": the place before the wider one
    start = head.i
    while start > 0 and idx.token_entity.get(start - 1) == eid:
        start -= 1
    if start >= 2 and head.doc[start - 1].text == "," and is_place(idx, idx.token_entity.get(start - 2)):
        return idx.token_entity.get(start - 2)
    return eid if is_place(idx, eid) else None


def _origin(tok: Token) -> bool:
    """Whether a place is named as where someone or something is from: "a resident of Antioch",
    "the children were all from Marksville"."""
    head = tok
    while head.dep_ in ("compound", "appos", "conj") and head.head.i != head.i:
        head = head.head
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in ("of", "from"):
        return False
    # "the city of El Paso" names the city
    return prep.lower_ == "from" or prep.head.lemma_.lower() not in PLACE_NOUNS


def _worldwide(base: Token) -> bool:
    """Whether a toll or crowd is counted over the whole world: "140 thousand related deaths
    worldwide", "killed 1,000 around the world" (train: samoan-government-ends-state-of-emergency,
    world-health-organization-declares-covid-19); not "killed 813 in China and infected 35,000
    worldwide"."""
    near = [*base.children, *(c for c in base.head.children if c.dep_ != "conj")]
    for t in near:
        if t.lower_ in ("worldwide", "globally"):
            return True
        if t.dep_ == "prep" and t.lower_ in ("around", "across", "throughout") and any(
                p.lower_ in ("world", "globe") for p in t.children):
            return True
    return False


def event_place(
    idx: EntityIndex, noun: Token | None, num: Token, prop: str, *, own: bool = False
) -> str | None:
    """Where a toll or a crowd was counted: the place the count is attached to, else the most
    specific place of its sentence, else (a toll stated by a casualty word) the report's place.
    ``own``: only a place the count itself is attached to ("36 in North Cotabato")."""
    base = noun if noun is not None else num
    if _worldwide(base):
        return None  # "140 thousand related deaths worldwide": no one place's toll
    if prop in EVENT_COUNTS and base.idx < int(base.doc._.claimgraph_title_end or 0):
        return main_place(idx, base.doc)  # a headline's toll is the report's event's, placed by its lead
    spread = next((p for c in base.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS
                   for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in PLACE_NOUNS), None)
    wider = _places_in(idx, spread) if spread is not None else None
    if wider:
        return wider  # "1.4 million in cities throughout Germany": Germany's, a country or not
    attached = _attached_place(idx, base)
    # the most specific place, then the one the count is attached to, then the nearest: "in El
    # Paso, Texas" is El Paso's toll; "21 injured in A, 36 in B": 36 is B's
    if attached and (not idx.is_country(attached) or attached not in _containing_places(idx)):
        # "21 injured in A, 36 in B": 36 is B's, though A holds B; a country is the count's own
        # when no place of the report lies in it ("one person in the Philippines and one in Hong Kong")
        return attached
    where = _where_clause_place(idx, base)
    if where or own:
        return where
    if named := _event_named(idx, base):
        return named  # "fleeing Berlin Monday after the attack that killed 12" / "the Berlin attack"
    source = _source_tokens(base)
    places = [(_breadth(idx, p), abs(p.i - base.i), idx.at(p)) for p in base.sent
              if p.dep_ == "pobj" and p.head.lower_ in PLACE_PREPS and is_place(idx, idx.at(p))
              and p.i not in source]  # fmt: skip
    # "231 people killed in a nightclub fire in the southern city of Santa Maria": the named nightclub
    places += [(-1, abs(p.i - base.i), venue) for p in base.sent
               if p.i not in source and (venue := venue_of(idx, p))]
    if places:
        return min(places)[2]
    # "a Kabul car bombing killed five": a place named in the sentence, not where someone is from
    # ("A resident of Antioch, Illinois, Rittenhouse is accused of ... killing two people")
    near = [(_breadth(idx, p), abs(p.i - base.i), eid) for p in base.sent
            if (eid := idx.at(p)) and is_place(idx, eid) and not _origin(p)
            and p.i not in source and not _names_a_vehicle(idx, p)]  # fmt: skip
    if near:
        return min(near)[2]
    if prop not in EVENT_COUNTS:
        return None
    # "the attack had killed twelve": a toll stated by a casualty verb with no place in its
    # sentence is the report's event's; a bare noun ("four victims were from one family") is not
    states = table()["states"]
    around: tuple[Token, ...] = (base.head, *base.head.children)
    if (anchor := anchor_of(noun, num)).i != base.i:
        around += (anchor.head,)  # "two of Khan's victims died": died
    if (total := total_of(base)) is not None:
        around += (total.head, *total.head.children)  # "A total of 39 are confirmed dead"
    stated = toll_told(base) or toll_of(base) == prop or lives_lost(base.head) or any(
        (states.get(w.lemma_.lower()) or states.get(w.lower_)) == prop for w in around)  # "were missing"
    tolled = noun is not None and noun.lemma_.lower() in ("death", "fatality", "toll") and not any(
        c.lower_ in ("could", "may", "might")
        for w in (base, *base.ancestors)
        for c in w.children
        if c.dep_ == "aux"
    )  # "17 deaths have been recorded", not "thousands of deaths could be prevented"
    if not (stated or tolled) or _world_counted(base.sent):
        return None  # "cases of COVID-19 worldwide, resulting in over 4,600 deaths": no one place's
    return _previous_place(idx, base.sent) or main_place(idx, base.doc)


def _source_tokens(base: Token | Span) -> frozenset[int]:
    """The words of a count's sentence that say who gives it, outside the count's own phrase: the
    speaker of a reporting verb or of "according to" ("authorities in the United Kingdom ...
    announced that 337 ... were arrested", "According to ... the police of the Autonomous Region in
    Muslim Mindanao, the confirmed deaths are fourteen": train hundreds-arrested-for-dark-web-child,
    jolo-cathedral) and words in brackets ("911 (the emergency telephone number in the United
    States)"). A place named there is the source's, not the toll's. ``base``: the count, or a
    whole sentence before it."""
    sent, out = base.sent, set[int]()
    for tok in sent:
        cue = cue_at(tok)
        if cue is not None and cue.subject is not None:
            out.update(t.i for t in cue.subject.subtree)
    depth, opened = 0, []
    for tok in sent:
        depth += tok.text == "("
        if depth > 0:
            opened.append(tok.i)
        depth -= tok.text == ")" and depth > 0
    out.update(opened)
    own = {t.i for t in base.subtree} if isinstance(base, Token) else set()
    return frozenset(out - own)


def _world_counted(sent: Span) -> bool:
    """Whether a sentence, or the sentence before it in its paragraph, counts over the whole world
    ("... surpassed one million worldwide ... At least 52 thousand deaths were linked to COVID-19")."""
    doc = sent.doc
    spans = [sent]
    if sent.start > 0 and "\n" not in doc[sent.start - 1].text:
        spans.append(doc[sent.start - 1].sent)
    return any(t.lower_ in ("worldwide", "globally") or t.lower_ in ("world", "globe") and t.dep_ == "pobj"
               and t.head.lower_ in ("around", "across", "throughout") for s in spans for t in s)


def _previous_place(idx: EntityIndex, sent: Span) -> str | None:
    """The place the sentence before a toll's says an event was at ("the same aircraft was involved
    in an incident in Beaver Falls, Pennsylvania ... The report said there was one passenger
    seriously injured"), in the same paragraph: the most specific place it attaches by "in", "at",
    "on" ... (not a title line)."""
    doc = sent.doc
    if sent.start == 0 or "\n" in doc[sent.start - 1].text:
        return None  # a paragraph's first sentence
    before = doc[sent.start - 1].sent
    if before.start_char < int(doc._.claimgraph_title_end or 0):
        return None
    source = _source_tokens(before)
    places = [(_breadth(idx, p), -p.i, eid) for p in before
              if p.dep_ == "pobj" and p.head.lower_ in PLACE_PREPS and is_place(idx, eid := idx.at(p))
              and p.i not in source]
    # "took place in the country's capital, Tunis": the name a place noun is put to, whatever type
    # the model gave it
    places += [(0, -a.i, eid) for p in before if p.dep_ == "pobj" and p.head.lower_ in PLACE_PREPS
               and p.lemma_.lower() in PLACE_NOUNS for a in p.children
               if a.dep_ == "appos" and a.pos_ == "PROPN" and (eid := idx.at(a))]
    return min(places)[2] if places and min(places)[0] <= 0 else None  # a town or venue, not a road

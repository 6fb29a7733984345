"""Numbers claimed about an entity: members, fighters, casualties, arrests, money, targets.

:func:`find_quantities` reads every number of a sentence (digits, spelled-out numbers and
vague plurals such as "dozens"), what it counts (from the counted noun, or from the verb
or adjective of a group of people: "20 people were killed", "at least 20 dead"), how it is
stated (exact, approximately, at least, at most, range, estimate, target), which entity it
is about, and who says so. A number with no counted property or no entity is left out.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Collection, Sequence
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimgraph.model import Entity, Qualifier, Quantity, Quote
from claimgraph.nlp.lexicon import norm, titles
from claimgraph.nlp.modality import REPORTING, clause_chain, is_hypothetical, is_negated
from claimgraph.nlp.pronouns import PRONOUNS
from claimgraph.nlp.rel_index import PLACE_NOUNS, EntityIndex, voice
from claimgraph.nlp.relations import evidence
from claimgraph.nlp.syntax import subject_of

# Counts of an event's toll, which are about the place it happened when no actor is named.
EVENT_COUNTS = frozenset(
    {"deaths", "injured", "casualties", "displaced", "missing", "arrested", "hostages", "rescued"}
)
PLACE_PREPS = frozenset({"in", "near", "at", "on", "across", "throughout", "outside"})
SKIPPED_ENTS = frozenset({"DATE", "TIME", "ORDINAL", "PERCENT"})
# Crowds counted where they gathered: "250 thousand protesters in New York City".
PLACE_COUNTS = frozenset({"protesters"})
# Prepositions that join a bare figure to its clause: "came in first with 14", "rose to 86".
CLAUSE_PREPS = frozenset({"with", "to", "at"})
# Nouns that hold a figure: "a total of 441 delegates".
TOTAL_NOUNS = frozenset({"total", "tally", "sum", "count"})
# Contests a party holds, whose delegates are the party's (train: joe-biden-wins-2020-us-democratic,
# arizona-florida-illinois-hold-2020-us): "the six primaries yesterday represented 365 delegates".
CONTESTS = frozenset({"primary", "caucus", "contest", "election"})
# Verbs whose indirect object receives the figure: "giving him a total of 54 delegates".
GIVE_VERBS = frozenset({"give", "hand", "award", "grant"})


@functools.cache
def table() -> dict[str, Any]:
    text = resources.files("claimgraph.data").joinpath("quant_lexicon.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


# Words that make a DATE or TIME entity a real date, not a count the model mislabelled
# ("Between 20 and 30 members" is tagged DATE by the small English model).
DATE_WORDS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes",
     "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "am", "pm", "a.m.", "p.m.", "century", "decade", "decades", "ago", "old", "aged", "age"}
)  # fmt: skip


def _date_like(t: Token) -> bool:
    if t.ent_type_ not in SKIPPED_ENTS:
        return False
    if t.ent_type_ in ("ORDINAL", "PERCENT") or re.fullmatch(r"(1[5-9]|20)\d\d", t.text):
        return True
    lo, hi = t.i, t.i
    while lo > 0 and t.doc[lo - 1].ent_type_ == t.ent_type_ and t.doc[lo].ent_iob_ != "B":
        lo -= 1
    while hi + 1 < len(t.doc) and t.doc[hi + 1].ent_iob_ == "I":
        hi += 1
    window = t.doc[lo : min(len(t.doc), hi + 2)]
    return any(w.lower_ in DATE_WORDS for w in window)


# A figure written with its currency: "SEK9", "USD910", "CDN$11,000", "₿7300".
_PREFIXED = re.compile(r"^(?P<cur>[A-Za-z]{2,3}\$?|[^\w\s])(?P<num>\d[\d,]*(?:\.\d+)?)$")


def _prefixed(t: Token) -> tuple[str, str] | None:
    """(currency unit, digits) of a figure written with its currency code or sign."""
    m = _PREFIXED.match(t.text)
    unit = table()["currencies"].get(m.group("cur").lower()) if m else None
    return (unit, m.group("num")) if m and unit else None


# A range written as one token: "15–25", "20-30".
_JOINED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)[\u2013-](\d[\d,]*(?:\.\d+)?)$")


def _is_number(t: Token) -> bool:
    if _prefixed(t) is not None or _JOINED.match(t.text):
        return True
    if _date_like(t):
        return False
    low = t.lower_
    return (t.like_num and not re.fullmatch(r"\d{1,2}:\d\d", t.text)) or low in table()["number_words"] or (
        low in table()["vague"] or low in table()["multipliers"] and t.i > 0 and t.doc[t.i - 1].like_num
    )


def _joins(tok: Token, sent: Span) -> bool:
    """A hyphen inside a spelled-out number ("twenty - five") or a stray space between a number's
    words ("5.7  million")."""
    if tok.i + 1 >= sent.end:
        return False
    after = tok.doc[tok.i + 1]
    if tok.text == "-":
        return after.lower_ in table()["number_words"]
    return tok.is_space and _is_number(after)


def number_groups(sent: Span) -> list[Span]:
    """Runs of number words ("2.5 million", "twenty - five", "tens of thousands")."""
    groups, i = [], sent.start
    doc = sent.doc
    while i < sent.end:
        if _is_number(doc[i]):
            j = i + 1
            while j < sent.end and (_is_number(doc[j]) or _joins(doc[j], sent)):
                j += 1
            if j + 1 < sent.end and doc[j].lower_ == "of" and f"{doc[i:j].text.lower()} of {doc[j + 1].lower_}" in table()["vague"]:
                j += 2
            start = i  # "several thousand", "a few hundred": a vague amount, not 1,000 or 100
            for k in (2, 1):
                if i - k >= sent.start and f"{doc[i - k : j].text.lower()}" in table()["vague"]:
                    start = i - k
                    break
            groups.append(doc[start:j])
            i = j
        else:
            i += 1
    return groups


def vague_range(group: Span) -> tuple[float, float] | None:
    """The range a vague plural means ("dozens" -> 24..99), or None for a plain number."""
    bounds = table()["vague"].get(group.text.lower().replace(" - ", "-"))
    return (float(bounds[0]), float(bounds[1])) if bounds else None


def value_of(group: Span) -> tuple[float, bool] | None:
    """The value of a number group (a vague plural's least value), and whether it is vague."""
    t = table()
    vague = vague_range(group)
    if vague is not None:
        return vague[0], True
    total, current = 0.0, 0.0
    for tok in group:
        low = tok.lower_.replace(",", "")
        pre = _prefixed(tok)
        if pre is not None:
            low = pre[1].replace(",", "")
        joined = _JOINED.match(low)
        if joined:
            low = joined.group(1)  # "15-25 million": the low end; the high is read by _range_high
        if low == "-" or tok.is_space:
            continue
        if low in t["multipliers"]:
            current = (current or 1) * t["multipliers"][low]
            if t["multipliers"][low] >= 1000:
                total, current = total + current, 0.0
        elif low in t["number_words"]:
            current += t["number_words"][low]
        elif re.fullmatch(r"\d+(\.\d+)?", low):
            current += float(low)
        else:
            return None
    return total + current, False


def _qualifier(group: Span) -> Qualifier:
    doc, quals = group.doc, table()["qualifiers"]
    start = group.start
    if start > 0 and doc[start - 1].lower_ in ("a", "an"):  # "at least a dozen"
        start -= 1
    for k in (3, 2, 1):
        phrase = doc[max(0, start - k) : start].text.lower()
        if phrase in quals:
            return quals[phrase]  # type: ignore[no-any-return]
    return "exact"


def nxt_end(group: Span, groups: list[Span]) -> int:
    """Where a range that starts with ``group`` ends ("200 and 300")."""
    nxt = next((g for g in groups if g.start == group.end + 1), None)
    return nxt.end if nxt is not None else group.end


def _range_high(group: Span, groups: list[Span]) -> float | None:
    """The upper bound of "between 20 and 30", "20 to 30", "20-30"."""
    doc = group.doc
    joined = _JOINED.match(group[0].text)
    parsed = value_of(group)
    if joined and parsed:  # "15–25 million dollars"
        low, high = (float(x.replace(",", "")) for x in joined.groups())
        return high * parsed[0] / low if low and high > low else None
    nxt = next((g for g in groups if g.start == group.end + 1), None)
    if nxt is None or doc[group.end].lower_ not in ("to", "-", "and", "\u2013"):
        return None
    if doc[group.end].lower_ == "and" and doc[max(0, group.start - 1)].lower_ != "between":
        return None
    v = value_of(nxt)
    return v[0] if v else None


def _counted(group: Span) -> tuple[Token | None, Token]:
    """The counted noun (if any) and the token that stands for the number in the parse."""
    root = group.root
    for c in root.children:  # "dozens of fighters"
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = next((p for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)
            if pobj is not None:
                return pobj, root
    doc = group.doc
    nxt = doc[group.end] if group.end < len(doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.lemma_.lower() in table()["nouns"] \
            and root.head.pos_ == "PROPN" and root.head.i < group.start:
        return nxt, root  # "Liberal Democrats - 11 seats", parsed as "Democrats ... 11": the seats
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head, root
    # "1,217 pledged delegates" parsed as a clause: the noun after the participle
    after = doc[group.end : group.end + 2]
    if len(after) == 2 and after[0].tag_ in ("VBN", "VBD", "JJ") and after[1].pos_ == "NOUN" \
            and after[1].lemma_.lower() in table()["nouns"]:
        return after[1], root
    return None, root


def _an_age(group: Span) -> bool:
    """ "died aged 95", "at the age of 95", "95 years old", "a 95-year-old"."""
    doc, ages = group.doc, table()["age_words"]
    before = doc[max(0, group.start - 2) : group.start]
    after = doc[group.end : group.end + 3].text.lower()
    return any(t.lower_ in ages for t in before) or after.startswith(("years old", "year old", "-year-old", "- year - old"))


def _not_a_count(group: Span, noun: Token | None, num: Token) -> bool:
    """Rates ("18.9 deaths per 100,000") and ages ("He was 101", "Amman, 20,", "died aged 95")
    are no counts."""
    doc = group.doc
    if _an_age(group):
        return True
    after = doc[group.end + (1 if noun is not None and noun.i == group.end else 0) : group.end + 3]
    if any(t.lower_ in ("per", "percent", "%") for t in after[:2]):
        return True
    counted_from = any(c.dep_ == "prep" and c.lower_ in ("from", "of") for c in num.children)
    stated = num.dep_ in ("nsubj", "nsubjpass") and num.head.lemma_.lower() in table()["states"]
    if _money(group) is not None:
        return False  # a sum is no age: "approximately GBP738 thousand", "worth US$3.4 trillion"
    aside = num.dep_ == "appos" or group.start > 0 and doc[group.start - 1].text == ","
    if noun is None and not counted_from and not stated and (
        num.dep_ in ("attr", "acomp", "npadvmod")
        or aside and num.head.pos_ in ("PROPN", "PRON", "AUX", "VERB")
    ):
        return True  # but "as were seventeen from the Armed Forces" counts people, "marches of 250
        # thousand protesters in New York City, 100 thousand in London" counts marchers
    return False


def _money(group: Span) -> str | None:
    doc, cur = group.doc, table()["currencies"]
    pre = _prefixed(group[0])
    if pre is not None:
        return pre[0]
    around = [doc[group.start - 1]] if group.start > 0 else []
    around += [doc[group.end]] if group.end < len(doc) else []
    if group.end + 1 < len(doc) and doc[group.end].pos_ in ("PROPN", "ADJ"):
        around.append(doc[group.end + 1])  # "one million US dollars", "5 billion Hong Kong dollars"
    for t in around:
        unit = cur.get(t.lower_) or cur.get(t.lemma_.lower())
        if unit:
            return unit  # type: ignore[no-any-return]
    return None


def _property(noun: Token | None, num: Token) -> str | None:
    """What is counted: a casualty or arrest verb or adjective of the group wins ("killed 12
    soldiers" counts deaths), else the counted noun ("500 fighters")."""
    t = table()
    base = noun if noun is not None else num
    head = base.head
    if head.lemma_.lower() == "be" and head.dep_ == "advcl" and any(c.lower_ == "as" for c in head.children):
        head = head.head  # "90 were wounded, as were seventeen from the army": the state of the main clause
    near = [base.head, head, *base.children]
    if noun is not None and noun.head.lower_ == "of" and noun.head.head.i == num.i:
        near.append(num.head)  # "two of Khan's victims died"
    if _lives_lost(head):
        return "deaths"  # "81 had lost their lives"
    near += [c for c in head.children if c.dep_ in ("acomp", "oprd", "xcomp")]
    if base.dep_ == "conj":
        near.append(base.head.head)
    told = _told(base)
    if told:
        return told
    for w in near:
        if w.i not in (num.i, base.i):
            prop = t["states"].get(w.lemma_.lower()) or t["states"].get(w.lower_)
            if prop:
                return prop  # type: ignore[no-any-return]
    if noun is not None and noun.lemma_.lower() in t["nouns"]:
        return t["nouns"][noun.lemma_.lower()]  # type: ignore[no-any-return]
    return _toll_of(base)


def _lives_lost(verb: Token) -> bool:
    """ "lost their lives": a toll of deaths."""
    lives = any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in verb.children)
    return lives and verb.lemma_.lower() == "lose"


def _toll_of(base: Token) -> str | None:
    """The toll a group of people is counted in: "the deaths of 29 miners", "the death of at
    least 50 people", "13 students with minor injuries"."""
    nouns = table()["nouns"]
    if base.dep_ == "pobj" and base.head.lower_ == "of":
        prop = nouns.get(base.head.head.lemma_.lower())
        if prop in EVENT_COUNTS:
            return prop  # type: ignore[no-any-return]
    for c in base.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for p in c.children:
                if p.dep_ == "pobj" and nouns.get(p.lemma_.lower()) in EVENT_COUNTS:
                    return nouns[p.lemma_.lower()]  # type: ignore[no-any-return]
    return None


def _told(base: Token) -> str | None:
    """The property a toll noun gives the number it is said to be: "the confirmed deaths are
    fourteen civilians, five soldiers and one police officer", "death tolls exceeded 100"."""
    first = base
    while first.dep_ == "conj":
        first = first.head
    verb = first.head
    if first.dep_ == "pobj" and verb.lower_ in ("to", "at"):  # "the toll rose to 30", "stands at 30"
        verb = verb.head
    elif first.dep_ not in ("attr", "dobj"):
        return None
    if verb.lemma_.lower() not in table()["toll_verbs"]:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i == base.i:
        return None
    prop = table()["nouns"].get(subj.lemma_.lower())
    return prop if prop in EVENT_COUNTS else None


def _main_place(idx: EntityIndex, doc: Doc) -> str | None:
    """The report's main place: the most specific place its title and lead name ("El Paso"
    of "El Paso, Texas"; a city before its country), the lead's before the title's (a headline
    names the region, the lead the town), the first of equals."""
    lead_end = min(len(doc), next((s.end for n, s in enumerate(doc.sents) if n == 3), len(doc)))
    title_end = int(doc._.claimgraph_title_end or 0)
    ranked: dict[str, tuple[int, bool, int]] = {}
    for tok in doc[:lead_end]:
        eid = idx.token_entity.get(tok.i)
        if not eid or not _is_place(idx, eid) or eid in ranked:
            continue
        ranked[eid] = (max(0, _breadth(idx, tok)), tok.idx < title_end, tok.i)  # a venue ranks as a town
    if ranked:
        return min(ranked, key=lambda e: ranked[e])
    for tok in doc:
        eid = idx.token_entity.get(tok.i)
        if eid and _is_place(idx, eid):
            return eid
    return None


def _is_place(idx: EntityIndex, eid: str | None) -> bool:
    """A place, or a named venue the model typed as an organisation ("Jolo Cathedral")."""
    if idx.is_place(eid):
        return True
    e = idx.entities.get(eid or "")
    return e is not None and e.type == "ORG" and e.name.split()[-1].lower() in table()["venue_nouns"]


def _breadth(idx: EntityIndex, tok: Token) -> int:
    """How wide a place is, as far as the text shows: a country 2, the wider place of
    "A, B" 1 (the appositive place of a place) or a place another place of the report is in
    (its relations: "Badalona, near Barcelona in Catalonia"), any other place 0."""
    eid = idx.at(tok)
    if idx.is_country(eid):
        return 2
    if eid and _is_place(idx, eid) and idx.get(eid).name.split()[-1].lower() in table()["venue_nouns"]:
        return -1  # a venue is more specific than its town
    return 1 if eid in _containing_places(idx) or _follows_comma_place(idx, tok) else 0


def _containing_places(idx: EntityIndex) -> frozenset[str]:
    """Places some other place of the report is located in, by the relation step's output
    (read once per Doc; empty when the relation step did not run)."""
    memo: dict[str, frozenset[str]] = idx.doc.user_data
    key = "claimgraph_containing_places"
    if key not in memo:
        relations = idx.doc._.claimgraph_relations or []
        memo[key] = frozenset(r.object for r in relations if r.predicate in ("located_in", "part_of")
                              and idx.is_place(r.subject) and idx.is_place(r.object))
    return memo[key]


def _follows_comma_place(idx: EntityIndex, tok: Token) -> bool:
    """Whether a place is the wider one of "A, B" ("Texas" of "El Paso, Texas")."""
    start = tok.i
    while start > 0 and idx.token_entity.get(start - 1) == idx.token_entity.get(tok.i):
        start -= 1
    if start < 2 or tok.doc[start - 1].text != ",":
        return False
    return idx.is_place(idx.token_entity.get(start - 2))


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


def _holder(base: Token) -> Token | None:
    """The possessor of the noun a figure is "of": "the Azov Regiment's goal of 5,000 members"."""
    if base.dep_ != "pobj" or base.head.lower_ != "of" or base.head.head.pos_ != "NOUN":
        return None
    return next((c for c in base.head.head.children if c.dep_ == "poss"), None)


def _aimed(base: Token) -> bool:
    """Whether a figure is something aimed at: "a goal of 5,000 members", "has not reached 5,000
    members" (a target, reached or not)."""
    chain = {w.lemma_.lower() for w in clause_chain(base)}
    return _goal_noun(base) is not None or bool(chain & set(table()["target_words"]))


def _goal_noun(base: Token) -> Token | None:
    """The target noun a figure is the object of: "a goal of 5,000 members", "the target of 500"."""
    goal = base.head.head
    if base.dep_ == "pobj" and base.head.lower_ == "of" and goal.lemma_.lower() in table()["target_words"]:
        return goal
    return None


def _listed(idx: EntityIndex, group: Span) -> str | None:
    """The entity that opens a result line "Labour Party - 203 seats" / "Labour: 203 seats"."""
    doc, sent = group.doc, group.sent
    if group.start - 2 < sent.start or doc[group.start - 1].text not in ("-", "\u2013", "\u2014", ":"):
        return None
    eid = idx.token_entity.get(group.start - 2)
    if eid is None:
        return None
    start = group.start - 2
    while start > sent.start and idx.token_entity.get(start - 1) == eid:
        start -= 1
    before = doc[sent.start : start]
    opens = all(not t.is_alpha and not t.like_num for t in before) or "\n" in doc[start - 1].text_with_ws
    return eid if opens else None


def _clause_verb(base: Token, num: Token, noun: Token | None, prop: str) -> Token:
    """The verb whose subject the count is about, past the phrases that hold the number: "the
    SDF suffered thousands of casualties", "giving him a total of 54 delegates", "came in first
    with 14", "brings his delegate total to 86"."""
    of_num = noun is not None and noun.head.lower_ == "of" and noun.head.head.i == num.i
    tok = num if of_num else base
    while tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ == "of" and prep.head.lemma_.lower() in TOTAL_NOUNS:
            tok = prep.head  # "a total of 441 delegates": the total's clause
        elif prep.lower_ in CLAUSE_PREPS and prep.head.pos_ in ("VERB", "AUX"):
            tok = prep  # "came in first with 14": the verb the preposition hangs on
        else:
            break
    verb = tok.head
    if noun is not None and noun.head.i == num.head.i == noun.i - 1 and verb.dep_ != "ROOT":
        verb = verb.head  # "Biden has amassed 1,217 pledged delegates", parsed as "1,217 pledged": amassed
    climb = ("dobj", "attr", "pobj", "prep") if prop == "amount" else ("dobj", "attr")  # "valued at $4m"
    while verb.dep_ in climb and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _subjects(idx: EntityIndex, group: Span, noun: Token | None, num: Token, prop: str) -> list[str]:
    """The entities a count is about (several for "Both Sanders and Buttigieg earned 9")."""
    base = noun if noun is not None else num
    # "39 of the state's 40 delegates": the state owns the 40, not the 39 its winner took
    partitive = noun is not None and noun.head.lower_ == "of" and noun.head.head.i == num.i
    if noun is not None and noun.dep_ in ("amod", "compound", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
        owner = idx.of_phrase(noun.head)  # "the 55-member AU", "the AU, a 55-member body"
        if owner:
            return [owner]
    for c in base.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "with"):
            for p in c.children:
                if p.dep_ == "pobj" and idx.of_phrase(p):
                    return idx.objects(p)  # "two each from the Coast Guard and the National Police"
        if c.dep_ == "compound" and idx.at(c) and not group.start <= c.i < group.end:
            if idx.token_entity.get(base.i) == idx.at(c) and (country := _country_named(idx, c)):
                return [country]  # "5000 U.S. troops" taken as one name: the troops are the country's
            return [idx.at(c)]  # type: ignore[list-item]
        if c.dep_ == "poss" and not partitive and (owner := _owner(idx, c)):
            return [owner]
    holder = _holder(base)  # "the group's goal of 5,000 members", "the state's total of 40"
    if holder is not None and (owner := _owner(idx, holder)):
        return [owner]
    listed = _listed(idx, group)
    if listed:
        return [listed]
    verb = _clause_verb(base, num, noun, prop)
    if verb.lemma_.lower() in REPORTING or verb.lemma_.lower() in ("describe", "witness", "count", "see"):
        verb = base  # "the CPJ reports sixteen deaths": the source is not what is counted
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
    agent = next((c for c in verb.children if c.dep_ == "agent"), None) if prop not in EVENT_COUNTS else None
    by = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent is not None else None
    if by is not None and verb.i != base.i and (owner := idx.of_phrase(by)):
        return [owner]  # "followed by Biden, with 54"
    subj = subject_of(verb) if verb.i != base.i else None
    states = table()["states"]
    caused = states.get(verb.lemma_.lower()) == prop or any(  # "which left at least 42 people dead"
        c.dep_ in ("oprd", "acomp") and states.get(c.lemma_.lower()) == prop for c in verb.children)
    if subj is not None and prop in EVENT_COUNTS and caused \
            and verb.lemma_.lower() not in ("lose", "suffer", "sustain") \
            and subj.dep_ != "nsubjpass" and not _is_place(idx, idx.of_phrase(subj)):
        subj = None  # "the typhoon killed 20", "a gunman wounded 5": who caused the toll is not whose it is
    if subj is not None and subj.i != base.i and not (subj.left_edge.i <= base.i <= subj.right_edge.i):
        eids = idx.objects(subj) if prop not in EVENT_COUNTS else []  # "Both Sanders and Buttigieg earned 9"
        titled = subj.lemma_.lower() in titles()  # "United States Senator ... Sanders trailed": not the US
        owners = (c for c in subj.children if c.dep_ == "poss" or c.dep_ == "compound" and not titled)
        eid = _entity_of(idx, subj) or next((o for c in owners if (o := _owner(idx, c))), None)
        if eid is None and titled:  # "United States Senator from Vermont Bernie Sanders has earned 914"
            people = (e for t in subj.subtree if idx.type(e := idx.token_entity.get(t.i)) == "PERSON")
            eid = next(people, None)
        if eid is None and subj.lemma_.lower() in CONTESTS:  # "the six primaries yesterday represented 365
            eid = _organiser(idx, subj)  # delegates": the party that held them
        if eids and eid in eids:
            return eids
        if eid:
            return [eid]  # the subject, or its owner: "NASA's contract is valued at ..."
    if prop == "hostages" and (captor := _captor(idx, base)):
        return [captor]  # "Two hostages ... who had been held by the Taliban": the Taliban's
    if prop in EVENT_COUNTS or prop in PLACE_COUNTS:
        place = _event_place(idx, base, noun, prop)
        return [place] if place else []
    return []


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


def _captor(idx: EntityIndex, base: Token) -> str | None:
    """Who holds a count of hostages: the agent of the clause that says they were held, taken or
    kidnapped ("Two hostages ... who had been held by the Taliban")."""
    for clause in base.children:
        if clause.dep_ not in ("relcl", "acl"):
            continue
        for agent in (c for c in clause.children if c.dep_ == "agent"):
            by = next((p for p in agent.children if p.dep_ == "pobj"), None)
            if by is not None and (eid := idx.of_phrase(by)) and idx.type(eid) != "GPE":
                return eid
    return None


def _attached_place(idx: EntityIndex, base: Token) -> str | None:
    """A place the count or its verb itself is attached to: "21 injured individuals in Davao del
    Sur, 36 in North Cotabato", "500 protesters marched in London"."""
    for w in (base, base.head):
        for c in w.children:
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                p = next((g for g in c.children if g.dep_ == "pobj"), None)
                eid = idx.of_phrase(p) if p is not None else None
                named = p is not None and p.pos_ == "PROPN" and idx.type(eid) in ("ORG", "PERSON")
                if p is not None and c.lower_ == "near" and (inside := _places_in(idx, p, ("in",))):
                    return inside  # "2,000 residents near Mount Apo in Kidapawan City": in the city
                if p is not None and (_is_place(idx, eid) or named):
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
    return eid if _is_place(idx, eid) else None


def _where_clause_place(idx: EntityIndex, base: Token) -> str | None:
    """The place a "where" clause of the count hangs on: "another in Chippewa Falls, Wisconsin
    where at least five died"."""
    verb = base.head
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    head = verb.head
    while head.dep_ in ("appos", "conj") and not _is_place(idx, idx.at(head)):
        head = head.head
    eid = idx.at(head)
    # "Chippewa Falls, Wisconsin where": the place before the wider one
    start = head.i
    while start > 0 and idx.token_entity.get(start - 1) == eid:
        start -= 1
    if start >= 2 and head.doc[start - 1].text == "," and _is_place(idx, idx.token_entity.get(start - 2)):
        return idx.token_entity.get(start - 2)
    return eid if _is_place(idx, eid) else None


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


def _event_place(idx: EntityIndex, base: Token, noun: Token | None, prop: str) -> str | None:
    """Where a toll or a crowd was counted: the place the count is attached to, else the most
    specific place of its sentence, else (a toll stated by a casualty word) the report's place."""
    if _worldwide(base):
        return None  # "140 thousand related deaths worldwide": no one place's toll
    spread = next((p for c in base.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS
                   for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in PLACE_NOUNS), None)
    wider = _places_in(idx, spread) if spread is not None else None
    if wider:
        return wider  # "1.4 million in cities throughout Germany": Germany's, a country or not
    attached = _attached_place(idx, base)
    # the most specific place, then the one the count is attached to, then the nearest: "in El
    # Paso, Texas" is El Paso's toll; "21 injured in A, 36 in B": 36 is B's
    if attached and not idx.is_country(attached):
        return attached  # "21 injured in A, 36 in B": 36 is B's, though A holds B
    where = _where_clause_place(idx, base)
    if where:
        return where
    places = [(_breadth(idx, p), abs(p.i - base.i), idx.at(p)) for p in base.sent
              if p.dep_ == "pobj" and p.head.lower_ in PLACE_PREPS and _is_place(idx, idx.at(p))]  # fmt: skip
    if places:
        return min(places)[2]
    # "a Kabul car bombing killed five": a place named in the sentence
    near = [(_breadth(idx, p), abs(p.i - base.i), eid) for p in base.sent
            if (eid := idx.at(p)) and _is_place(idx, eid)]  # fmt: skip
    if near:
        return min(near)[2]
    if prop not in EVENT_COUNTS:
        return None
    # "the attack had killed twelve": a toll stated by a casualty verb with no place in its
    # sentence is the report's event's; a bare noun ("four victims were from one family") is not
    states = table()["states"]
    around: tuple[Token, ...] = (base.head, *base.head.children)
    if base.dep_ == "pobj" and base.head.lower_ == "of":
        around += (base.head.head.head,)  # "two of Khan's victims died"
    stated = _told(base) or _toll_of(base) == prop or _lives_lost(base.head) or any(
        states.get(w.lemma_.lower()) == prop for w in around)
    tolled = noun is not None and noun.lemma_.lower() in ("death", "fatality", "toll") and not any(
        c.lower_ in ("could", "may", "might")
        for w in (base, *base.ancestors)
        for c in w.children
        if c.dep_ == "aux"
    )  # "17 deaths have been recorded", not "thousands of deaths could be prevented"
    return _main_place(idx, base.doc) if stated or tolled else None


# How a report says a source's figure is wrong: in the same sentence ("falsely claimed 50,000"),
# or by opening the next sentence with the correction ("In fact, about 2,000 ..."). The source's
# figure is then only its claim.
_WRONG = re.compile(r"\b(?:falsely|incorrectly|wrongly|erroneously|inaccurately|misstated|untrue|not true)\b",
                    re.IGNORECASE)
_CORRECTION_OPENING = re.compile(
    r"^\W*(?:but\s+)?(?:in fact|actually|in reality|in truth|the (?:real|actual|true|correct))\b", re.IGNORECASE
)


def _corrected(sent: Span) -> bool:
    """Whether the report says the figures of this sentence are wrong."""
    doc = sent.doc
    following = doc[sent.end].sent if sent.end < len(doc) else None
    return _WRONG.search(sent.text) is not None or (
        following is not None and _CORRECTION_OPENING.search(following.text) is not None)


def find_quantities(
    doc: Doc, entities: Sequence[Entity], quotes: Sequence[Quote], idx: EntityIndex | None = None
) -> list[Quantity]:
    """Numeric claims about ``entities`` in ``doc``, with qualifier, source and modality."""
    idx = idx or EntityIndex(doc, entities)
    out: list[Quantity] = []
    seen: set[tuple[str, str, float, str | None]] = set()
    before: tuple[str, str] | None = None  # the last sentence's last count and its verb
    for sent in doc.sents:
        groups = number_groups(sent)
        highs = {g.start for g in groups for h in groups if _range_high(h, groups) is not None and g.start == h.end + 1}
        counted: str | None = None  # the property of the sentence's last counted figure
        counted_verb: str | None = None  # and the word it hangs on
        money: tuple[Span, list[str]] | None = None  # the sentence's last sum of money and its subjects
        for group in groups:
            if group.start in highs:
                continue  # the upper bound of a range already read
            parsed = value_of(group)
            if parsed is None:
                continue
            value, vague = parsed
            if (against := _tally(group)) is not None:  # "The vote passed ..., 230-to-198."
                out += _tally_quantities(idx, group, groups, against, quotes, len(out), seen)
                continue
            noun, num = _counted(group)
            tolled_one = num.dep_ == "dobj" and num.head.lemma_.lower() in table()["states"]  # "kills one"
            if value == 1 and not group.text[0].isdigit() and (noun is None or num.dep_ != "nummod") \
                    and not tolled_one:
                continue  # "one of the best officers" is no count; "one member of the Coast Guard" is
            unit = _money(group)
            prop = "amount" if unit else _property(noun, num)
            sibling = counted or _sibling_count(num)
            if noun is None and num.head.lemma_.lower() == "lose" and sibling not in (None, prop):
                prop = sibling  # "The SNP gained 13 seats and Liberal Democrats lost 10": no casualties
            elliptic = prop is None and _elliptic(group, noun, num, sibling, counted_verb)
            if elliptic:  # "Sanders had the most delegates, with 60, followed by Biden, with 54"
                prop = sibling
            if prop is None and sibling is None and before is not None and _held(group, noun, num, before[1]):
                prop, elliptic = before[0], True  # "X had the most delegates, with 60. Y had 54."
            if (not elliptic and _not_a_count(group, noun, num)) or _an_age(group):
                continue
            if prop is None or (prop != "amount" and not value.is_integer()):
                continue  # a count of people or things is whole: "magnitude 6.3" counts nobody
            negated = is_negated(num) or (noun is not None and is_negated(noun))
            if negated and not _aimed(noun or num):
                continue  # "did not lose 300 fighters"; "a goal of 5,000 members not yet reached" is a target
            counted, counted_verb = prop, (noun or num).head.lemma_.lower()
            subjects = _subjects(idx, group, noun, num, prop)
            if not subjects and prop == "votes" and (voter := _voter(idx, group.root)):
                subjects = [voter]  # "the parliament of Portugal voted ...; the vote passed with 215 votes"
            if unit and money is not None and _restates(group, money[0]):
                subjects = subjects or money[1]  # "SEK9 million (approximately USD910 thousand)"
            elif unit:
                money = (group, subjects)
            for subject in subjects:
                qid = f"n{len(out) + 1}"
                q = _quantity(qid, subject, prop, group, groups, vague, unit, noun, num, quotes, idx)
                if (subject, prop, value, q.attributed_to) not in seen:
                    seen.add((subject, prop, value, q.attributed_to))
                    out.append(q)
        before = (counted, counted_verb) if counted is not None and counted_verb is not None else None
    return out


# The second figure of a vote tally "230-to-198", which the tokenizer splits "230", "-", "to-198".
_TALLY_END = re.compile(r"^to-(\d[\d,]*)$")
# Verbs by which a body casts votes or adopts a text (train: us-house-of-representatives-holds-two,
# us-house-of-representatives-impeaches-president, sars-cov-2-surpasses-one-million).
VOTE_VERBS = frozenset({"vote", "pass", "approve", "adopt", "reject"})
VOTER_LOOKBACK = 3  # sentences


def _tally(group: Span) -> float | None:
    """The votes against of a tally that opens with ``group``: "230-to-198"."""
    doc = group.doc
    if group.end + 1 >= len(doc) or doc[group.end].text not in ("-", "\u2013"):
        return None
    m = _TALLY_END.match(doc[group.end + 1].text)
    return float(m.group(1).replace(",", "")) if m else None


def _voter(idx: EntityIndex, tok: Token) -> str | None:
    """Who cast a count of votes: the body that is the subject of the last verb of voting or
    passing before it, in its sentence or the few before ("The United States House of
    Representatives voted to hold ... The vote passed primarily along party lines, 230-to-198")."""
    doc, sent = tok.doc, tok.sent
    start = sent.start
    for _ in range(VOTER_LOOKBACK):
        if start > 0:
            start = doc[start - 1].sent.start
    for verb in reversed(doc[start : tok.i]):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in VOTE_VERBS:
            continue
        subj = subject_of(verb)
        eid = idx.of_phrase(subj) if subj is not None else None
        if eid and idx.type(eid) in ("ORG", "GPE"):
            return eid
    return None


def _tally_quantities(
    idx: EntityIndex, group: Span, groups: list[Span], against: float, quotes: Sequence[Quote], n: int,
    seen: set[tuple[str, str, float, str | None]],
) -> list[Quantity]:
    """The votes for and against of a tally "230-to-198", cast by the body that voted."""
    voter = _voter(idx, group.root)
    if voter is None:
        return []
    first = _quantity("", voter, "votes", group, groups, False, None, None, group.root, quotes, idx)
    second = dataclasses.replace(first, value=against, text=group.doc[group.end + 1].text[3:])
    out: list[Quantity] = []
    for q in (first, second):
        if (voter, "votes", q.value, q.attributed_to) not in seen:
            seen.add((voter, "votes", q.value, q.attributed_to))
            out.append(dataclasses.replace(q, id=f"n{n + len(out) + 1}"))
    return out


def _restates(group: Span, money: Span) -> bool:
    """Whether a sum converts the one before it in parentheses: "900 million złotys (181
    million pounds)", "€20,000 (£17,500; US$22,900)"."""
    between = group.doc[money.end : group.start]
    opened = any(t.text == "(" for t in between) and not any(t.text == ")" for t in between)
    return len(between) <= 8 and opened


def _sibling_count(num: Token) -> str | None:
    """The property a counted noun of the figure's own clause gives it: "had the most delegates,
    with 60", "brings his delegate total to 86"."""
    verb = num.head.head if num.dep_ == "pobj" and num.head.lower_ in CLAUSE_PREPS else num.head
    nouns = table()["nouns"]
    for c in verb.children:
        if c.dep_ in ("dobj", "attr") and c.i != num.i and c.lemma_.lower() in nouns:
            return nouns[c.lemma_.lower()]  # type: ignore[no-any-return]
        if c.dep_ in ("dobj", "attr", "nsubj") and c.lemma_.lower() in TOTAL_NOUNS:  # "delegate total to 86"
            kind = c.doc[c.i - 1].lemma_.lower() if c.i > 0 else ""  # a compound, or a "dative" to the parser
            if kind in nouns:
                return nouns[kind]  # type: ignore[no-any-return]
    return None


def _elliptic(
    group: Span, noun: Token | None, num: Token, counted: str | None, counted_verb: str | None
) -> bool:
    """Whether a bare figure repeats the count of an earlier figure of its sentence, with its
    noun left out: "had 8 delegates, and Klobuchar had 7", "21 injured in A, 36 in B"."""
    if counted is None or _money(group) is not None:
        return False
    if noun is not None:  # "killed five children in a bus and two truck drivers"
        return noun.dep_ == "conj" and noun.lemma_.lower() in table()["person_nouns"]
    doc = group.doc
    after = doc[group.end] if group.end < len(doc) else None
    if after is not None and (after.pos_ in ("NOUN", "PROPN", "ADJ") or after.tag_ == "VBN"
                              or after.lower_ in ("per", "percent", "%", "of")):
        return False  # "7 other candidates", "7 percent", "leaving 15,000 stranded"
    if num.dep_ in ("conj", "appos", "dep"):
        return True  # "21 injured in A, 36 in B and seven in C"
    if num.dep_ == "pobj":  # "with 60", "a total of 815"
        prep = num.head
        return prep.lower_ in CLAUSE_PREPS or prep.lower_ == "of" and prep.head.lemma_.lower() in TOTAL_NOUNS
    return _held(group, noun, num, counted_verb)


def _held(group: Span, noun: Token | None, num: Token, counted_verb: str | None) -> bool:
    """Whether a bare figure is what a verb of having holds, as a count was held before it:
    "Warren had 8 delegates, and Klobuchar had 7"; "Biden has amassed 1,217 delegates, while
    Sanders has earned 914"; "Pelosi ... with 220 votes. McCarthy ... received 192"."""
    doc = group.doc
    after = doc[group.end] if group.end < len(doc) else None
    if noun is not None or _money(group) is not None or after is not None and (
            after.pos_ in ("NOUN", "PROPN", "ADJ") or after.tag_ == "VBN"
            or after.lower_ in ("per", "percent", "%", "of")):
        return False
    verb = num.head.lemma_.lower()
    held = verb == counted_verb or verb in table()["holding_verbs"]
    return num.dep_ in ("dobj", "nsubj", "attr") and held


def _quantity(
    qid: str, subject: str, prop: str, group: Span, groups: list[Span], vague: bool, unit: str | None,
    noun: Token | None, num: Token, quotes: Sequence[Quote], idx: EntityIndex,
) -> Quantity:
    """The quantity a figure states, with its qualifier, words, speaker and modality."""
    t, doc, sent = table(), group.doc, group.sent
    value = (value_of(group) or (0.0, False))[0]
    qualifier: Qualifier = _qualifier(group)
    high = _range_high(group, groups)
    if vague:  # "dozens": the range the word means, never an invented exact value
        high = (vague_range(group) or (value, value))[1]
    chain = {w.lemma_.lower() for w in clause_chain(noun if noun is not None else num)}
    goal = _goal_noun(noun if noun is not None else num)
    if goal is not None:
        chain.add(goal.lemma_.lower())
    exceeded = noun if noun is not None else num
    if high is not None:
        qualifier = "range"
    elif chain & set(t["target_words"]) or (is_hypothetical(num) and "will" not in chain):
        qualifier = "target"
    elif chain & set(t["estimate_words"]) and qualifier == "exact":
        qualifier = "estimate"
    elif exceeded.dep_ == "dobj" and exceeded.head.lemma_.lower() in t["exceed_words"] \
            and qualifier == "exact":
        qualifier = "at_least"  # "death tolls exceeded 100"; not "the vote passed with 215 votes"
    speaker, modality = voice(noun if noun is not None else num, quotes, idx)
    if speaker is not None and modality in ("asserted", "reported") and _corrected(sent):
        modality = "claimed"  # "..., he said. In fact, 5,000 ...": the report does not vouch
    words = doc[group.start : nxt_end(group, groups)].text if high is not None and not vague else group.text
    return Quantity(qid, subject, prop, value, evidence(sent), unit, qualifier, speaker, modality, high,
                    words)  # fmt: skip

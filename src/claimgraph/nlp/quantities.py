"""Numbers claimed about an entity: members, fighters, casualties, arrests, money, targets.

:func:`find_quantities` reads every number of a sentence (digits, spelled-out numbers and
vague plurals such as "dozens"), what it counts (from the counted noun, or from the verb
or adjective of a group of people: "20 people were killed", "at least 20 dead"), how it is
stated (exact, approximately, at least, at most, range, estimate, target), which entity it
is about, and who says so. A number with no counted property or no entity is left out.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimgraph.model import Entity, Qualifier, Quantity, Quote
from claimgraph.nlp.modality import REPORTING, clause_chain, is_hypothetical, is_negated
from claimgraph.nlp.rel_index import EntityIndex, voice
from claimgraph.nlp.relations import evidence
from claimgraph.nlp.syntax import subject_of

# Counts of an event's toll, which are about the place it happened when no actor is named.
EVENT_COUNTS = frozenset({"deaths", "injured", "casualties", "displaced", "missing", "arrested", "hostages"})
PLACE_PREPS = frozenset({"in", "near", "at", "on", "across", "throughout", "outside"})
SKIPPED_ENTS = frozenset({"DATE", "TIME", "ORDINAL", "PERCENT"})


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


def _is_number(t: Token) -> bool:
    if _date_like(t):
        return False
    low = t.lower_
    return (t.like_num and not re.fullmatch(r"\d{1,2}:\d\d", t.text)) or low in table()["number_words"] or (
        low in table()["vague"] or low in table()["multipliers"] and t.i > 0 and t.doc[t.i - 1].like_num
    )


def number_groups(sent: Span) -> list[Span]:
    """Runs of number words ("2.5 million", "twenty - five", "tens of thousands")."""
    groups, i = [], sent.start
    doc = sent.doc
    while i < sent.end:
        if _is_number(doc[i]):
            j = i + 1
            while j < sent.end and (_is_number(doc[j]) or (doc[j].text == "-" and j + 1 < sent.end and
                                                            doc[j + 1].lower_ in table()["number_words"])):  # fmt: skip
                j += 1
            if j + 1 < sent.end and doc[j].lower_ == "of" and f"{doc[i:j].text.lower()} of {doc[j + 1].lower_}" in table()["vague"]:
                j += 2
            groups.append(doc[i:j])
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
        if low == "-":
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
    for k in (3, 2, 1):
        phrase = doc[max(0, group.start - k) : group.start].text.lower()
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
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head, root
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
    if noun is None and not counted_from and (
        num.dep_ in ("attr", "acomp", "appos", "npadvmod")
        or (group.start > 0 and doc[group.start - 1].text == ",")
    ):
        return True  # but "as were seventeen from the Armed Forces" counts people
    return False


def _money(group: Span) -> str | None:
    doc, cur = group.doc, table()["currencies"]
    around = [doc[group.start - 1]] if group.start > 0 else []
    around += [doc[group.end]] if group.end < len(doc) else []
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
        if not eid or not idx.is_place(eid) or eid in ranked:
            continue
        ranked[eid] = (_breadth(idx, tok), tok.idx < title_end, tok.i)
    if ranked:
        return min(ranked, key=lambda e: ranked[e])
    for tok in doc:
        eid = idx.token_entity.get(tok.i)
        if eid and idx.is_place(eid):
            return eid
    return None


def _breadth(idx: EntityIndex, tok: Token) -> int:
    """How wide a place is, as far as the text shows: a country 2, the wider place of
    "A, B" 1 (the appositive place of a place) or a place another place of the report is in
    (its relations: "Badalona, near Barcelona in Catalonia"), any other place 0."""
    eid = idx.at(tok)
    if idx.is_country(eid):
        return 2
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


def _subject(idx: EntityIndex, noun: Token | None, num: Token, prop: str) -> str | None:
    base = noun if noun is not None else num
    # "39 of the state's 40 delegates": the state owns the 40, not the 39 its winner took
    partitive = noun is not None and noun.head.lower_ == "of" and noun.head.head.i == num.i
    if noun is not None and noun.dep_ in ("amod", "compound", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
        owner = idx.of_phrase(noun.head)  # "the 55-member AU", "the AU, a 55-member body"
        if owner:
            return owner
    for c in base.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "with"):
            for p in c.children:
                if p.dep_ == "pobj" and idx.of_phrase(p):
                    return idx.of_phrase(p)
        if c.dep_ in ("poss", "compound") and idx.at(c) and c.i != num.i and not (partitive and c.dep_ == "poss"):
            return idx.at(c)
    # "the SDF suffered thousands of casualties": the number, not its counted noun, holds the clause
    of_num = noun is not None and noun.head.lower_ == "of" and noun.head.head.i == num.i
    verb = num.head if of_num else base.head
    climb = ("dobj", "attr", "pobj", "prep") if prop == "amount" else ("dobj", "attr")  # "valued at $4m"
    while verb.dep_ in climb and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_.lower() in REPORTING or verb.lemma_.lower() in ("describe", "witness", "count", "see"):
        verb = base  # "the CPJ reports sixteen deaths": the source is not what is counted
    subj = subject_of(verb) if verb.i != base.i else None
    if subj is not None and subj.i != base.i and not (subj.left_edge.i <= base.i <= subj.right_edge.i):
        eid = idx.of_phrase(subj) or next((idx.at(c) for c in subj.children if c.dep_ == "poss"), None)
        if eid:
            return eid  # the subject, or its owner: "NASA's contract is valued at ..."
    if prop in EVENT_COUNTS:  # "Dozens died in the attack on Kharkiv": the place it happened
        # the most specific place, then the nearest: "in El Paso, Texas" is El Paso's toll
        places = [(_breadth(idx, p), abs(p.i - base.i), idx.at(p)) for p in base.sent
                  if p.dep_ == "pobj" and p.head.lower_ in PLACE_PREPS and idx.is_place(idx.at(p))]  # fmt: skip
        if places:
            return min(places)[2]
        # "a Kabul car bombing killed five": a place named in the sentence
        near = [(_breadth(idx, p), abs(p.i - base.i), eid) for p in base.sent if (eid := idx.at(p)) and idx.is_place(eid)]
        if near:
            return min(near)[2]
        # "the attack had killed twelve": a toll stated by a casualty verb with no place in its
        # sentence is the report's event's; a bare noun ("four victims were from one family") is not
        states = table()["states"]
        around = (base.head, *base.head.children)
        stated = _told(base) or any(states.get(w.lemma_.lower()) == prop for w in around)
        tolled = noun is not None and noun.lemma_.lower() in ("death", "fatality", "toll") and not any(
            c.lower_ in ("could", "may", "might")
            for w in (base, *base.ancestors)
            for c in w.children
            if c.dep_ == "aux"
        )  # "17 deaths have been recorded", not "thousands of deaths could be prevented"
        if stated or tolled:
            return _main_place(idx, base.doc)
    return None


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
    t = table()
    out: list[Quantity] = []
    seen: set[tuple[str, str, float, str | None]] = set()
    for sent in doc.sents:
        groups = number_groups(sent)
        highs = {g.start for g in groups for h in groups if _range_high(h, groups) is not None and g.start == h.end + 1}
        for group in groups:
            if group.start in highs:
                continue  # the upper bound of a range already read
            parsed = value_of(group)
            if parsed is None:
                continue
            value, vague = parsed
            noun, num = _counted(group)
            if value == 1 and not group.text[0].isdigit() and (noun is None or num.dep_ != "nummod"):
                continue  # "one of the best officers" is no count; "one member of the Coast Guard" is
            if _not_a_count(group, noun, num):
                continue
            unit = _money(group)
            prop = "amount" if unit else _property(noun, num)
            if prop is None or is_negated(num) or (noun is not None and is_negated(noun)):
                continue
            subject = _subject(idx, noun, num, prop)
            if subject is None:
                continue
            qualifier: Qualifier = _qualifier(group)
            high = _range_high(group, groups)
            if vague:  # "dozens": the range the word means, never an invented exact value
                high = (vague_range(group) or (value, value))[1]
            chain = {w.lemma_.lower() for w in clause_chain(noun if noun is not None else num)}
            if high is not None:
                qualifier = "range"
            elif chain & set(t["target_words"]) or (is_hypothetical(num) and "will" not in chain):
                qualifier = "target"
            elif chain & set(t["estimate_words"]) and qualifier == "exact":
                qualifier = "estimate"
            elif chain & set(t["exceed_words"]) and qualifier == "exact":
                qualifier = "at_least"  # "death tolls exceeded 100"
            speaker, modality = voice(noun if noun is not None else num, quotes, idx)
            if speaker is not None and modality in ("asserted", "reported") and _corrected(sent):
                modality = "claimed"  # "..., he said. In fact, 5,000 ...": the report does not vouch
            key = (subject, prop, value, speaker)
            if key in seen:
                continue
            seen.add(key)
            words = doc[group.start : nxt_end(group, groups)].text if high is not None and not vague else group.text
            out.append(Quantity(f"n{len(out) + 1}", subject, prop, value, evidence(sent), unit,
                                qualifier, speaker, modality, high, words))  # fmt: skip
    return out

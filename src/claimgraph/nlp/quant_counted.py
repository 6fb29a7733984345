"""What a figure counts: the counted noun ("500 fighters", "dozens of fighters"), the property a
casualty verb, adjective or toll noun gives it ("killed 12 soldiers", "the death toll rose to 30"),
figures that are no counts (rates, ages), bare figures that repeat a count of their sentence
("Warren had 8 delegates, and Klobuchar had 7"), and targets ("a goal of 5,000 members")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimgraph.nlp.doc_arrays import positions_of
from claimgraph.nlp.modality import clause_chain
from claimgraph.nlp.quant_lexicon import CLAUSE_PREPS, EVENT_COUNTS, TOTAL_NOUNS, table
from claimgraph.nlp.quant_numbers import an_age, currency_of
from claimgraph.nlp.rel_index import RELATIVE_PRONOUNS
from claimgraph.nlp.syntax import subject_of


# Articles that count one person of a toll: "arrested a man", "killed another person".
ARTICLES = frozenset({"a", "an", "another"})


def article_counts(sent: Span) -> list[Span]:
    """The articles of a sentence that count one person of a toll: the object of a finite verb of
    casualty or arrest ("Indian officials in Kerala arrested a man", "killed another person";
    train: suspect-arrested-in-death-of-elephant, catalonia-apartment-block-fire-kills-three); not
    one of a group ("a man and two women"), nor what one would do ("to find and arrest a person").
    A passive subject ("A man ... was arrested") is left out: the train gold lists none of five."""
    out = []
    doc = sent.doc
    for i in positions_of(doc, "LOWER", ARTICLES, sent.start, sent.end):  # no Token for the other words
        t = doc[i]
        noun = t.head
        if t.dep_ != "det" or noun.pos_ != "NOUN" \
                or noun.lemma_.lower() not in table()["person_nouns"]:
            continue
        if noun.dep_ != "dobj" or noun.head.tag_ not in ("VBD", "VBZ", "VBP", "VBG") \
                or any(c.dep_ == "conj" for c in noun.children):
            continue  # what a toll verb did, not a group's part or what one would do ("to arrest a person")
        if property_of(noun, t) in EVENT_COUNTS:
            out.append(sent.doc[t.i : t.i + 1])
    return out


def counted_noun(group: Span) -> tuple[Token | None, Token]:
    """The counted noun (if any) and the token that stands for the number in the parse."""
    root = group.root
    if len(group) == 1 and root.lower_ in ARTICLES and root.dep_ == "det":
        return root.head, root  # "arrested a man" (:func:`article_counts`)
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
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") \
            and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head, root
    # "1,217 pledged delegates" parsed as a clause: the noun after the participle
    after = doc[group.end : group.end + 2]
    if len(after) == 2 and after[0].tag_ in ("VBN", "VBD", "JJ") and after[1].pos_ == "NOUN" \
            and after[1].lemma_.lower() in table()["nouns"]:
        return after[1], root
    return None, root


def money_kind(noun: Token | None, num: Token) -> str | None:
    """The kind of sum a noun by it names (``money_kinds``): "a net worth of $17 million", "a fine
    of US$86,000", "set bail at 100,000 lari", "a $250,000 fine", "$11 million in debt",
    "$5,479,761 in prize money earnings"; None for a plain amount."""
    base = noun if noun is not None else num
    near: list[Token] = []
    if base.dep_ == "pobj" and base.head.lower_ in ("of", "at"):
        held = base.head.head  # "a fine of", "set bail at"
        near += [held, *(c for c in held.children if c.dep_ == "dobj" and held.pos_ in ("VERB", "AUX"))]
    if base.dep_ in ("compound", "nmod", "amod", "nummod"):
        near.append(base.head)  # "a $250,000 fine"
    for prep in (c for c in base.children if c.dep_ == "prep" and c.lower_ == "in"):
        near += [p for p in prep.children if p.dep_ == "pobj"]  # "$11 million in debt"
    near += [c for t in list(near) for c in t.children if c.dep_ == "compound"]  # "prize money earnings"
    kinds = [(t, k) for t in near if (k := _kind(t))]
    if kinds and any(c.dep_ == "conj" for c in kinds[0][0].children):
        return None  # "$6.5 billion in debt and equity": no one kind
    return kinds[0][1] if kinds else None


def _kind(tok: Token) -> str | None:
    """The kind of sum a noun names, alone or with the word before it ("net worth")."""
    kinds: dict[str, str] = table()["money_kinds"]
    before = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return kinds.get(f"{before} {tok.lemma_.lower()}") or kinds.get(tok.lemma_.lower())


def anchor_of(noun: Token | None, num: Token) -> Token:
    """The token that holds a count's place in its clause, whose head is the clause's word for
    it: the number when the counted noun hangs on it ("two of Khan's victims died", "the SDF
    suffered thousands of casualties"), the word between number and noun when the parser made it
    the head of both ("Biden has amassed 1,217 pledged delegates" read as a clause "1,217
    pledged"), else the noun ("500 fighters") or the bare number."""
    if noun is None:
        return num
    if noun.head.lower_ == "of" and noun.head.head.i == num.i:
        return num
    if noun.head.i == num.head.i == noun.i - 1:
        return noun.head
    return noun


def not_a_count(group: Span, noun: Token | None, num: Token) -> bool:
    """Rates ("18.9 deaths per 100,000"), ages ("He was 101", "Amman, 20,", "died aged 95") and
    thresholds ("the 326 seats needed for a majority") are no counts."""
    doc = group.doc
    if an_age(group) or _a_threshold(noun if noun is not None else num):
        return True
    after = doc[group.end + (1 if noun is not None and noun.i == group.end else 0) : group.end + 5]
    if any(t.lower_ in ("per", "percent", "%") for t in after[:2]) or _a_rate(after) or _a_price(noun, num):
        return True
    if noun is None and any(c.dep_ == "prep" and c.lower_ == "of" and any(p.like_num for p in c.children)
                            for c in num.children):
        return True  # "have lost four of five": a share of a number, no count of anything
    counted_from = any(c.dep_ == "prep" and c.lower_ in ("from", "of") for c in num.children)
    stated = num.dep_ in ("nsubj", "nsubjpass") and num.head.lemma_.lower() in table()["states"]
    if currency_of(group) is not None:
        return False  # a sum is no age: "approximately GBP738 thousand", "worth US$3.4 trillion"
    aside = num.dep_ == "appos" or group.start > 0 and doc[group.start - 1].text == ","
    if noun is None and not counted_from and not stated and (
        num.dep_ in ("attr", "acomp", "npadvmod")
        or aside and num.head.pos_ in ("PROPN", "PRON", "AUX", "VERB")
    ):
        return True  # but "as were seventeen from the Armed Forces" counts people, "marches of 250
        # thousand protesters in New York City, 100 thousand in London" counts marchers
    return False


_YEAR = re.compile(r"(1[89]|20)\d\d")

# What a share's price is said of: "Alibaba shares closed ... at $185.25".
PRICED = frozenset({"share", "stock", "price"})

# Verbs that put a price on something at a figure: "It will start at $44,000", "break above $13.60"
# (train new-suvs-and-electric-vehicles-highlight, one-of-the-top-performing-beauty-stocks); "closed
# at" only of a share (``PRICED``): a funding round closes at a sum.
PRICE_VERBS = frozenset({"trade", "start", "break", "price", "retail"})


def _a_rate(after: Span) -> bool:
    """Whether a figure is so much for each of something: "$2.52 a share", "$6.99 a month"; not
    "$4 billion a year earlier"."""
    words = [t for t in after if t.text != "-"][:3]
    return len(words) >= 2 and words[0].lower_ in ("a", "an") and words[1].pos_ == "NOUN" and (
        len(words) == 2 or words[2].pos_ not in ("NOUN", "PROPN")
        and words[2].lower_ not in ("earlier", "ago", "before", "later"))


def _a_price(noun: Token | None, num: Token) -> bool:
    """Whether a figure is a price: what a share or stock is priced at ("Alibaba shares closed in New
    York on Tuesday at $185.25", train alibaba-to-raise-up-to-12-9bn) or what a price verb puts
    a thing at ("It will start at $44,000")."""
    base = noun if noun is not None else num
    if base.dep_ != "pobj" or base.head.lower_ not in ("at", "to", "above", "below"):
        return False
    verb = base.head.head
    if verb.lemma_.lower() in PRICE_VERBS and base.head.lower_ != "to":
        return True
    subj = subject_of(verb)
    return subj is not None and subj.lemma_.lower() in PRICED


def a_past_toll(noun: Token | None, num: Token) -> bool:
    """Whether a toll is of an event the report dates to a year, background to its news:
    "Typhoon Haiyan, which killed over 6,000 people in 2013", "In 2019 he survived a drone attack
    that left six soldiers dead" (train typhoon-phanfone-strikes-philippines,
    yemeni-journalist-nabil-hasan-al-quaety). Not "since 2013", a count up to now."""
    base = noun if noun is not None else num
    for tok in (base, *base.ancestors):
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "during")):
            if any(p.dep_ == "pobj" and _YEAR.fullmatch(p.text) for p in prep.children):
                return True
    return False


def _a_threshold(base: Token) -> bool:
    """Whether a count is what something needs rather than what anyone has: "surpassing the 326
    seats needed for a majority", "1,276 delegates are required to secure the nomination"."""
    needs = table()["need_verbs"]
    said_of = [base.head] if base.dep_ in ("nsubjpass", "nsubj") else []
    said_of += [c for c in base.children if c.dep_ in ("acl", "relcl")]
    return any(w.lemma_.lower() in needs and w.tag_ == "VBN" for w in said_of)


def property_of(noun: Token | None, num: Token) -> str | None:
    """What is counted: a casualty or arrest verb or adjective of the group wins ("killed 12
    soldiers" counts deaths), else the counted noun ("500 fighters")."""
    t = table()
    base = noun if noun is not None else num
    head = base.head
    if (total := total_of(base)) is not None:
        head = total.head  # "A total of 39 are confirmed dead": what the total's clause says of it
    if head.lemma_.lower() == "be" and head.dep_ == "advcl" and any(c.lower_ == "as" for c in head.children):
        head = head.head  # "90 were wounded, as were seventeen from the army": the state of the main clause
    near = [base.head, head, *(c for c in base.children if not _own_subject(c))]
    anchor = anchor_of(noun, num)
    if anchor.i != base.i:
        near.append(anchor.head)  # "two of Khan's victims died": died
    if lives_lost(head):
        return "deaths"  # "81 had lost their lives"
    if base.dep_ == "nsubj" and to_the_streets(head):
        return "protesters"  # "About 15,000 people took to the streets in Tokyo"
    near += [c for c in head.children if c.dep_ in ("acomp", "oprd", "xcomp")]
    if any(c.dep_ == "expl" for c in head.children):  # "there was one passenger seriously injured"
        near += [c for c in head.children if c.dep_ in ("dep", "acl", "advcl") and c.tag_ in ("VBN", "JJ")]
    if base.dep_ == "conj":
        near.append(base.head.head)
    told = toll_told(base)
    if told:
        return told
    for w in near:
        if w.i not in (num.i, base.i):
            prop = t["states"].get(w.lemma_.lower()) or t["states"].get(w.lower_)
            if prop and w.pos_ == "NOUN" and w.tag_ == "NNS":
                continue  # "attended more rallies (five)": a plural noun names things, not what befell people
            if prop == "casualties" and w.lemma_.lower() == "lose" and not _people(noun):
                continue  # "is likely to lose two electoral votes", "lost two 'Final Verdicts'": no toll
            if prop:
                return prop  # type: ignore[no-any-return]
    if noun is not None and noun.lemma_.lower() in t["nouns"]:
        return t["nouns"][noun.lemma_.lower()]  # type: ignore[no-any-return]
    return toll_of(base)


# What the counted nouns of these properties count are people, whom one may lose as casualties.
PEOPLE_COUNTS = frozenset({"fighters", "members", "supporters", "employees", "personnel", "casualties",
                           "deaths", "hostages", "prisoners", "displaced", "protesters", "arrested"})


def _people(noun: Token | None) -> bool:
    """Whether a figure lost counts people, so that losing them is a toll: no noun ("the SDF lost
    11,000"), a person noun ("lost 20 civilians", "lost 300 lives") or a noun of a group of
    people ("lost 500 fighters"); not votes, seats or anything else one loses."""
    if noun is None:
        return True
    t, lemma = table(), noun.lemma_.lower()
    return lemma in t["person_nouns"] or lemma == "life" or t["nouns"].get(lemma) in PEOPLE_COUNTS


def total_of(base: Token) -> Token | None:
    """The total noun a count is "of": "A total of 39 are confirmed dead", "a total of 17 people were
    killed" (corpus: magnitogorsk); None when the count stands in its clause by itself."""
    if base.dep_ == "pobj" and base.head.lower_ == "of" and base.head.head.lemma_.lower() in TOTAL_NOUNS:
        return base.head.head
    return None


def _own_subject(clause: Token) -> bool:
    """Whether a relative clause on a counted noun has a subject of its own, so its verb says
    what happened to others than the group counted: "142 cases in India, of which three patients
    have died" (not "20 people who were killed")."""
    return clause.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_PRONOUNS for c in clause.children)


def lives_lost(verb: Token) -> bool:
    """ "lost their lives": a toll of deaths."""
    lives = any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in verb.children)
    return lives and verb.lemma_.lower() == "lose"


def to_the_streets(verb: Token) -> bool:
    """ "took to the streets", "poured into the streets": people who go out to the streets protest
    (train japanese-rally-against-nuclear-power-industry)."""
    return verb.lemma_.lower() in ("take", "pour", "flood") and any(
        c.dep_ == "prep" and c.lower_ in ("to", "into", "onto")
        and any(p.dep_ == "pobj" and p.lemma_.lower() == "street" for p in c.children)
        for c in verb.children)


def toll_of(base: Token) -> str | None:
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


def toll_told(base: Token) -> str | None:
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
    if subj is None and verb.dep_ == "ccomp":
        # "officials reported the number of dead rose to 30", the number parsed as the object of "reported"
        subj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if subj is None or subj.i == base.i:
        return None
    prop = table()["nouns"].get(subj.lemma_.lower())
    if prop is None and (subj.lemma_.lower() in TOTAL_NOUNS or subj.lemma_.lower() == "number"):
        return _counted_of(subj)  # "the number of people killed rose to 120"
    return prop if prop in EVENT_COUNTS else None


def _counted_of(total: Token) -> str | None:
    """What a total or number noun counts, by the noun after its "of" or the state said of that
    noun: "the number of deaths", "the number of dead", "the number of people killed"."""
    t = table()
    for of in (c for c in total.children if c.dep_ == "prep" and c.lower_ == "of"):
        for p in (g for g in of.children if g.dep_ in ("pobj", "pcomp", "amod")):  # "of dead": an adjective
            words = [p, *(c for c in p.children if c.dep_ in ("acl", "amod", "relcl"))]
            for w in words:
                prop = t["nouns"].get(w.lemma_.lower()) if w is p else None
                prop = prop or t["states"].get(w.lemma_.lower()) or t["states"].get(w.lower_)
                if prop:
                    return prop  # type: ignore[no-any-return]
    return None


def sibling_count(num: Token) -> str | None:
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


def is_elliptic(
    group: Span, noun: Token | None, num: Token, counted: str | None, counted_verb: str | None
) -> bool:
    """Whether a bare figure repeats the count of an earlier figure of its sentence, with its
    noun left out: "had 8 delegates, and Klobuchar had 7", "21 injured in A, 36 in B"."""
    if counted is None or currency_of(group) is not None:
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
    return is_held(group, noun, num, counted_verb)


def is_held(group: Span, noun: Token | None, num: Token, counted_verb: str | None) -> bool:
    """Whether a bare figure is what a verb of having holds, as a count was held before it:
    "Warren had 8 delegates, and Klobuchar had 7"; "Biden has amassed 1,217 delegates, while
    Sanders has earned 914"; "Pelosi ... with 220 votes. McCarthy ... received 192"."""
    doc = group.doc
    after = doc[group.end] if group.end < len(doc) else None
    if noun is not None or currency_of(group) is not None or after is not None and (
            after.pos_ in ("NOUN", "PROPN", "ADJ") or after.tag_ == "VBN"
            or after.lower_ in ("per", "percent", "%", "of")):
        return False
    verb = num.head.lemma_.lower()
    held = verb == counted_verb or verb in table()["holding_verbs"]
    return num.dep_ in ("dobj", "nsubj", "attr") and held


def is_aimed(base: Token) -> bool:
    """Whether a figure is something aimed at: "a goal of 5,000 members", "has not reached 5,000
    members" (a target, reached or not)."""
    chain = {w.lemma_.lower() for w in clause_chain(base)}
    return goal_noun(base) is not None or bool(chain & set(table()["target_words"]))


def goal_noun(base: Token) -> Token | None:
    """The target noun a figure is the object of: "a goal of 5,000 members", "the target of 500"."""
    goal = base.head.head
    if base.dep_ == "pobj" and base.head.lower_ == "of" and goal.lemma_.lower() in table()["target_words"]:
        return goal
    return None

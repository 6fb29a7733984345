"""Who does what in the parse: the one subject finder that quotes, speakers, relations and
quantities share."""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Prepositions whose gerund shares the governing verb's subject ("in fighting X", "before
# joining X"); "as" is not one ("lists Saha as belonging to the Air Force").
PCOMP_PREPS = frozenset({"in", "by", "after", "before", "since", "while", "through", "upon", "on", "without"})


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two, the one nearer the verb before it. The parser sometimes splits a
    role and a name into two subjects ("Early opponent MP Tanya Davies said": *opponent* and
    *Davies*); a noun phrase's head is its last word, so the nearer one heads the phrase."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else subjects[0]


def subject_of(verb: Token, *, speech: bool = False) -> Token | None:
    """The grammatical subject of a verb, inherited where the parse leaves it implicit: a
    conjoined verb has its first conjunct's ("X spoke, calling ..."), a participle or relative
    clause modifying a noun has that noun ("the group, based in Kyiv"; "the chief, X,
    announced" misparsed as a modifier), an open complement or a gerund after a preposition has
    its governor's ("allied with X in fighting Y").

    ``speech``: the subject as a reporting verb's speaker: a passive's agent ("was described as
    ... by the police": the police speak; no agent, no speaker) and any adverbial clause
    ("..., he said while visiting").
    """
    tok = verb
    for step in range(4):
        subj = _nearest_subject(tok)
        if subj is not None:
            if speech and subj.dep_ == "nsubjpass":
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                if agent is not None:  # "... were described by Johnson as X, saying": Johnson says
                    return next((c for c in agent.children if c.dep_ == "pobj"), None)
                if step == 0:
                    return None
            return subj
        head = tok.head
        if head.i == tok.i:
            return None
        if speech and step == 0 and tok.dep_ == "acl" and tok.tag_ == "VBN":
            # "the assailant, reported by The Guardian as convicted of assaults": the agent speaks
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if tok.dep_ in ("acl", "relcl", "appos") and (not speech or head.pos_ in ("NOUN", "PROPN", "PRON")):
            return head
        if tok.dep_ in ("conj", "xcomp", "acl", "relcl"):
            tok = head
        elif tok.dep_ == "advcl" and (speech or tok.tag_ in ("VBG", "VBN")):
            tok = head  # "Speaking from Vilnius, Marchuk said": the main clause's subject
        elif tok.dep_ == "pcomp" and (speech or tok.tag_ == "VBG" and head.lower_ in PCOMP_PREPS):
            tok = head.head  # "upon announcing", "in fighting": through the preposition
        else:
            return None
        if speech and tok.pos_ not in ("VERB", "AUX"):
            return None  # a speaker is the subject of a verb
    return None


def bare_definite(token: Token) -> bool:
    """A noun with a definite article and nothing else that says which one: "the analyst" (not "an
    analyst", "the analyst at X", "his lawyer", "the two analysts")."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
    return definite and not any(
        c.dep_ in ("poss", "prep", "relcl", "acl", "appos", "nummod", "conj") for c in token.children)

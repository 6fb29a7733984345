"""How firmly a statement is made: asserted, reported, claimed, denied or uncertain.

Shared by quotes, relations and quantities. Two views are offered:
:func:`modality_of` reads a whole span (a quote's content, a sentence) and its cue;
:func:`modality_at` reads only the clause that governs one trigger token, so a hedge in
another clause of a long sentence does not leak into it. :func:`is_negated` and
:func:`is_hypothetical` say when a statement must not produce a positive claim at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from claimgraph.model import Modality, Quote
from claimgraph.nlp.tokens import doc_text

# Cue lemmas by the stance they give the speaker. From the reporting verbs of PARC 3.0 and the
# hedging cues of the BioScope/CoNLL-2010 guidelines, kept to the ones Wikinews uses.
DENY = frozenset({"deny", "reject", "dismiss", "refute", "disavow", "distance", "disown", "rebut", "dispute"})
CLAIM = frozenset({"claim", "boast", "insist", "purport", "profess"})
# Adverbs and modal auxiliaries that hedge a statement ("may", "reportedly", "allegedly").
HEDGE_WORDS = frozenset(
    {
        "may", "might", "could", "reportedly", "allegedly", "purportedly", "apparently", "possibly",
        "perhaps", "probably", "likely", "unconfirmed", "unverified", "alleged", "suspected", "rumoured",
        "rumored", "supposedly", "presumably",
    }
)  # fmt: skip
# Verbs whose complement is only believed or suspected ("is believed to lead", "thought to be").
HEDGE_VERBS = frozenset({"believe", "think", "suspect", "suppose", "rumour", "rumor", "allege", "presume"})
# Phrases that withdraw the report's own warrant ("could not be independently verified").
HEDGE_PHRASES = ("not be independently verified", "not be verified", "not independently verified",
                 "could not be confirmed", "not been confirmed", "not been verified", "unable to verify",
                 "cannot be verified", "no evidence")  # fmt: skip
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
# Subordinators and verbs that make a clause hypothetical or merely intended.
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
INTENT_VERBS = frozenset(
    {"plan", "want", "hope", "intend", "seek", "threaten", "aim", "try", "consider", "propose",
     "wish", "offer", "attempt", "refuse", "ask", "urge", "call", "demand", "vow", "pledge", "expect"}
)  # fmt: skip
HYPOTHETICAL_AUX = frozenset({"would", "should", "shall", "will"})
# Dependency labels along which a clause passes its polarity down to a trigger word.
_CLAUSAL = frozenset({"ROOT", "ccomp", "xcomp", "conj", "advcl", "attr", "acomp", "dobj", "pobj", "prep",
                      "agent", "oprd", "pcomp", "aux", "auxpass", "relcl", "acl"})  # fmt: skip


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def clause_chain(token: Token) -> list[Token]:
    """The trigger and its governing words up to where a noun phrase takes over.

    Walking stops at subjects and appositions: in "Smith, a member of X, did not come"
    the negation of "come" says nothing about membership.
    """
    chain = [token]
    while token.dep_ in _CLAUSAL and token.head.i != token.i:
        token = token.head
        chain.append(token)
        if token.dep_ in ("relcl", "acl") and token.pos_ not in ("VERB", "AUX"):
            break
    return chain


def is_negated(token: Token) -> bool:
    """True when the clause that states the trigger is negated ("is not a member", "never joined")."""
    for t in clause_chain(token):
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in NEGATORS):
                return True
            if c.lower_ in ("longer", "more") and any(g.lower_ == "no" for g in c.children):
                return True  # "is no longer a member"
        if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX"):
            break  # "X is not A, but is B": the first conjunct's negation stays there
    return False


def is_hypothetical(token: Token) -> bool:
    """True for conditional, intended or questioned statements ("if he joins", "plans to join")."""
    if _in_question(token):
        return True
    chain = clause_chain(token)
    for t in chain:
        for c in t.children:
            if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
                return True
            if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX:
                return True
    # "plans to join", "plans on leaving": the trigger is the complement of an intent verb
    return any(t.dep_ in ("xcomp", "prep") and _lemma(t.head) in INTENT_VERBS for t in chain)


def _in_question(token: Token) -> bool:
    """Whether the sentence of ``token`` ends with a question mark (``sent.text.rstrip()`` does),
    read off a per-Doc table: the sentences are found and their text built once per Doc, not for
    every trigger."""
    doc = token.doc
    table: list[bool] | None = doc.user_data.get("claimgraph_questions")
    if table is None or len(table) != len(doc):
        text, table = doc_text(doc), []
        for sent in doc.sents:  # its last character but white space, read off the text: no Token built
            table += [text[sent.start_char : sent.end_char].rstrip().endswith("?")] * len(sent)
        doc.user_data["claimgraph_questions"] = table
    return table[token.i]


def _hedged(tokens: Iterable[Token]) -> bool:
    for t in tokens:
        if t.lower_ in HEDGE_WORDS and (t.pos_ in ("AUX", "ADV", "ADJ") or t.tag_ == "MD"):
            return True
        if _lemma(t) in HEDGE_VERBS and t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children):
            return True  # "is believed to", "was suspected of"
    return False


def _has_phrase(text: str) -> bool:
    low = " ".join(text.lower().split())
    return any(p in low for p in HEDGE_PHRASES)


def _inflections(lemma: str) -> set[str]:
    stem = lemma[:-1] + "i" if lemma.endswith("y") else lemma.rstrip("e")
    return {lemma, lemma + "s", stem + "es", stem + "ed", lemma + "d", stem + "ing"}


_DENY_FORMS = frozenset(f for lemma in DENY for f in _inflections(lemma))
_CLAIM_FORMS = frozenset(f for lemma in CLAIM for f in _inflections(lemma))


def _cue_modality(cue: str | None) -> Modality | None:
    if not cue:
        return None
    words = set(cue.lower().split())
    if words & _DENY_FORMS:
        return "denied"
    if words & _CLAIM_FORMS:
        return "claimed"
    return "reported"


def modality_of(span: Span, cue: str | None = None) -> Modality:
    """The modality of a whole span (a quote's content or a sentence), given its reporting cue.

    denied > uncertain > claimed > reported (any cue) > asserted (the report's own voice).
    """
    by_cue = _cue_modality(cue)
    if by_cue == "denied" or any(_lemma(t) in DENY and t.pos_ == "VERB" for t in span):
        return "denied"
    if _hedged(span) or _has_phrase(span.text):
        return "uncertain"
    if by_cue == "claimed" or any(_lemma(t) in CLAIM and t.pos_ == "VERB" for t in span):
        return "claimed"
    return by_cue or "asserted"


def modality_at(token: Token, cue: str | None = None) -> Modality:
    """The modality of the clause that states ``token``: its governing words, their modifiers and cue."""
    chain = clause_chain(token)
    by_cue = _cue_modality(cue)
    if by_cue == "denied" or any(_lemma(t) in DENY for t in chain[1:]):
        return "denied"
    near = [c for t in chain for c in t.children if c.dep_ in ("aux", "advmod", "amod", "auxpass")]
    if _hedged(chain + near) or _has_phrase(token.sent.text):
        return "uncertain"
    if by_cue == "claimed" or any(_lemma(t) in CLAIM for t in chain[1:]):
        return "claimed"
    return by_cue or "asserted"


def voice_of(token: Token, quotes: Sequence[Quote]) -> tuple[str | None, Modality]:
    """Who states what ``token``'s clause says, and how firmly.

    Inside a quote or reported speech the quote's speaker states it ("reported", or claimed,
    denied or uncertain by the cue and hedges); elsewhere it is the report's own voice.
    """
    at = token.idx
    quote = next((q for q in quotes if q.start <= at < q.end), None)
    if quote is None:
        return None, modality_at(token)
    return quote.speaker, modality_at(token, quote.cue or "say")


# Verbs whose subject is the source of their complement, for reported speech that the quote
# finder did not cover ("Marchuk said the unit has 500 fighters"). From PARC 3.0's commonest cues.
REPORTING = frozenset(
    {"say", "tell", "claim", "state", "report", "announce", "add", "explain", "deny", "insist", "confirm",
     "write", "tweet", "allege", "assert", "warn", "note", "estimate", "acknowledge", "admit", "reveal",
     "describe"}
)  # fmt: skip


def reporter_of(token: Token) -> tuple[Token, str] | None:
    """The words naming who reports ``token``'s clause, and the cue: the subject of a reporting
    verb that governs it ("X said ...", "..., X said") or the object of "according to"."""
    for t in token.ancestors:
        if _lemma(t) in REPORTING and t.pos_ == "VERB":
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i), None)
            if subj is not None and not (token.i >= subj.left_edge.i and token.i <= subj.right_edge.i):
                return subj, t.lower_
    above = {a.i for a in token.ancestors} | {token.i}
    for t in token.sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            pobj = next((c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"), None)
            # "according to X" sources the clause it hangs on (or, as the parse's root, the sentence)
            governs = t.head.i in above or t.dep_ == "ROOT"
            if pobj is not None and governs and not (pobj.left_edge.i <= token.i <= pobj.right_edge.i):
                return pobj, "according to"
    return None

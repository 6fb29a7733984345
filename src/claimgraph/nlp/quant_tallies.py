"""Vote tallies ("The articles passed by votes of 230-to-197") and the body that cast them: the
subject of the last verb of voting or passing, in the tally's sentence or the few before."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimgraph.nlp.rel_index import EntityIndex
from claimgraph.nlp.syntax import subject_of

# The second figure of a vote tally "230-to-198", which the tokenizer splits "230", "-", "to-198".
_TALLY_END = re.compile(r"^to-(\d[\d,]*)$")

# Verbs by which a body casts votes or adopts a text (train: us-house-of-representatives-holds-two,
# us-house-of-representatives-impeaches-president, sars-cov-2-surpasses-one-million).
VOTE_VERBS = frozenset({"vote", "pass", "approve", "adopt", "reject"})

VOTER_LOOKBACK = 3  # sentences


def tally_against(group: Span) -> float | None:
    """The votes against of a tally that opens with ``group``: "230-to-198"."""
    doc = group.doc
    if group.end + 1 >= len(doc) or doc[group.end].text not in ("-", "\u2013"):
        return None
    m = _TALLY_END.match(doc[group.end + 1].text)
    return float(m.group(1).replace(",", "")) if m else None


def voter_of(idx: EntityIndex, tok: Token) -> str | None:
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

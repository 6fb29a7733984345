"""Hostility stated with "against": "X launched attacks against Y", "X started supporting
the government against the Y rebellion", "Turkish operations against the PKK".

The agent is the subject of the verb that governs "against" (or the owner of a hostile noun:
"X's campaign against Y"); the target is the entity of its object. Armed conflict runs both
ways, so a conflict word on either side ("attacks", "the Houthi rebellion") also gives the
reverse relation.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from claimgraph.nlp.doc_arrays import positions
from claimgraph.nlp.rel_index import EntityIndex
from claimgraph.nlp.rel_lexicon import words
from claimgraph.nlp.rel_patterns import Found
from claimgraph.nlp.syntax import subject_of


def _agents(idx: EntityIndex, head: Token) -> tuple[list[str], Token | None]:
    """Who acts against, and the verb or noun that states it."""
    if head.pos_ in ("NOUN", "PROPN"):
        if head.lemma_.lower() not in words("against_heads"):
            return [], None
        owners = [idx.at(c) for c in head.children if c.dep_ in ("poss", "amod", "compound")]
        if any(owners):  # "X's campaign against Y", "Turkish operations against Y"
            return [o for o in owners if o], head
        if head.dep_ != "dobj":
            return [], None
        head = head.head  # "X launched attacks against Y": the launcher
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in words("against_free"):
        return [], None
    subj = subject_of(head)
    return (idx.objects(subj) if subj is not None else []), head


def against_relations(sent: Span, idx: EntityIndex) -> Iterator[Found]:
    """X opposes Y for every "against Y" whose agent is an entity (and Y opposes X in war)."""
    mutual = words("mutual")
    doc = sent.doc
    for i in positions(doc, "LOWER", "against", sent.start, sent.end):
        prep = doc[i]
        if prep.dep_ != "prep":
            continue
        objs = [p for p in prep.children if p.dep_ == "pobj"]
        targets = [e for p in objs for e in idx.objects(p)]
        if not targets:
            continue
        agents, trigger = _agents(idx, prep.head)
        if trigger is None:
            continue
        both = trigger.lemma_.lower() in mutual or any(p.lemma_.lower() in mutual for p in objs)
        for a in agents:
            for t in targets:
                yield Found(a, "opposes", t, trigger)
                if both:
                    yield Found(t, "opposes", a, trigger)

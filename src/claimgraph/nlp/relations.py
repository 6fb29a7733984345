"""Relations between a report's actors, as sourced claims (issue 3).

:func:`find_relations` runs the dependency patterns of :mod:`claimgraph.nlp.rel_patterns`
over every sentence, keeps those whose entity types fit the predicate, drops negated and
hypothetical statements, and gives each the sentence as evidence, the speaker when it is
stated inside a quote, and its modality. Organisations whose names nest ("UN General
Assembly" in "UN") are also linked, with the first naming sentence as evidence.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span

from claimgraph.model import SYMMETRIC_PREDICATES, Entity, Quote, Relation
from claimgraph.model import Span as TextSpan
from claimgraph.nlp.lexicon import norm
from claimgraph.nlp.rel_against import against_relations
from claimgraph.nlp.rel_index import EntityIndex, ruled_out, voice
from claimgraph.nlp.rel_lexicon import words
from claimgraph.nlp.rel_patterns import (
    Found,
    fits,
    hyphen_relations,
    place_relations,
    possessive_relations,
    role_relations,
    verb_relations,
)

log = logging.getLogger(__name__)

FINDERS = (role_relations, verb_relations, hyphen_relations, place_relations, possessive_relations,
           against_relations)


def evidence(sent: Span) -> TextSpan:
    """The sentence as a text span, trailing blanks trimmed."""
    text = sent.text.rstrip()  # Span.text joins only its own tokens; Doc.text would rebuild all
    return TextSpan(sent.start_char, sent.start_char + len(text), text)


def find_relations(
    doc: Doc, entities: Sequence[Entity], quotes: Sequence[Quote], idx: EntityIndex | None = None
) -> list[Relation]:
    """Relations among ``entities`` that ``doc`` states, with evidence, source and modality."""
    idx = idx or EntityIndex(doc, entities)
    out: list[Relation] = []
    seen: set[tuple[str, str, str, str | None]] = set()

    def add(found: Found, sent: Span, by_name: bool = False) -> None:
        if not fits(idx, found.subject, found.predicate, found.object):
            return
        if not by_name and ruled_out(found.trigger, idx):
            return  # negation and hypotheticals never give a positive relation
        speaker, modality = (None, "asserted") if by_name else voice(found.trigger, quotes, idx, relation=True)
        if speaker in (found.subject, found.object) and modality == "reported":
            modality = "claimed"  # a source stating its own membership or role claims it for itself
        key = (found.subject, found.predicate, found.object, speaker)
        if key in seen or (found.predicate in SYMMETRIC_PREDICATES
                           and (found.object, found.predicate, found.subject, speaker) in seen):
            return
        seen.add(key)
        out.append(Relation(f"r{len(out) + 1}", found.subject, found.predicate, found.object,
                            evidence(sent), speaker, modality))  # fmt: skip

    mutual = words("mutual")
    for sent in doc.sents:
        if not any(i in idx.token_entity for i in range(sent.start, sent.end)):
            continue
        for finder in FINDERS:
            for found in finder(sent, idx):
                add(found, sent)
                if found.predicate == "opposes" and found.trigger.lemma_.lower() in mutual:
                    add(Found(found.object, found.predicate, found.subject, found.trigger), sent)  # a war binds both
    for found in [*nested_names(doc, entities, idx), *state_bodies(doc, entities, idx)]:
        add(found, found.trigger.sent, by_name=True)
    log.debug("%d relations among %d entities", len(out), len(entities))
    return out


def nested_names(doc: Doc, entities: Sequence[Entity], idx: EntityIndex) -> Iterator[Found]:
    """An organisation named after another one it belongs to: "UN General Assembly" and
    "Office of the UN High Commissioner" are part of the UN. The parent's name must open the
    child's name or follow its "of": "Kataeb Hezbollah" is no part of Hezbollah."""
    orgs = [e for e in entities if e.type == "ORG" and e.mentions]
    parts = words("org_parts")
    for child in orgs:
        child_forms = {norm(f) for f in [child.name, *child.aliases]}
        for parent in orgs:
            if parent.id != child.id and any(
                _nests(cf, pf, parts) for pf in {norm(f) for f in [parent.name, *parent.aliases]} - child_forms
                for cf in child_forms
            ):
                first = min(child.mentions, key=lambda m: m.start)
                span = doc.char_span(first.start, first.end, alignment_mode="expand")
                if span is not None:
                    yield Found(child.id, "part_of", parent.id, span.root)


def state_bodies(doc: Doc, entities: Sequence[Entity], idx: EntityIndex) -> Iterator[Found]:
    """A state's forces and offices named after it: "Royal Saudi Air Force", "Philippine Coast
    Guard", "Armed Forces of the Philippines", "Turkish Ministry of Foreign Affairs", "Florida
    Department of Transportation" are part of that country or state (when it is an entity). The
    body's head word ("ministry" in "Ministry of Foreign Affairs") must be one of a state's."""
    parts, movement = words("state_parts"), words("movement_words")
    places = _place_forms(entities, idx)
    for org in entities:
        name = org.name.lower().split()
        if org.type != "ORG" or not org.mentions or set(name) & movement:
            continue
        head = org.name.lower().split(" of ")[0].split()
        if not ({name[-1], head[-1]} & parts) and "armed forces" not in org.name.lower():
            continue
        first = min(org.mentions, key=lambda m: m.start)
        span = doc.char_span(first.start, first.end, alignment_mode="expand")
        if span is None:
            continue
        place = next((c for tok in span if (c := idx.country(tok)) and c != org.id and idx.is_country(c)), None)
        if place is None:  # a place's own name inside the body's: "Florida Highway Patrol"
            words_of_name = f" {norm(org.name)} "
            named = [(len(f), eid) for f, eid in places if eid != org.id and f" {f} " in words_of_name]
            place = max(named)[1] if named else None
        if place is not None:
            yield Found(org.id, "part_of", place, span.root)


def _place_forms(entities: Sequence[Entity], idx: EntityIndex) -> list[tuple[str, str]]:
    """(normalised form, entity id) of every country and state-like place of the document."""
    return [(f, e.id) for e in entities if e.type == "GPE" or idx.is_country(e.id)
            for f in idx.name_forms(e) if len(f) > 2]


def _nests(child: str, parent: str, parts: frozenset[str]) -> bool:
    """ "un general assembly" in "un"; "office of the un high commissioner" in "un"."""
    if len(parent) < 2 or child == parent:
        return False
    if child.startswith(parent + " ") or child.startswith(parent + "-"):
        rest = child[len(parent) + 1 :].split()
        return len(rest) >= 2 and rest[0] != "of" and rest[-1] in parts
    if " of " not in child or parent not in child:
        return False  # what the pattern below needs, checked without it (this runs for every pair)
    m = _of_parent(parent).match(child)
    return m is not None and m.group(1) in parts


@functools.lru_cache(maxsize=4096)
def _of_parent(parent: str) -> re.Pattern[str]:
    """ "(the) X of (the) <parent>" at the start of a name."""
    return re.compile(rf"^(?:the )?(\w+) of (?:the )?{re.escape(parent)}\b")

"""claimgraph's steps as spaCy components: each reads what the earlier ones wrote on the ``Doc``
and writes its own results there, so a user can add them to any English pipeline, replace one by
a trained component with the same ``assigns``, or serialise the annotations with the ``Doc``.

    entities   -> doc._.claimgraph_entities, doc._.claimgraph_index, doc.spans["claimgraph_mentions"]
    quotes     -> doc._.claimgraph_quotes, doc.spans["claimgraph_quotes"]
    relations  -> doc._.claimgraph_relations  (nlp/rel_scorer.py: patterns and a trained scorer)
    quantities -> doc._.claimgraph_quantities

:func:`claimgraph.extract.extract_parsed` reads an :class:`~claimgraph.model.Extraction` off the Doc.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.nlp.entities import dictionary_words, find_entities
from claimgraph.nlp.quantities import find_quantities
from claimgraph.nlp.quotes import find_quotes
from claimgraph.nlp.rel_index import EntityIndex
from claimgraph.nlp.speakers import SpeakerResolver

ENTITIES, QUOTES, QUANTITIES = "claimgraph_entities", "claimgraph_quotes", "claimgraph_quantities"
MENTION_SPANS, QUOTE_SPANS = "claimgraph_mentions", "claimgraph_quotes"
log = logging.getLogger(__name__)

for _name in ("claimgraph_entities", "claimgraph_index", "claimgraph_quotes", "claimgraph_relations",
              "claimgraph_quantities", "claimgraph_title_end", "claimgraph_error"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def guarded(step: Callable[[Doc], Doc]) -> Callable[[Doc], Doc]:
    """One bad document must not end a batch: a failing step records its error on
    ``doc._.claimgraph_error`` (the later steps skip that Doc) instead of raising inside
    ``nlp.pipe``, where spaCy would drop the Doc or stop the stream."""

    @functools.wraps(step)
    def run(doc: Doc) -> Doc:
        if doc._.claimgraph_error is not None:
            return doc
        try:
            return step(doc)
        except Exception as exc:
            name = getattr(step, "__name__", type(step).__name__)
            log.exception("%s failed", name)
            doc._.claimgraph_error = f"{name}: {exc!r}"
            return doc

    return run


def title_end(doc: Doc) -> int:
    """Where the headline ends: set by the caller who knows the title (``extract.make_doc``);
    0 (no headline) for a Doc made from bare text."""
    return int(doc._.claimgraph_title_end or 0)


@Language.factory(ENTITIES, assigns=["doc._.claimgraph_entities", "doc._.claimgraph_index",
                                     "doc.spans"])
def make_entities(nlp: Language, name: str) -> Any:
    return guarded(functools.partial(entities_component, common_words=dictionary_words(nlp)))


def entities_component(doc: Doc, common_words: frozenset[str] = frozenset()) -> Doc:
    entities = find_entities(doc, common_words, title_end(doc))
    doc._.claimgraph_entities = entities
    doc._.claimgraph_index = EntityIndex(doc, entities)
    spans = []
    for e in entities:
        for m in e.mentions:
            span = doc.char_span(m.start, m.end, label=e.type, span_id=e.id, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    doc.spans[MENTION_SPANS] = spans
    return doc


def index_of(doc: Doc) -> EntityIndex:
    if doc._.claimgraph_index is None:
        raise ValueError(f"the {ENTITIES!r} component must run before this one")
    return doc._.claimgraph_index  # type: ignore[no-any-return]


@Language.factory(QUOTES, assigns=["doc._.claimgraph_quotes", "doc.spans"],
                  requires=["doc._.claimgraph_index"])
def make_quotes(nlp: Language, name: str) -> Any:
    return quotes_component


@guarded
def quotes_component(doc: Doc) -> Doc:
    index = index_of(doc)
    quotes = find_quotes(doc, index, SpeakerResolver(doc, index), title_end=title_end(doc))
    doc._.claimgraph_quotes = quotes
    spans = [doc.char_span(q.start, q.end, label=q.kind, span_id=q.speaker or "", alignment_mode="expand")
             for q in quotes]
    doc.spans[QUOTE_SPANS] = [s for s in spans if s is not None]
    return doc


@Language.factory(QUANTITIES, assigns=["doc._.claimgraph_quantities"],
                  requires=["doc._.claimgraph_index", "doc._.claimgraph_quotes"])
def make_quantities(nlp: Language, name: str) -> Any:
    return quantities_component


@guarded
def quantities_component(doc: Doc) -> Doc:
    index = index_of(doc)
    doc._.claimgraph_quantities = find_quantities(doc, index.entity_list, doc._.claimgraph_quotes or [], index)
    return doc

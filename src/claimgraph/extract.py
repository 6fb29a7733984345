"""Document -> Extraction: entities with aliases, quotes with speakers, relations, quantities.

The same functions run in the CLI, a notebook, a web request or a worker process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from claimgraph.model import Document, Extraction

# spaCy and the components are imported where they are used: `import claimgraph` (and so every
# store command of the CLI) must not pay the second or more that loading spaCy takes.
if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

BATCH_SIZE = 32


def _as_document(item: str | Document) -> Document:
    if isinstance(item, Document):
        return item
    from claimgraph.ingest import document_from_text

    return document_from_text(item)


def extract_parsed(document: Document, doc: Doc) -> Extraction:
    """Build the extraction of a document from its parse (``doc.text == document.text``)."""
    from claimgraph.nlp.entities import EntityIndex, find_entities
    from claimgraph.nlp.quantities import find_quantities
    from claimgraph.nlp.quotes import find_quotes
    from claimgraph.nlp.rel_index import EntityIndex as TokenIndex
    from claimgraph.nlp.relations import find_relations
    from claimgraph.nlp.speakers import SpeakerResolver

    entities = find_entities(doc)
    index = EntityIndex.build(entities)
    tokens = TokenIndex(doc, entities)  # token -> entity and demonyms, built once for all steps
    title = document.title or ""
    title_end = len(title) if title and document.text.startswith(title) else 0
    quotes = find_quotes(doc, index, SpeakerResolver(doc, index, tokens), title_end=title_end)
    relations = find_relations(doc, entities, quotes, tokens)
    quantities = find_quantities(doc, entities, quotes, tokens)
    return Extraction(document, entities, quotes, relations, quantities)


def extract(item: str | Document, *, model: str | None = None, nlp: Language | None = None) -> Extraction:
    """Extract one report: a ``Document``, or raw text (cleaned as a plain-text file would be)."""
    from claimgraph.nlp.pipeline import load_pipeline

    document = _as_document(item)
    nlp = nlp or load_pipeline(model)
    return extract_parsed(document, nlp(document.text))


def extract_many(
    documents: Iterable[Document], *, model: str | None = None, nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Extraction]:
    """Extract a stream of documents in order, parsing them in batches (``nlp.pipe``)."""
    from claimgraph.nlp.pipeline import load_pipeline

    nlp = nlp or load_pipeline(model)
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_parsed(document, doc)

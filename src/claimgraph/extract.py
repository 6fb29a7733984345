"""Document -> Extraction: entities with aliases, quotes with speakers, relations, quantities.

The spaCy pipeline (:mod:`claimgraph.nlp.components`) writes every result onto the ``Doc``;
this module feeds it documents and reads an :class:`Extraction` off each ``Doc``. The same
functions run in the CLI, a notebook, a web request or a worker process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from claimgraph.errors import TOO_LARGE, ExtractionError, InputError
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
    from claimgraph.ingest.text import document_from_text

    return document_from_text(item)


def make_doc(nlp: Language, document: Document) -> Doc:
    """The unparsed Doc of a document, told where its headline ends.

    A text over the parser's limit (``nlp.max_length``) raises InputError(E106): extract such a
    text with :func:`extract`, which parses it in parts (:mod:`claimgraph.longtext`).
    """
    from claimgraph.nlp import tokens

    if len(document.text) > nlp.max_length:
        raise InputError(document.source or document.id, f"text is {len(document.text)} characters, over "
                         f"the parser's limit of {nlp.max_length}", TOO_LARGE)
    doc = tokens.make_doc(nlp, document.text)  # linear time on any text
    title = document.title or ""
    doc._.claimgraph_title_end = len(title) if title and document.text.startswith(title) else 0
    return doc


def extract_parsed(document: Document, doc: Doc) -> Extraction:
    """Read the extraction of a document off its processed Doc (``doc.text == document.text``)."""
    if doc._.claimgraph_error is not None:
        raise ExtractionError(document.source or document.id, doc._.claimgraph_error)
    if doc._.claimgraph_entities is None:
        raise ValueError("the Doc was not processed by claimgraph's components (add_claimgraph_components)")
    return Extraction(document, doc._.claimgraph_entities, doc._.claimgraph_quotes or [],
                      doc._.claimgraph_relations or [], doc._.claimgraph_quantities or [])


def extract(item: str | Document, *, model: str | None = None, nlp: Language | None = None) -> Extraction:
    """Extract one report: a ``Document``, or raw text (cleaned as a plain-text file would be)."""
    from claimgraph.nlp.pipeline import load_pipeline

    document = _as_document(item)
    nlp = nlp or load_pipeline(model)
    if len(document.text) > nlp.max_length:
        from claimgraph.longtext import extract_long

        return extract_long(document, nlp)  # parsed in parts, offsets into the whole text
    return extract_parsed(document, nlp(make_doc(nlp, document)))


def extract_many(
    documents: Iterable[Document], *, model: str | None = None, nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Extraction]:
    """Extract a stream of documents in order, processing them in batches (``nlp.pipe``)."""
    from claimgraph.nlp.pipeline import load_pipeline

    nlp = nlp or load_pipeline(model)
    pairs = ((make_doc(nlp, d), d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_parsed(document, doc)

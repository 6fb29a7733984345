"""claimgraph: turn news reports into a source-attributed knowledge graph."""

from __future__ import annotations

import logging

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.model import Document, Entity, Extraction, Quantity, Quote, Relation, Span

__all__ = [
    "ClaimgraphError",
    "Document",
    "Entity",
    "Extraction",
    "InputError",
    "Quantity",
    "Quote",
    "Relation",
    "Span",
    "extract",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> object:
    # `extract` pulls in spaCy; import it lazily so `import claimgraph` stays fast.
    if name == "extract":
        from claimgraph.extract import extract

        return extract
    raise AttributeError(name)

"""claimgraph: turn news reports into a source-attributed knowledge graph."""

from __future__ import annotations

import logging

from claimgraph.errors import ClaimgraphError, InputError

# The function shadows its module on purpose: `claimgraph.extract(text)` is the API, and
# `from claimgraph.extract import extract_many` still finds the module in sys.modules.
from claimgraph.extract import extract
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


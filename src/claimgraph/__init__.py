"""claimgraph: turn news reports into a source-attributed knowledge graph."""

from __future__ import annotations

import logging

from claimgraph.errors import ClaimgraphError, InputError

# The function shadows its module on purpose: `claimgraph.extract(text)` is the API, and
# `from claimgraph.extract import extract_many` still finds the module in sys.modules.
from claimgraph.extract import extract
from claimgraph.model import Document, Entity, Extraction, Quantity, Quote, Relation, Span

# Likewise `claimgraph.ingest(paths, store)` is the function, and
# `from claimgraph.ingest import read_documents` still finds the package in sys.modules. The
# package is imported first (it is light: its readers load on use), so that importing one of its
# modules later does not set `claimgraph.ingest` back to the package.
import claimgraph.ingest  # noqa: F401  isort: skip
from claimgraph.runner import IngestError, IngestSummary, ingest

__all__ = [
    "ClaimgraphError",
    "Document",
    "Entity",
    "Extraction",
    "IngestError",
    "IngestSummary",
    "InputError",
    "Quantity",
    "Quote",
    "Relation",
    "Span",
    "extract",
    "ingest",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


"""The store: many reports' extractions in SQLite or PostgreSQL, resolved into one graph.

``open_store(path_or_url)`` opens (and creates or migrates) a store; ``Store.add(extraction)``
writes one document in one transaction; the ``Store`` views answer the questions of the CLI.
"""

from __future__ import annotations

from claimgraph.store.store import Store, open_store
from claimgraph.store.writer import AddResult

__all__ = ["AddResult", "Store", "open_store"]

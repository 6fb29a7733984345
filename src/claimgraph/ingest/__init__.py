"""Reading reports (text, HTML, JSON Lines, WARC, feeds; files, folders, stdin) into `Document`s.

The readers load on first use (PEP 562): importing the package stays cheap, so `import
claimgraph` (and every query command) does not load trafilatura.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

logging.getLogger(__name__).addHandler(logging.NullHandler())

_WHERE = {
    "document_from_html": "claimgraph.ingest.html",
    "document_from_text": "claimgraph.ingest.text",
    "read_documents": "claimgraph.ingest.sources",
}
__all__ = ["document_from_html", "document_from_text", "read_documents"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

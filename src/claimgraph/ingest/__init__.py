"""Reading reports (text, HTML, JSON Lines; files, folders, stdin) into `Document`s."""

from __future__ import annotations

import logging

from claimgraph.ingest.html import document_from_html
from claimgraph.ingest.sources import read_documents
from claimgraph.ingest.text import document_from_text

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["document_from_html", "document_from_text", "read_documents"]

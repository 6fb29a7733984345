"""An HTML page to a `Document`: trafilatura finds the main text and the page's metadata.

trafilatura drops the page's navigation, header, footer and asides; its text then goes through
the same plain-text cleaning as a pasted page, for the furniture that sits inside the article
element (share bars, captions, "Read more" lists).
"""

from __future__ import annotations

import logging
import re
from typing import Any

import trafilatura

from claimgraph.errors import EMPTY, InputError
from claimgraph.ingest import metadata as md
from claimgraph.ingest.decode import decode_bytes
from claimgraph.ingest.text import clean_page
from claimgraph.model import Document

log = logging.getLogger(__name__)

AUTHOR_SEPARATOR = re.compile(r"\s*(?:;|\||,\s*and\s|\band\b)\s*")


def document_from_html(html: str | bytes, source: str | None = None) -> Document:
    """A `Document` from an HTML page; raises InputError(EMPTY) when the page has no main text."""
    name = source or "<html>"
    if isinstance(html, bytes):
        html = decode_bytes(html, name)
    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    # A plain dict whatever trafilatura returns (its Document, or None for an empty page).
    found: dict[str, Any] = (
        extracted if isinstance(extracted, dict) else extracted.as_dict() if extracted is not None else {}
    )
    body = found.get("text") or trafilatura.html2txt(html) or ""
    page = clean_page(body, title=found.get("title") or None, unwrap=False)
    if not page.paragraphs:
        raise InputError(name, "no article text in the HTML page", EMPTY)
    authors = _authors(found.get("author")) or page.authors
    url = found.get("url") or None
    sitename = found.get("sitename") or None
    return Document(
        text=page.text,
        source=source,
        title=page.title,
        authors=authors,
        publisher=sitename or page.publisher or md.publisher_from_url(url),
        published=md.normalise_date(found.get("date")) or page.published,
        url=url,
    )


def _authors(value: str | None) -> list[str]:
    """trafilatura's author field ("Jane Doe; John Roe") as a list of names."""
    if not value:
        return []
    return [name.strip() for name in AUTHOR_SEPARATOR.split(value) if name.strip()]

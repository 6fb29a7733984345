"""An HTML page to a `Document`: trafilatura finds the main text and the page's metadata.

trafilatura (its precise setting, tables kept; its default when the precise one finds almost
nothing, or a short box that the default's text outnumbers three times: a comment policy under
the story) drops the page's navigation, header, footer and asides. Its text then goes through the
plain-text cleaning for the furniture that sits inside the article element (share bars,
captions, "Read more" lists), but not the search for the article among the page nor the rule
on repeated lines: trafilatura's result is kept unless a line rule is sure, and a repeated
block in it (two tables with the same rows) is the article's.
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

MIN_WORDS = 50  # below this, trafilatura's precise setting is taken to have missed the article
# Under this many words the precise setting's text may be a box the page keeps beside the article (a
# comment policy, a sign-up call): trafilatura's default is read too, and taken when it finds
# several times as many words (the article the precise setting passed over).
SHORT_WORDS = 200
MORE_WORDS = 3
AUTHOR_SEPARATOR = re.compile(r"\s*(?:;|\||,\s*and\s|\band\b)\s*")


def document_from_html(html: str | bytes, source: str | None = None) -> Document:
    """A `Document` from an HTML page; raises InputError(EMPTY) when the page has no main text."""
    name = source or "<html>"
    if isinstance(html, bytes):
        html = decode_bytes(html, name)
    found = _extract(html, favor_precision=True)
    words = len((found.get("text") or "").split())
    if words < SHORT_WORDS:
        default = _extract(html, favor_precision=False)
        if words < MIN_WORDS or len((default.get("text") or "").split()) >= MORE_WORDS * words:
            # The precise setting found (almost) nothing, or a box beside the article: the default finds it.
            found = default or found
    body = found.get("text") or trafilatura.html2txt(html) or ""
    title = md.headline_without_site(found.get("title") or "", found.get("sitename")) or None
    page = clean_page(body, title=title, unwrap=False, locate=False)
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


def _extract(html: str, *, favor_precision: bool) -> dict[str, Any]:
    """trafilatura's main text and metadata as a plain dict ({} for an empty page). Tables are
    kept (they can be the article), comments are not; repeated text is the article's own."""
    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_precision=favor_precision,
        deduplicate=False,
    )
    if extracted is None:
        return {}
    return extracted if isinstance(extracted, dict) else extracted.as_dict()


def _authors(value: str | None) -> list[str]:
    """trafilatura's author field ("Jane Doe; John Roe") as a list of names."""
    if not value:
        return []
    return [name.strip() for name in AUTHOR_SEPARATOR.split(value) if name.strip()]

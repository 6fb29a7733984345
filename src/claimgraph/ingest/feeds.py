"""RSS and Atom feeds saved to disk (``.rss``, ``.atom``, ``.xml``): each entry a report, with its
title, link, date and author from the feed and its text from the entry's content or summary."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import trafilatura

from claimgraph.errors import EMPTY, MALFORMED, InputError
from claimgraph.ingest.text import document_from_text
from claimgraph.model import Document

log = logging.getLogger(__name__)


def iter_feed(data: bytes, path: str) -> Iterator[Document | InputError]:
    """A `Document` per entry, an `InputError` naming ``PATH#ENTRY`` per entry with no text."""
    import feedparser  # type: ignore[import-untyped]

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f"not an RSS or Atom feed ({feed.bozo_exception})" if feed.bozo else "a feed with no entries"
        yield InputError(path, reason, MALFORMED if feed.bozo else EMPTY)
        return
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{path}#{number}"
        link = entry.get("link") or None
        try:
            doc = document_from_text(
                _text(entry), link or where, title=entry.get("title") or None,
                published=entry.get("published") or entry.get("updated") or None, url=link,
            )
        except InputError as exc:
            yield InputError(where, exc.reason, exc.code)
            continue
        if entry.get("author"):
            doc.authors = [entry["author"]]
        yield doc


def _text(entry: Any) -> str:
    """The entry's fullest text: its content, else its summary, HTML made plain text."""
    parts = [c.get("value", "") for c in entry.get("content") or []] or [entry.get("summary", "")]
    html = "\n".join(p for p in parts if p)
    if "<" not in html:
        return html
    return trafilatura.html2txt("<html><body>" + html + "</body></html>") or ""

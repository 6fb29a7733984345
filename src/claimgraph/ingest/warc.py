"""WARC files (``.warc``, ``.warc.gz``): each HTML response or resource a report, through the HTML
ingest, read record by record with warcio so an archive of any size passes in constant memory."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import IO

from claimgraph.errors import EMPTY, MALFORMED, TOO_LARGE, InputError
from claimgraph.ingest.html import document_from_html
from claimgraph.model import Document

log = logging.getLogger(__name__)

PAGE_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(stream: IO[bytes], path: str, max_bytes: int) -> Iterator[Document | InputError]:
    """A `Document` per HTML page in the archive, an `InputError` naming ``PATH#RECORD`` per bad one."""
    from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
    from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

    pages = 0
    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            if record.rec_type not in ("response", "resource"):
                continue
            mime = _content_type(record)
            if not mime.startswith(PAGE_TYPES):
                continue
            pages += 1
            where = f"{path}#{number}"
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield InputError(where, f"page is over the limit of {max_bytes} bytes", TOO_LARGE)
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            try:
                doc = document_from_html(body, uri or where)
            except InputError as exc:
                yield InputError(where, exc.reason, exc.code)
                continue
            doc.url = doc.url or uri
            yield doc
    except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
        yield InputError(f"{path}#{number + 1}", f"not a valid WARC record ({exc})", MALFORMED)
        return
    if pages == 0:
        yield InputError(path, "no HTML pages in the WARC file", EMPTY)


def _content_type(record: object) -> str:
    headers = getattr(record, "http_headers", None)
    value = headers.get_header("Content-Type") if headers else None
    if value is None:
        value = record.rec_headers.get_header("Content-Type")  # type: ignore[attr-defined]
    return (value or "").split(";", 1)[0].strip().lower()

"""JSON Lines reports (one object per line with "text" and optional "title", "url", "date",
"authors", "publisher"), streamed line by line so a file of any size reads in constant memory."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import IO, Any

from claimgraph.errors import EMPTY, MALFORMED, TOO_LARGE, UNDECODABLE, InputError
from claimgraph.ingest import metadata as md
from claimgraph.ingest.text import document_from_text
from claimgraph.model import Document

log = logging.getLogger(__name__)

DRAIN_CHUNK = 1 << 16
# What a JSON string may hold that no text can: lone surrogates ("\\ud800" has no UTF-8 form)
# and NUL ("\\u0000", which PostgreSQL's text type refuses).
_UNSTORABLE = re.compile("[\\ud800-\\udfff\\x00]")


def read_lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """Each line of the stream, or None for a line longer than ``max_bytes`` (skipped unread)."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(DRAIN_CHUNK)) and not rest.endswith(b"\n"):
                pass  # drop the rest of the over-long line without holding it
            yield None
        else:
            yield line


def iter_jsonl(stream: IO[bytes], path: str, max_bytes: int) -> Iterator[Document | InputError]:
    """A `Document` per good line, an `InputError` naming ``PATH#LINE`` per bad one."""
    records = 0
    for number, line in enumerate(read_lines(stream, max_bytes), start=1):
        where = f"{path}#{number}"
        if line is None:
            yield InputError(where, f"line longer than {max_bytes} bytes", TOO_LARGE)
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if line.strip():
            records += 1
            yield document_from_record(line, where)
    if records == 0:
        yield InputError(path, "no JSON Lines records", EMPTY)


def document_from_record(line: bytes | str, where: str) -> Document | InputError:
    """One JSON Lines record to a `Document`, or the `InputError` that says why it cannot be one."""
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        return InputError(where, "line is not UTF-8 text", UNDECODABLE)
    except json.JSONDecodeError as exc:
        return InputError(where, f"not valid JSON ({exc.msg}, column {exc.colno})", MALFORMED)
    except RecursionError:
        return InputError(where, "not valid JSON (nested too deep)", MALFORMED)
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        return InputError(where, f"not valid JSON ({exc})", MALFORMED)
    if not isinstance(record, dict):
        return InputError(where, f"a JSON {type(record).__name__}, not an object", MALFORMED)
    text = record.get("text")
    if not isinstance(text, str):
        return InputError(where, 'no "text" string in the object', MALFORMED)
    record = {k: storable(v) if isinstance(v, str) else v for k, v in record.items()}
    text = record["text"]
    url = _string(record.get("url"))
    try:
        doc = document_from_text(
            text,
            url or where,
            title=_string(record.get("title")),
            published=_string(record.get("date") or record.get("published")),
            url=url,
        )
    except InputError as exc:
        return InputError(where, exc.reason, exc.code)
    authors = record.get("authors") or record.get("author")
    if isinstance(authors, str):
        authors = md.names_in(authors) or [authors]
    if isinstance(authors, list) and all(isinstance(a, str) for a in authors):
        doc.authors = [storable(a).strip() for a in authors if a.strip()]
    doc.publisher = _string(record.get("publisher")) or doc.publisher
    return doc


def storable(value: str) -> str:
    """The string with lone surrogates made U+FFFD and NUL characters dropped."""
    if not _UNSTORABLE.search(value):
        return value
    return _UNSTORABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", value)


def _string(value: Any) -> str | None:
    """A non-empty string field, else None (numbers and nulls in the wild are ignored)."""
    return value.strip() if isinstance(value, str) and value.strip() else None

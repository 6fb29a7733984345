"""Paths, folders and stdin to a stream of `Document`s and `InputError`s, in input order.

A bad file (or a bad JSON Lines line) gives an `InputError` and reading goes on with the next.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from typing import IO, BinaryIO, Literal

from claimgraph.errors import EMPTY, MISSING, TOO_LARGE, InputError
from claimgraph.ingest.decode import decode_bytes
from claimgraph.ingest.feeds import iter_feed
from claimgraph.ingest.html import document_from_html
from claimgraph.ingest.jsonl import iter_jsonl
from claimgraph.ingest.text import document_from_text
from claimgraph.ingest.warc import iter_warc
from claimgraph.model import Document
from claimgraph.settings import MAX_BYTES

log = logging.getLogger(__name__)

Kind = Literal["text", "html", "jsonl", "jsonl.gz", "warc", "feed"]
EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl.gz",
    ".ndjson.gz": "jsonl.gz",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
STREAMED: tuple[Kind, ...] = ("jsonl", "jsonl.gz", "warc")  # read record by record, any size
SNIFF_BYTES = 1 << 16
MARKUP = re.compile(r"<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<(?:!doctype\s+)?html|<head[\s>]|<body[\s>]", re.IGNORECASE)
TAG = re.compile(r"</?(?:p|div|span|a|article|section|h[1-6]|br|li|ul|title|meta|script|body|head)\b[^>]*>", re.IGNORECASE)


def read_documents(
    paths: Sequence[str], *, stdin: BinaryIO | None = None, max_bytes: int | None = None
) -> Iterator[Document | InputError]:
    """Each report in the files, folders (recursively, sorted) and ``-`` (stdin) named, in order."""
    limit = max_bytes if max_bytes is not None else int(MAX_BYTES.get())
    for path in paths:
        if path == "-":
            yield from _read_stream(stdin if stdin is not None else sys.stdin.buffer, "-", limit)
        elif os.path.isdir(path):
            yield from _read_folder(path, limit)
        elif os.path.isfile(path):
            yield from _read_file(path, kind_of(path), limit)
        elif os.path.exists(path) and not stat.S_ISDIR(os.stat(path).st_mode):
            # A pipe or device named on the command line, e.g. bash's <(command): read it like
            # stdin, never more than the limit (/dev/zero ends as "over the limit").
            with open(path, "rb") as stream:
                yield from _read_stream(stream, display_name(path), limit)
        else:
            yield InputError(display_name(path), "no such file or folder", MISSING)


def kind_of(path: str) -> Kind | None:
    """The kind of input a file name says it is (``.jsonl.gz``, ``.warc.gz`` included)."""
    name = os.path.basename(path).lower()
    for ext in sorted(EXTENSIONS, key=len, reverse=True):
        if name.endswith(ext) and len(name) > len(ext):
            return EXTENSIONS[ext]
    return None


def display_name(path: str) -> str:
    """A path as text that can be printed and stored: a file name that is not UTF-8 (which
    Python holds as lone surrogates) shows its undecodable bytes as ``\\xNN``."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def folder_files(folder: str) -> list[str]:
    """Paths relative to ``folder`` of the reports in it: known extensions, no hidden files."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and kind_of(name):
                found.append(os.path.relpath(os.path.join(root, name), folder))
    return sorted(found, key=lambda rel: rel.split(os.sep))


def _read_folder(folder: str, limit: int) -> Iterator[Document | InputError]:
    files = folder_files(folder)
    if not files:
        yield InputError(display_name(folder), "folder holds no reports (.txt, .html, .jsonl, .warc, .rss ...)", EMPTY)
    for rel in files:
        path = os.path.join(folder, rel)
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:  # a dangling link, or gone since the listing
            yield InputError(display_name(path), f"cannot read ({exc.strerror or exc})", MISSING)
            continue
        if not stat.S_ISREG(mode):
            # Opening a FIFO blocks until a writer comes; /dev/zero never ends. In a folder, only
            # regular files are reports.
            yield InputError(display_name(path), f"not a regular file ({_kind_of(mode)})", MISSING)
            continue
        yield from _read_file(path, kind_of(path), limit)


def _kind_of(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a file"


def _read_file(path: str, kind: Kind | None, limit: int) -> Iterator[Document | InputError]:
    name = display_name(path)
    try:
        with open(path, "rb") as stream:
            if kind is None:
                head = stream.read(SNIFF_BYTES)
                kind = sniff(head)
                stream.seek(0)
            if kind == "jsonl":
                yield from iter_jsonl(stream, name, limit)
                return
            if kind == "jsonl.gz":
                with gzip.open(stream) as unzipped:
                    yield from iter_jsonl(unzipped, name, limit)  # type: ignore[arg-type]
                return
            if kind == "warc":
                yield from iter_warc(stream, name, limit)
                return
            size = os.fstat(stream.fileno()).st_size
            if size > limit:
                yield InputError(name, f"file is {size} bytes, over the limit of {limit}", TOO_LARGE)
                return
            data = stream.read(limit + 1)  # never more than the limit, whatever the size said
            if len(data) > limit:
                yield InputError(name, f"file is over the limit of {limit} bytes", TOO_LARGE)
                return
    except (OSError, EOFError) as exc:  # EOFError, gzip.BadGzipFile: a damaged .gz
        yield InputError(name, f"cannot read ({getattr(exc, 'strerror', None) or exc})", MISSING)
        return
    if kind == "feed":
        yield from iter_feed(data, name)
        return
    yield _document(data, name, kind)


def _read_stream(stream: IO[bytes], name: str, limit: int) -> Iterator[Document | InputError]:
    """stdin or a pipe: sniffed from its first bytes, JSON Lines streamed, the rest read whole."""
    head = stream.read(SNIFF_BYTES) or b""
    kind = sniff(head)
    if kind == "jsonl":
        yield from iter_jsonl(io.BufferedReader(Prefixed(head, stream)), name, limit)
        return
    data = head + (stream.read(limit + 1 - len(head)) if len(head) <= limit else b"")
    if len(data) > limit:
        yield InputError(name, f"input is over the limit of {limit} bytes", TOO_LARGE)
        return
    yield _document(data, name, kind)


def _document(data: bytes, path: str, kind: Kind) -> Document | InputError:
    try:
        text = decode_bytes(data, path)
        if kind == "html":
            return document_from_html(text, path)
        return document_from_text(text, path)
    except InputError as exc:
        return exc


def sniff(head: bytes) -> Kind:
    """HTML if it looks like markup, JSON Lines if every complete line is a JSON object, else text."""
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if MARKUP.match(text) or (text.startswith("<") and len(TAG.findall(text[:8192])) >= 3):
        return "html"
    lines = text.splitlines()
    if len(head) >= SNIFF_BYTES and not head.endswith(b"\n"):
        if len(lines) == 1:  # one line longer than the sniffed bytes
            return "jsonl" if re.match(r'\{\s*"', text) else "text"
        lines = lines[:-1]  # cut off mid-line
    lines = [line for line in lines if line.strip()]
    return "jsonl" if lines and all(_is_object(line) for line in lines) else "text"


def _is_object(line: str) -> bool:
    line = line.strip()
    if not (line.startswith("{") and line.endswith("}")):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):  # RecursionError: nested thousands deep
        return False


class Prefixed(io.RawIOBase):
    """A byte stream that first replays the bytes already read from it for sniffing."""

    def __init__(self, prefix: bytes, stream: IO[bytes]) -> None:
        self._prefix = memoryview(prefix)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        read1 = getattr(self._stream, "read1", self._stream.read)
        data = read1(len(buffer))
        buffer[: len(data)] = data
        return len(data)

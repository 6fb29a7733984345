"""JSON Lines: the shared corpus read through read_documents, bad lines among good ones, streaming."""

from __future__ import annotations

import io
import json
import re
from typing import Any

from claimgraph.errors import EMPTY, MALFORMED, TOO_LARGE, InputError
from claimgraph.ingest import read_documents
from claimgraph.ingest.jsonl import document_from_record, iter_jsonl, read_lines
from claimgraph.model import Document
from tests.ingest.conftest import CORPUS, INGEST, body_paragraphs


def test_jsonl_corpus_every_record_is_a_document(corpus: list[dict[str, Any]]) -> None:
    docs = list(read_documents([str(CORPUS)]))
    assert len(docs) == len(corpus)
    lost = []
    for doc, row in zip(docs, corpus):
        if not body_paragraphs(row["text"]):  # a record with a date line and nothing else
            assert isinstance(doc, InputError) and doc.code == EMPTY
            continue
        assert isinstance(doc, Document)
        assert doc.source == row["url"] and doc.url == row["url"]
        assert doc.title == row["title"] and doc.text.startswith(row["title"] + "\n\n")
        assert doc.published == row["date"]
        assert doc.publisher  # from the url's site when the record names none
        first_line = row["text"].strip().splitlines()[0].strip()
        if re.fullmatch(r"\w+day, \w+ \d{1,2}, \d{4}", first_line):
            assert first_line not in doc.text  # the leading date line is metadata
        lost += [p[:50] for p in body_paragraphs(row["text"]) if p not in doc.text]
    # Gallery captions with photo credits ("Dakota, a deer. Image: Nicholas Moreau.") may go; prose may not.
    assert [p for p in lost if "Image:" not in p and len(p.split()) >= 12] == []


def test_jsonl_bad_lines_do_not_stop_the_good_ones(corpus_by_url: dict[str, dict[str, Any]]) -> None:
    path = str(INGEST / "mixed.jsonl")
    out = list(read_documents([path]))
    docs = [o for o in out if isinstance(o, Document)]
    errors = [o for o in out if isinstance(o, InputError)]
    assert len(docs) == 3 and len(errors) == 3
    assert [e.code for e in errors] == [MALFORMED] * 3
    assert [type(o).__name__ for o in out] == ["Document", "InputError", "Document", "InputError", "InputError", "Document"]
    assert errors[0].path == f"{path}#2" and "\n" not in str(errors[0])
    assert docs[0].source in corpus_by_url and docs[1].source in corpus_by_url
    assert docs[2].source == f"{path}#7" and docs[2].url is None  # no url: PATH#LINE


def test_jsonl_line_over_max_bytes_is_too_large(corpus: list[dict[str, Any]]) -> None:
    small, big = corpus[2], corpus[30]
    data = (json.dumps(small) + "\n" + json.dumps(big) + "\n" + json.dumps(small) + "\n").encode()
    limit = len(json.dumps(small).encode()) + 10
    out = list(iter_jsonl(io.BytesIO(data), "feed.jsonl", limit))
    assert [o.code if isinstance(o, InputError) else "doc" for o in out] == ["doc", TOO_LARGE, "doc"]


def test_jsonl_read_lines_never_holds_an_over_long_line() -> None:
    class Guard(io.BytesIO):
        def readline(self, size: int | None = -1) -> bytes:
            assert size is not None and 0 < size <= 1 << 16, "readline without a size limit"
            return super().readline(size)

    stream = Guard(b'{"text": "a"}\n' + b"x" * 1_000_000 + b"\n" + b'{"text": "b"}\n')
    lines = list(read_lines(stream, 100))
    assert lines[0] == b'{"text": "a"}\n' and lines[1] is None and lines[2] == b'{"text": "b"}\n'


def test_jsonl_is_streamed_one_record_at_a_time(corpus: list[dict[str, Any]]) -> None:
    class Endless(io.RawIOBase):
        """The same record forever: reading it whole would never end."""

        def __init__(self, record: bytes) -> None:
            self.record, self.served = record, 0

        def readable(self) -> bool:
            return True

        def readinto(self, buf: Any) -> int:
            assert self.served < 1 << 20, "read far past the first records"
            start = self.served % len(self.record)
            chunk = self.record[start : start + len(buf)]
            buf[: len(chunk)] = chunk
            self.served += len(chunk)
            return len(chunk)

    first = (json.dumps(corpus[2]) + "\n").encode()
    stream = io.BufferedReader(Endless(first))
    gen = read_documents(["-"], stdin=stream)
    doc = next(gen)
    assert isinstance(doc, Document) and doc.title == corpus[2]["title"]


def test_jsonl_no_records_is_empty(tmp_path: Any) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    (err,) = list(read_documents([str(path)]))
    assert isinstance(err, InputError) and err.code == EMPTY


def test_jsonl_record_fields_authors_and_publisher(corpus: list[dict[str, Any]]) -> None:
    row = {**corpus[109], "authors": ["Hannah Pearce", "Tom Ashworth"], "publisher": "Wikinews"}
    doc = document_from_record(json.dumps(row), "feed.jsonl#1")
    assert isinstance(doc, Document)
    assert doc.authors == ["Hannah Pearce", "Tom Ashworth"] and doc.publisher == "Wikinews"
    assert doc.source == row["url"] and doc.published == row["date"]
    bare = document_from_record(json.dumps({"text": corpus[109]["text"]}), "feed.jsonl#2")
    assert isinstance(bare, Document) and bare.source == "feed.jsonl#2" and bare.url is None
    assert bare.published == row["date"]  # from the text's own date line

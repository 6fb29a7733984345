"""Fuzzing ingest and extraction (issue #10): any bytes in any input kind give Documents or one-line
InputErrors, any JSON Lines record gives a Document or an InputError, and any text extracts with
every offset inside it. CI runs a bounded round (a few seconds); `bench/fuzz.py` runs a long one
(``CLAIMGRAPH_FUZZ_EXAMPLES``). What a long round finds becomes a test in test_hostile.py."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph import Document, InputError, extract
from claimgraph.ingest import read_documents
from claimgraph.ingest.jsonl import document_from_record
from tests.conftest import CORPUS

EXAMPLES = int(os.environ.get("CLAIMGRAPH_FUZZ_EXAMPLES", "20"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

with CORPUS.open(encoding="utf-8") as _f:
    _PARAGRAPHS = [p for _, line in zip(range(30), _f, strict=False) for p in json.loads(line)["text"].split("\n")
                   if len(p) > 60]

# real sentences, cut and spliced with what an adversary sends: brackets, quotes, controls, odd scripts
_HOSTILE = st.sampled_from([")" * 3000, "(" * 500, '"' * 101, "\u201c" * 50, "\x00", "\ufeff", "\u202e",
                            "\r", "\x0b\x0c", "<p>", "]]>", "&#0;", "\\ud800", "9" * 5000, "{" * 200, "\U0001F4A5"])
_PIECE = st.one_of(st.sampled_from(_PARAGRAPHS), _HOSTILE, st.text(max_size=60))
_TEXT = st.lists(_PIECE, min_size=1, max_size=8).flatmap(lambda ps: st.sampled_from([" ", "\n", "\n\n", ""]).map(
    lambda sep: sep.join(ps)))
_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                     max_leaves=20)
_KINDS = (".txt", ".html", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz", ".rss", "")


@FUZZ
@given(_TEXT, st.sampled_from(_KINDS), st.sampled_from(["utf-8", "utf-16-le", "utf-16", "latin-1", "raw"]))
def test_fuzz_any_file_reads_as_documents_or_one_line_errors(text: str, kind: str, encoding: str) -> None:
    data = text.encode("utf-8", "surrogatepass") if encoding == "raw" else text.encode(encoding, "replace")
    if kind.endswith(".gz"):
        data = gzip.compress(data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{kind}"
        path.write_bytes(data)
        for item in read_documents([str(path), folder]):
            assert isinstance(item, (Document, InputError))
            if isinstance(item, InputError):
                assert "\n" not in str(item)
                str(item).encode("utf-8")
            else:
                item.text.encode("utf-8")


@FUZZ
@given(st.dictionaries(st.sampled_from(["text", "title", "url", "date", "authors", "publisher", "x"]), _JSON)
       | _JSON, _TEXT)
def test_fuzz_any_json_lines_record_is_a_document_or_an_error(record: object, text: str) -> None:
    if isinstance(record, dict) and "text" in record and not isinstance(record["text"], str):
        record["text"] = text
    line = json.dumps(record)
    result = document_from_record(line, "fuzz#1")
    assert isinstance(result, (Document, InputError))
    if isinstance(result, Document):
        result.text.encode("utf-8")


@FUZZ
@given(_TEXT)
def test_fuzz_any_text_extracts_with_offsets_inside_it(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    text = text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")
    if not text.strip():
        return
    ex = extract(Document(text), nlp=nlp)
    n = len(text)
    for entity in ex.entities:
        assert all(0 <= m.start <= m.end <= n and text[m.start:m.end] == m.text for m in entity.mentions)
    assert all(0 <= q.start <= q.end <= n for q in ex.quotes)

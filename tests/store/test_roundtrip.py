"""Property tests: whatever text goes into the store comes out equal, offsets included."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.model import Document, Entity, Extraction, Quote, Span
from claimgraph.store import open_store
from claimgraph.store.names import norm

# Any text a report may hold, surrogates aside (they cannot be encoded as UTF-8 at all).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=300)


@settings(max_examples=30, deadline=None)
@given(body=TEXT, cut=st.tuples(st.integers(0, 300), st.integers(0, 300)), name=TEXT)
def test_roundtrip_text_and_offsets_come_back_equal(body: str, cut: tuple[int, int], name: str) -> None:
    start, end = sorted(min(c, len(body)) for c in cut)
    doc = Document(body, title=name, published="2020-01-05", url="https://example.org/a")
    ex = Extraction(
        doc,
        [Entity("e1", name, "PERSON", [name.upper()], [Span(start, end, body[start:end])])],
        [Quote("q1", body[start:end], start, end, "direct", "e1")],
    )
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "s.db") as store:
        assert store.add(ex).status == "added"
        (stored,) = store.iter_documents()
        assert (stored.id, stored.title, stored.url) == (doc.id, name, doc.url)
        (quote,) = store.iter_quotes()
        assert (quote.text, quote.start, quote.end, quote.speaker) == (
            body[start:end],
            start,
            end,
            f"{doc.id}:e1",
        )
        (entity,) = store.iter_entities()
        assert entity.name == name
        store.search(name)  # any words at all are a valid search
        store.quotes(search=body)


@settings(deadline=None)  # no timing: a loaded CI machine took 0.64 s for one example
@given(TEXT)
def test_roundtrip_names_normalise_once(name: str) -> None:
    assert norm(norm(name)) == norm(name)

"""Properties of document_from_text: layout invariants on any input, stable on its own output."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.errors import EMPTY, InputError
from claimgraph.ingest import document_from_text
from claimgraph.model import Document

# Lines mixing words, furniture-like fragments and odd whitespace, joined by any line ending.
_LINE = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=80),
    st.sampled_from(["Share on Facebook", "Related news", "Sources", "____", "By Jane Doe", "29 September 2019",
                     "Image: Jane Doe.", "Privacy policy · Terms", "Main Page", "  ", "\t"]),
    st.lists(st.sampled_from(["Police", "said", "the", "fire", "killed", "five", "people", "on", "Sunday."]),
             min_size=3, max_size=40).map(" ".join),
)
_TEXT = st.lists(_LINE, max_size=25).flatmap(
    lambda lines: st.sampled_from(["\n", "\r\n", "\r", "\n\n"]).map(lambda eol: eol.join(lines))
)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_properties_layout_holds_for_any_text(raw: str) -> None:
    try:
        doc = document_from_text(raw, "any.txt")
    except InputError as err:
        assert err.code == EMPTY
        return
    assert doc.text and doc.text == doc.text.strip()
    assert "\r" not in doc.text and "\n\n\n" not in doc.text
    assert not re.search(r"[ \t]+\n", doc.text)
    if doc.title:
        assert doc.text == doc.title or doc.text.startswith(doc.title + "\n\n")


def test_properties_cleaning_is_stable_on_its_own_output(corpus: list[dict[str, Any]]) -> None:
    unstable = []
    for row in corpus[::3]:
        try:
            doc = document_from_text(row["text"], title=row["title"])
        except InputError:
            continue
        again: Document = document_from_text(doc.text)
        if (again.text, again.title) != (doc.text, doc.title):
            unstable.append(row["title"])
    assert unstable == []

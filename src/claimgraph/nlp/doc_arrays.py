"""A parsed Doc's token attributes as plain lists of ints, read once per Doc.

Visiting a token through ``doc[i]`` builds a ``Token`` object each time; a step that only needs
to know which tokens to look at (a "-", an "against", where each token's head is) reads these
lists and builds the few tokens it keeps.
"""

from __future__ import annotations

import weakref

import numpy
from spacy.tokens import Doc

_COLUMNS: weakref.WeakKeyDictionary[Doc, dict[str, list[int]]] = weakref.WeakKeyDictionary()


def column(doc: Doc, attr: str) -> list[int]:
    """Every token's value of a spaCy attribute ("ORTH", "LOWER": string ids), kept per Doc."""
    columns = _COLUMNS.get(doc)
    if columns is None:
        columns = _COLUMNS[doc] = {}
    found = columns.get(attr)
    if found is None:
        found = columns[attr] = [int(x) for x in doc.to_array(attr).tolist()]
    return found


def heads(doc: Doc) -> list[int]:
    """Every token's head, as an index (a root is its own head), kept per Doc."""
    columns = _COLUMNS.get(doc)
    found = columns.get("_heads") if columns is not None else None
    if found is None:
        rel = doc.to_array("HEAD").astype(numpy.int64)  # offsets to the head, stored unsigned
        found = (numpy.arange(len(doc), dtype=numpy.int64) + rel).tolist()
        _COLUMNS.setdefault(doc, {})["_heads"] = found
    return found


def positions(doc: Doc, attr: str, value: str, start: int, end: int) -> list[int]:
    """The tokens in [start, end) whose ``attr`` ("ORTH", "LOWER") is the string ``value``."""
    key = doc.vocab.strings[value]  # the string's id, stored or not
    col = column(doc, attr)
    return [i for i in range(start, end) if col[i] == key]


def positions_of(doc: Doc, attr: str, values: frozenset[str], start: int, end: int) -> list[int]:
    """The tokens in [start, end) whose ``attr`` ("LOWER") is one of the strings ``values``, in order."""
    keys = {doc.vocab.strings[v] for v in values}
    col = column(doc, attr)
    return [i for i in range(start, end) if col[i] in keys]

"""Hand-built extractions of real corpus reports, for store tests that must not wait on the NLP.

Offsets are found in the real text, so every span points where the words really are.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from claimgraph.model import Document, Entity, Extraction, Quantity, Quote, Relation, Span
from tests.conftest import CORPUS

# Corpus line numbers of the reports used here (the Soleimani strike and its aftermath).
STRIKE, VOTE, FUNERAL = 172, 173, 174


@cache
def corpus_row(n: int) -> dict[str, Any]:
    with CORPUS.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i == n:
                return dict(json.loads(line))
    raise IndexError(n)


def span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(start, start + len(words), words)


def document(n: int, text: str | None = None) -> Document:
    row = corpus_row(n)
    body = text if text is not None else f"{row['title']}\n\n{row['text']}"
    return Document(body, source=row["url"], title=row["title"], published=row["date"], url=row["url"])


def entity(doc: Document, eid: str, name: str, type_: str, aliases: tuple[str, ...] = ()) -> Entity:
    mentions = []
    for form in (name, *aliases):  # whole words only: 'Iraq' is not mentioned in 'Iraqi'
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", doc.text):
            mentions.append(Span(m.start(), m.end(), form))
    return Entity(eid, name, type_, list(aliases), sorted(mentions, key=lambda m: m.start))


def strike(text: str | None = None) -> Extraction:
    """Report 172: the US strike that killed Soleimani."""
    doc = document(STRIKE, text)
    t = doc.text
    ents = [
        entity(doc, "e1", "Qasem Soleimani", "PERSON", ("Soleimani",)),
        entity(doc, "e2", "Quds Force", "ORG"),
        entity(doc, "e3", "Adil Abdul-Mahdi", "PERSON"),
        entity(doc, "e4", "Iraq", "GPE"),
        entity(doc, "e5", "Islamic Revolutionary Guard Corps", "ORG", ("IRGC",)),
        entity(doc, "e6", "United States Department of Defense", "ORG"),
    ]
    quote = span(t, "an aggression on Iraq as a state, government and people")
    return Extraction(
        doc,
        ents,
        quotes=[
            Quote("q1", quote.text, quote.start, quote.end, "direct", "e3", "Adil Abdul-Mahdi", "calling")
        ],
        relations=[
            Relation("r1", "e1", "leader_of", "e2", span(t, "Qasem Soleimani, head of Iran's Quds Force")),
            Relation(
                "r2", "e3", "leader_of", "e4", span(t, "Adil Abdul-Mahdi, the acting Prime Minister of Iraq")
            ),
            Relation(
                "r3",
                "e2",
                "part_of",
                "e5",
                span(t, "The Iranian Revolutionary Guard Corps (IRGC), which includes the Quds Force"),
            ),
        ],
    )


def vote(text: str | None = None) -> Extraction:
    """Report 173: Iraq's parliament votes to expel US troops (the next day)."""
    doc = document(VOTE, text)
    t = doc.text
    ents = [
        entity(doc, "e1", "Abdul-Mahdi", "PERSON"),
        entity(doc, "e2", "Iraq", "GPE"),
        entity(doc, "e3", "Qasem Soleimani", "PERSON"),
        entity(doc, "e4", "Morgan Ortagus", "PERSON"),
        entity(doc, "e5", "NPR", "ORG"),
    ]
    said = span(t, "we strongly urge Iraqi leaders to reconsider the importance")
    return Extraction(
        doc,
        ents,
        quotes=[Quote("q1", said.text, said.start, said.end, "direct", "e4", "he", "said")],
        relations=[
            Relation(
                "r1",
                "e1",
                "leader_of",
                "e2",
                span(t, "Adil Abdul-Mahdi, the caretaker Prime Minister"),
                attributed_to="e5",
                modality="reported",
            )
        ],
    )


def funeral(text: str | None = None) -> Extraction:
    """Report 174: the stampede at Soleimani's funeral, with varying crowd sizes."""
    doc = document(FUNERAL, text)
    t = doc.text
    ents = [
        entity(doc, "e1", "Qasem Soleimani", "PERSON", ("Soleimani",)),
        entity(doc, "e2", "Quds Force", "ORG"),
        entity(doc, "e3", "Kerman", "GPE"),
    ]
    crowd = span(
        t, "Attendance at the procession in Kerman, Soleimani's hometown, was by varying reports tens"
    )
    return Extraction(
        doc,
        ents,
        relations=[
            Relation("r1", "e1", "leader_of", "e2", span(t, "Soleimani was head of Iran's Quds Force."))
        ],
        quantities=[
            Quantity("n1", "e3", "attendance", 10_000, crowd, "people", "at_least"),
            Quantity("n2", "e3", "attendance", 100_000, crowd, "people", "at_least"),
            Quantity("n3", "e3", "deaths", 56, span(t, "at least 56 deaths"), "people", "at_least"),
        ],
    )


ALL = (strike, vote, funeral)

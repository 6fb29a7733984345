"""An in-memory graph built from real material: the dev reports' texts and their hand-made gold
(entities with aliases, relations, quotes), resolved across reports with the real resolver."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from claimgraph.graph.records import GraphClaim, GraphDocument, GraphEntity, GraphQuote
from claimgraph.graph.resolve import EntityProfile, resolve
from claimgraph.model import document_id
from tests.conftest import DEV

REPORTS = ("khashoggi-fiancee", "soleimani", "london-knife")


@dataclass
class MemoryGraph:
    """Has the four iterator methods a store offers; nothing more."""

    documents: list[GraphDocument] = field(default_factory=list)
    entities: list[GraphEntity] = field(default_factory=list)
    claims: list[GraphClaim] = field(default_factory=list)
    quotes: list[GraphQuote] = field(default_factory=list)

    def iter_documents(self) -> Iterator[GraphDocument]:
        return iter(self.documents)

    def iter_entities(self) -> Iterator[GraphEntity]:
        return iter(self.entities)

    def iter_claims(self) -> Iterator[GraphClaim]:
        return iter(self.claims)

    def iter_quotes(self) -> Iterator[GraphQuote]:
        return iter(self.quotes)


def _sentence(text: str, a: str, b: str) -> tuple[int, int] | None:
    """The first sentence that names both a and b (evidence for a gold relation)."""
    start = 0
    for m in re.finditer(r"[^.!?\n]+[.!?]?", text):
        if a in m.group() and b in m.group():
            return m.start(), m.end()
        start = m.end()
    return None


def build_graph() -> MemoryGraph:
    graph = MemoryGraph()
    profiles, golds, texts = [], {}, {}
    for name in REPORTS:
        text = (DEV / f"{name}.txt").read_text(encoding="utf-8")
        gold = json.loads((DEV / f"{name}.gold.json").read_text(encoding="utf-8"))
        doc = GraphDocument(document_id(text), f"{name}.txt", text.split("\n", 1)[0], None,
                            url=f"https://en.wikinews.org/wiki/{name}", publisher="Wikinews")
        graph.documents.append(doc)
        golds[doc.id], texts[doc.id] = gold, text
        names = [e["name"] for e in gold["entities"]]
        for i, e in enumerate(gold["entities"]):
            aliases = [a for a in e["aliases"] if a != e["name"]]
            profiles.append(EntityProfile(f"{doc.id}:e{i + 1}", e["name"], e["type"], aliases,
                                          [n for n in names if n != e["name"]]))
    canonical = resolve(profiles)
    merged: dict[str, GraphEntity] = {}
    for p in profiles:
        entity = merged.setdefault(canonical[p.id], GraphEntity(canonical[p.id], p.name, p.type))
        entity.aliases += [a for a in p.aliases if a not in entity.aliases]
        entity.documents.append(p.id.split(":")[0])
    graph.entities = list(merged.values())
    by_name = {(p.id.split(":")[0], p.name): canonical[p.id] for p in profiles}
    for doc_id, gold in golds.items():
        text = texts[doc_id]
        for n, rel in enumerate(gold["relations"]):
            span = _sentence(text, rel["subject"].split()[-1], rel["object"].split()[-1])
            if span is None:
                continue
            graph.claims.append(GraphClaim(
                f"{doc_id}:r{n + 1}", "relation", by_name[(doc_id, rel["subject"])], rel["predicate"],
                by_name[(doc_id, rel["object"])], None, None, "asserted",
                by_name.get((doc_id, rel.get("attributed_to") or "")), doc_id, text[span[0]:span[1]], *span))
        for n, q in enumerate(gold["quotes"]):
            start = text.index(q["key"])
            speaker = by_name.get((doc_id, q["speaker"] or ""))
            # the actors the quote names, as the store's quote mentions would give them
            about = [by_name[(doc_id, e["name"])] for e in gold["entities"] if e["name"] in q["key"]]
            graph.quotes.append(GraphQuote(f"{doc_id}:q{n + 1}", q["key"], q.get("kind", "direct"), speaker,
                                           doc_id, start, start + len(q["key"]),
                                           [a for a in dict.fromkeys(about) if a != speaker]))
    return graph


@pytest.fixture(scope="session")
def graph() -> MemoryGraph:
    return build_graph()

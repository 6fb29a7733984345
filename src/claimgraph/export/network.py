"""GraphML and GEXF through networkx, for Gephi, Cytoscape and networkx itself.

Nodes are the graph's entities; edges are the relations stated in the reports, one per claim
(a MultiDiGraph keeps repeated claims apart), and for each quote one ``quoted`` edge from its
speaker to every actor the quote names (``kind`` tells the two apart). Quotes and quantities are
also counted on the speaker's and the subject's node. networkx holds the graph in memory until
``finalize``: these formats are
written whole, and Gephi reads them whole too.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx  # type: ignore[import-untyped]

from claimgraph.export.common import Exporter, claim_label
from claimgraph.graph.records import GraphClaim, GraphDocument, GraphEntity, GraphQuote


class NetworkExporter(Exporter):
    """Builds a networkx MultiDiGraph; subclasses say how it is written."""

    def __init__(self, out: Path) -> None:
        super().__init__(out)
        self.graph = nx.MultiDiGraph()
        self.titles: dict[str, str] = {}
        self.quotes: Counter[str] = Counter()
        self.quantities: Counter[str] = Counter()

    def write_document(self, doc: GraphDocument) -> None:
        self.titles[doc.id] = doc.title or doc.url or doc.source or doc.id

    def write_entity(self, entity: GraphEntity) -> None:
        self.graph.add_node(
            entity.id,
            label=entity.name,
            type=entity.type,
            aliases="; ".join(entity.aliases),
            documents=len(entity.documents),
        )

    def write_claim(self, claim: GraphClaim) -> None:
        if claim.kind != "relation" or not claim.object:
            self.quantities[claim.subject] += 1
            return
        attrs: dict[str, Any] = {
            "kind": "relation",
            "label": claim_label(claim),
            "predicate": claim.predicate,
            "modality": claim.modality,
            "document": claim.document_id,
            "source": self.titles.get(claim.document_id, claim.document_id),
            "evidence": claim.evidence,
            "start": claim.start,
            "end": claim.end,
        }
        if claim.attributed_to:
            attrs["attributed_to"] = claim.attributed_to
        self._nodes(claim.subject, claim.object)
        self.graph.add_edge(claim.subject, claim.object, key=claim.id, **attrs)

    def _nodes(self, *nodes: str) -> None:
        for node in nodes:  # a claim or quote on an entity the stream did not name
            if node not in self.graph:
                self.graph.add_node(node, label=node, type="", aliases="", documents=0)

    def write_quote(self, quote: GraphQuote) -> None:
        if not quote.speaker:
            return
        self.quotes[quote.speaker] += 1
        for target in quote.about:  # speaker -> each actor the quote is about
            self._nodes(quote.speaker, target)
            self.graph.add_edge(
                quote.speaker,
                target,
                key=f"{quote.id}>{target}",
                kind="quote",
                label="quoted",
                predicate="quoted",
                modality=quote.kind,  # direct, indirect or mixed
                document=quote.document_id,
                source=self.titles.get(quote.document_id, quote.document_id),
                evidence=quote.text,
                start=quote.start,
                end=quote.end,
            )

    def finalize(self) -> None:
        for node, data in self.graph.nodes(data=True):
            data["quotes"] = self.quotes.get(node, 0)
            data["quantities"] = self.quantities.get(node, 0)
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.write_graph()

    def write_graph(self) -> None:
        raise NotImplementedError


class GraphMLExporter(NetworkExporter):
    def write_graph(self) -> None:
        nx.write_graphml(self.graph, self.out)


class GEXFExporter(NetworkExporter):
    def write_graph(self) -> None:
        nx.write_gexf(self.graph, self.out)

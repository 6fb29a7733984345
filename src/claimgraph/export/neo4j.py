"""Neo4j: ``nodes.csv`` and ``relationships.csv`` in ``neo4j-admin database import`` format, and an
``import.cypher`` script that loads the same files with LOAD CSV into a running server.

Graph shape: (:Entity:Person|Organization|Place|Group)-[:MEMBER_OF|LEADER_OF|...]->(:Entity) per
relation claim; (:Entity)-[:MENTIONED_IN]->(:Document); (:Entity)-[:SAID]->(:Quote)-[:QUOTED_IN]->
(:Document), (:Quote)-[:ABOUT]->(:Entity) for the actors a quote names;
(:Entity)-[:QUANTITY {property, value}]->(:Document). Rows are written as they come.

Import: ``neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv``
(array fields use ';'), or copy the files into the server's import folder and run import.cypher.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from claimgraph.export.cells import safe_dict
from claimgraph.export.common import Exporter
from claimgraph.graph.records import GraphClaim, GraphDocument, GraphEntity, GraphQuote
from claimgraph.model import PREDICATES

NODE_COLUMNS = ["id:ID", ":LABEL", "name", "type", "aliases:string[]", "title", "published", "url",
                "publisher", "text", "kind"]
REL_COLUMNS = [":START_ID", ":END_ID", ":TYPE", "id", "modality", "attributed_to", "document_id",
               "evidence", "start:int", "end:int", "property", "value:double", "qualifier"]
TYPE_LABELS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place",
               "NORP": "Group"}
NODE_LABELS = ("Entity", "Document", "Quote", *sorted(set(TYPE_LABELS.values())))
REL_TYPES = (*(p.upper() for p in PREDICATES), "MENTIONED_IN", "SAID", "QUOTED_IN", "ABOUT", "QUANTITY")


def _doc(i: str) -> str:
    return f"doc:{i}"


def _ent(i: str) -> str:
    return f"ent:{i}"


class Neo4jExporter(Exporter):
    """Streams node and relationship rows into two CSV files in the ``out`` folder."""

    def __init__(self, out: Path) -> None:
        super().__init__(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self._nodes_fh = (self.out / "nodes.csv").open("w", encoding="utf-8", newline="")
        self._rels_fh = (self.out / "relationships.csv").open("w", encoding="utf-8", newline="")
        self.nodes = csv.DictWriter(self._nodes_fh, NODE_COLUMNS)
        self.rels = csv.DictWriter(self._rels_fh, REL_COLUMNS)
        self.nodes.writeheader()
        self.rels.writeheader()

    def _rel(self, start: str, end: str, rel_type: str, **props: Any) -> None:
        self.rels.writerow(safe_dict({":START_ID": start, ":END_ID": end, ":TYPE": rel_type, **props}))

    def _node(self, row: dict[str, Any]) -> None:
        self.nodes.writerow(safe_dict(row))  # no cell runs as a formula when the CSV is opened

    def write_document(self, doc: GraphDocument) -> None:
        self._node({"id:ID": _doc(doc.id), ":LABEL": "Document", "title": doc.title,
                             "published": doc.published, "url": doc.url or doc.source, "publisher": doc.publisher})

    def write_entity(self, entity: GraphEntity) -> None:
        label = TYPE_LABELS.get(entity.type.upper())
        self._node({
            "id:ID": _ent(entity.id),
            ":LABEL": "Entity" + (f";{label}" if label else ""),
            "name": entity.name,
            "type": entity.type,
            "aliases:string[]": ";".join(a.replace(";", ",") for a in entity.aliases),
        })
        for doc in entity.documents:
            self._rel(_ent(entity.id), _doc(doc), "MENTIONED_IN")

    def write_claim(self, claim: GraphClaim) -> None:
        props = {"id": claim.id, "modality": claim.modality, "attributed_to": claim.attributed_to,
                 "document_id": claim.document_id, "evidence": claim.evidence,
                 "start:int": claim.start, "end:int": claim.end}
        if claim.kind == "relation" and claim.object:
            self._rel(_ent(claim.subject), _ent(claim.object), claim.predicate.upper(), **props)
        else:
            self._rel(_ent(claim.subject), _doc(claim.document_id), "QUANTITY", property=claim.predicate,
                      **{"value:double": claim.value, "qualifier": claim.qualifier}, **props)

    def write_quote(self, quote: GraphQuote) -> None:
        node = f"quote:{quote.id}"
        self._node({"id:ID": node, ":LABEL": "Quote", "text": quote.text, "kind": quote.kind})
        self._rel(node, _doc(quote.document_id), "QUOTED_IN", **{"start:int": quote.start, "end:int": quote.end})
        if quote.speaker:
            self._rel(_ent(quote.speaker), node, "SAID")
        for target in quote.about:
            self._rel(node, _ent(target), "ABOUT")

    def finalize(self) -> None:
        self._nodes_fh.close()
        self._rels_fh.close()
        (self.out / "import.cypher").write_text(import_script(), encoding="utf-8")


def import_script() -> str:
    """A LOAD CSV script for the two files: labels and types come from fixed lists, since plain
    Cypher cannot set a label or relationship type from a column."""
    lines = [
        "// Load claimgraph's nodes.csv and relationships.csv (in the server's import folder).",
        "CREATE CONSTRAINT claimgraph_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;",
        "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row",
        "CALL { WITH row",
        "  MERGE (n:Node {id: row.`id:ID`})",
        "  SET n.name = row.name, n.type = row.type, n.title = row.title, n.published = row.published,",
        "      n.url = row.url, n.publisher = row.publisher, n.text = row.text, n.kind = row.kind,",
        "      n.aliases = CASE WHEN row.`aliases:string[]` IS NULL THEN [] ELSE split(row.`aliases:string[]`, ';') END",
    ]
    for label in NODE_LABELS:
        lines.append(f"  FOREACH (_ IN CASE WHEN '{label}' IN split(row.`:LABEL`, ';') THEN [1] ELSE [] END | SET n:{label})")
    lines.append("} IN TRANSACTIONS OF 1000 ROWS;")
    for rel_type in REL_TYPES:
        lines += [
            "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row",
            f"WITH row WHERE row.`:TYPE` = '{rel_type}'",
            "CALL { WITH row",
            "  MATCH (a:Node {id: row.`:START_ID`}), (b:Node {id: row.`:END_ID`})",
            f"  CREATE (a)-[r:{rel_type}]->(b)",
            "  SET r.id = row.id, r.modality = row.modality, r.attributed_to = row.attributed_to,",
            "      r.document_id = row.document_id, r.evidence = row.evidence, r.start = toInteger(row.`start:int`),",
            "      r.end = toInteger(row.`end:int`), r.property = row.property, r.value = toFloat(row.`value:double`),",
            "      r.qualifier = row.qualifier",
            "} IN TRANSACTIONS OF 1000 ROWS;",
        ]
    return "\n".join(lines) + "\n"

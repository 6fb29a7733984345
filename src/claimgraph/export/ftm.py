"""FollowTheMoney entities as JSON lines, loadable into Aleph (``alephclient write-entities``).

Mapping (one choice, kept here):
- a report -> ``Article`` (title, publishedAt, sourceUrl, publisher);
- PERSON -> ``Person``; ORG -> ``Organization``; GPE -> ``PublicBody``: a country or city acting
  in the news is its government, and as an Organization it can be the far end of a Membership or
  Directorship; its territory code goes in ``jurisdiction``/``country`` where rigour knows it;
- LOC and FAC -> ``Address`` (a place, not a party); anything else (NORP...) -> ``LegalEntity``;
- member_of -> ``Membership``, leader_of -> ``Directorship`` when the object is an Organization
  and the claim is not denied; every other relation -> ``UnknownLink`` with the predicate as role;
- each relation, quantity and quote carries ``proof`` (the Article), ``sourceUrl``, ``publisher``,
  ``status`` (its modality) and its evidence sentence as ``summary``; quantities and quotes
  become ``Note`` entities on their subject or speaker; each entity is tied to the reports that
  mention it by a ``Documentation`` link.
Written one line per entity as it streams; only the id -> schema map of entities is kept.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from followthemoney import model
from followthemoney.proxy import EntityProxy

from claimgraph.export.common import Exporter, claim_label
from claimgraph.graph import names
from claimgraph.graph.records import GraphClaim, GraphDocument, GraphEntity, GraphQuote

SCHEMATA = {"PERSON": "Person", "ORG": "Organization", "GPE": "PublicBody", "LOC": "Address", "FAC": "Address"}
# predicate -> (schema, source property, target property) where FtM has a typed link
TYPED_LINKS = {
    "member_of": ("Membership", "member", "organization"),
    "leader_of": ("Directorship", "director", "organization"),
}
ASSERTIVE = ("asserted", "reported", "claimed")  # a denied or uncertain link stays an UnknownLink


def _safe(graph_id: str) -> str:
    # FtM ids allow letters, digits, '.' and '-' only; a store's 'doc:e1' ids would be dropped
    return re.sub(r"[^0-9A-Za-z.\-]", "-", graph_id)


def entity_id(graph_id: str) -> str:
    return f"cg-ent-{_safe(graph_id)}"


def document_id(graph_id: str) -> str:
    return f"cg-doc-{_safe(graph_id)}"


class FtMExporter(Exporter):
    """FtM entity dicts, one JSON object a line."""

    def __init__(self, out: Path) -> None:
        super().__init__(out)
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.fh = self.out.open("w", encoding="utf-8")
        self.schemata: dict[str, str] = {}  # graph entity id -> FtM schema name
        self.names: dict[str, str] = {}  # graph entity id -> name, to say who a claim is from
        self.sources: dict[str, GraphDocument] = {}
        self.emitted = 0

    def _emit(self, proxy: EntityProxy) -> None:
        self.fh.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        self.emitted += 1

    def _cite(self, proxy: EntityProxy, document: str, evidence: str | None = None) -> None:
        proxy.add("proof", document_id(document))
        doc = self.sources.get(document)
        if doc is not None:
            proxy.add("sourceUrl", doc.url or doc.source, quiet=True)
            proxy.add("publisher", doc.publisher, quiet=True)
        if evidence:
            proxy.add("summary", evidence)

    def write_document(self, doc: GraphDocument) -> None:
        self.sources[doc.id] = doc
        article = model.make_entity("Article")
        article.id = document_id(doc.id)
        article.add("title", doc.title or doc.url or doc.source or doc.id)
        article.add("publishedAt", doc.published, quiet=True)
        article.add("sourceUrl", doc.url or doc.source, quiet=True)
        article.add("publisher", doc.publisher, quiet=True)
        self._emit(article)

    def write_entity(self, entity: GraphEntity) -> None:
        schema = SCHEMATA.get(entity.type.upper(), "LegalEntity")
        proxy = model.make_entity(schema)
        proxy.id = entity_id(entity.id)
        if schema == "Address":
            proxy.add("full", entity.name)
        proxy.add("name", entity.name)
        proxy.add("alias", [a for a in entity.aliases if a != entity.name])
        code = names.lookup_place(names.name_key(entity.name)) if entity.type.upper() == "GPE" else None
        if code:
            proxy.add("country", code.split("-")[0], quiet=True)
            if schema == "PublicBody":
                proxy.add("jurisdiction", code.split("-")[0], quiet=True)
        self.schemata[entity.id] = schema
        self.names[entity.id] = entity.name
        self._emit(proxy)
        for doc in entity.documents:
            link = model.make_entity("Documentation")
            link.make_id("claimgraph-mention", entity.id, doc)
            link.add("document", document_id(doc))
            link.add("entity", proxy.id)
            link.add("role", "mentioned")
            self._emit(link)

    def _is_organization(self, graph_id: str) -> bool:
        schema = model.get(self.schemata.get(graph_id, "LegalEntity"))
        return schema is not None and schema.is_a("Organization")

    def _is_legal_entity(self, graph_id: str) -> bool:
        schema = model.get(self.schemata.get(graph_id, "LegalEntity"))
        return schema is not None and schema.is_a("LegalEntity")

    def write_claim(self, claim: GraphClaim) -> None:
        if claim.kind != "relation" or not claim.object:
            note = model.make_entity("Note")
            note.make_id("claimgraph-claim", claim.id)
            note.add("entity", entity_id(claim.subject))
            note.add("description", claim_label(claim))
            self._attribute(note, claim.attributed_to)
            note.add("notes", f"modality: {claim.modality}")
            self._cite(note, claim.document_id, claim.evidence)
            self._emit(note)
            return
        typed = TYPED_LINKS.get(claim.predicate)
        if (
            typed
            and claim.modality in ASSERTIVE
            and self._is_organization(claim.object)
            and self._is_legal_entity(claim.subject)
        ):
            schema, source, target = typed
        else:
            schema, source, target = "UnknownLink", "subject", "object"
        link = model.make_entity(schema)
        link.make_id("claimgraph-claim", claim.id)
        link.add(source, entity_id(claim.subject))
        link.add(target, entity_id(claim.object))
        link.add("role", claim.predicate)
        link.add("status", claim.modality)
        self._attribute(link, claim.attributed_to)
        self._cite(link, claim.document_id, claim.evidence)
        self._emit(link)

    def _attribute(self, proxy: EntityProxy, source: str | None) -> None:
        if source:  # FtM has no 'according to' property: say it in words
            proxy.add("description", f"according to {self.names.get(source, source)}")

    def write_quote(self, quote: GraphQuote) -> None:
        note = model.make_entity("Note")
        note.make_id("claimgraph-quote", quote.id)
        if quote.speaker:
            note.add("entity", entity_id(quote.speaker))
        note.add("description", quote.text)
        note.add("notes", f"{quote.kind} quote")
        self._cite(note, quote.document_id)
        self._emit(note)

    def finalize(self) -> None:
        self.fh.close()

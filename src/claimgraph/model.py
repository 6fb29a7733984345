"""The data types of one document's extraction, mirroring `extraction.schema.json`.

Offsets are 0-based Python ``str`` indices into :attr:`Document.text`, end exclusive.
Ids of entities, quotes, relations and quantities are scoped to their document
(``e1``, ``q1``...); a store that mixes documents namespaces them with the document id.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1.0"

QuoteKind = Literal["direct", "indirect", "mixed"]
Modality = Literal["asserted", "reported", "claimed", "denied", "uncertain"]
Qualifier = Literal["exact", "approximately", "at_least", "at_most", "target", "estimate", "range"]
PREDICATES = (
    "member_of",
    "leader_of",
    "founder_of",
    "part_of",
    "left",
    "advisor_to",
    "origin",
    "located_in",
    "allied_with",
    "opposes",
)
# one fact whichever side is named first ('A allied_with B' is 'B allied_with A'): stored once
SYMMETRIC_PREDICATES = frozenset({"allied_with"})


def document_id(text: str) -> str:
    """A stable content-derived id: the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


@dataclass(slots=True)
class Document:
    """A report as read: ``text`` is what every offset points into."""

    text: str
    source: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: str | None = None
    language: str | None = "en"
    url: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = document_id(self.text)


@dataclass(slots=True)
class Span:
    """A stretch of ``Document.text``: evidence sentences, mentions."""

    start: int
    end: int
    text: str


Mention = Span


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None
    speaker_text: str | None = None
    cue: str | None = None
    sentence: Span | None = None


@dataclass(slots=True)
class Relation:
    id: str
    subject: str
    predicate: str
    object: str
    evidence: Span
    attributed_to: str | None = None
    modality: Modality = "asserted"


@dataclass(slots=True)
class Quantity:
    id: str
    subject: str
    property: str
    value: float
    evidence: Span
    unit: str | None = None
    qualifier: Qualifier = "exact"
    attributed_to: str | None = None
    modality: Modality = "asserted"
    high: float | None = None  # upper bound when qualifier == "range"
    text: str | None = None  # the number as written: "dozens", "1,000", "between 200 and 300"


@dataclass(slots=True)
class Extraction:
    document: Document
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> dict[str, Any]:
        """Plain data in the shared schema's shape (JSON-ready)."""
        data = asdict(self)
        return {"schema_version": data.pop("schema_version"), **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """Rebuild an extraction from :meth:`to_dict` output (or a schema-valid JSON)."""
        doc = Document(**data["document"])

        def span(d: dict[str, Any] | None) -> Span | None:
            return Span(**d) if d else None

        entities = [
            Entity(**{**e, "mentions": [Span(**m) for m in e.get("mentions", [])]})
            for e in data.get("entities", [])
        ]
        quotes = [Quote(**{**q, "sentence": span(q.get("sentence"))}) for q in data.get("quotes", [])]
        relations = [Relation(**{**r, "evidence": Span(**r["evidence"])}) for r in data.get("relations", [])]
        quantities = [
            Quantity(**{**q, "evidence": Span(**q["evidence"])}) for q in data.get("quantities", []) or []
        ]
        return cls(doc, entities, quotes, relations, quantities, data.get("schema_version", SCHEMA_VERSION))

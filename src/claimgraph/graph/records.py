"""Plain records of the cross-document graph, as the store yields them to views and exporters.

Entity ids here are *graph* ids (canonical across documents), not the per-document ``e1`` ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class GraphDocument:
    id: str
    source: str | None
    title: str | None
    published: str | None
    url: str | None = None
    publisher: str | None = None


@dataclass(slots=True)
class GraphEntity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # GraphDocument ids it is mentioned in


@dataclass(slots=True)
class GraphClaim:
    """A relation or a quantity stated in one document, with its evidence."""

    id: str
    kind: str  # "relation" or "quantity"
    subject: str  # GraphEntity id
    predicate: str  # relation predicate, or the quantity's property
    object: str | None  # GraphEntity id for relations, None for quantities
    value: float | None  # quantities only
    qualifier: str | None  # quantities only
    modality: str
    attributed_to: str | None  # GraphEntity id of the source, None in the report's own voice
    document_id: str
    evidence: str
    start: int
    end: int


@dataclass(slots=True)
class GraphQuote:
    id: str
    text: str
    kind: str
    speaker: str | None  # GraphEntity id
    document_id: str
    start: int
    end: int
    about: list[str] = field(default_factory=list)  # GraphEntity ids the quote names, the speaker aside

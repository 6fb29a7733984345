"""What every exporter shares: the record stream they are fed and a base class to dispatch it.

Like followthemoney's ``export/`` package, an exporter is an object with ``write(item)`` and
``finalize()``; items are the graph records (documents, entities, claims, quotes). The driver
feeds documents first, then entities, claims and quotes, so an exporter may look up what it
has already seen (an entity's type when it writes a link).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from claimgraph.graph.records import GraphClaim, GraphDocument, GraphEntity, GraphQuote

Record = GraphDocument | GraphEntity | GraphClaim | GraphQuote


class GraphSource(Protocol):
    """Anything that yields the graph's records: the store, or an in-memory collection."""

    def iter_documents(self) -> Iterable[GraphDocument]: ...
    def iter_entities(self) -> Iterable[GraphEntity]: ...
    def iter_claims(self) -> Iterable[GraphClaim]: ...
    def iter_quotes(self) -> Iterable[GraphQuote]: ...


class Exporter:
    """Base exporter: ``write`` sends each record to the method for its kind and counts it."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self.counts = {"documents": 0, "entities": 0, "claims": 0, "quotes": 0}

    def write(self, item: Record) -> None:
        if isinstance(item, GraphDocument):
            self.write_document(item)
            self.counts["documents"] += 1
        elif isinstance(item, GraphEntity):
            self.write_entity(item)
            self.counts["entities"] += 1
        elif isinstance(item, GraphClaim):
            self.write_claim(item)
            self.counts["claims"] += 1
        elif isinstance(item, GraphQuote):
            self.write_quote(item)
            self.counts["quotes"] += 1
        else:
            raise TypeError(f"not a graph record: {type(item).__name__}")

    def write_document(self, doc: GraphDocument) -> None:
        pass

    def write_entity(self, entity: GraphEntity) -> None:
        pass

    def write_claim(self, claim: GraphClaim) -> None:
        pass

    def write_quote(self, quote: GraphQuote) -> None:
        pass

    def finalize(self) -> None:
        """Flush and close whatever the exporter holds open."""


def claim_label(claim: GraphClaim) -> str:
    """A one-line reading of a claim: 'member_of' or 'casualties = 12 (approximately)'."""
    if claim.kind == "relation":
        return claim.predicate
    qualifier = f" ({claim.qualifier})" if claim.qualifier and claim.qualifier != "exact" else ""
    value = f"{claim.value:g}" if claim.value is not None else "?"
    unit = getattr(claim, "unit", None)  # the store's Claim carries the quantity's unit
    return f"{claim.predicate} = {value}{' ' + unit if unit else ''}{qualifier}"

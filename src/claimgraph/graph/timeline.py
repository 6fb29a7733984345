"""An actor's claims in the order the reports were published: how the picture changed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from claimgraph.graph.claims import Claim
from claimgraph.graph.records import GraphDocument


@dataclass(slots=True)
class TimelineEntry:
    published: str | None
    document_id: str
    title: str | None
    claim: Claim
    summary: str  # "Quds Force part_of IRGC (reported by Reuters)"
    first: bool  # the first report to state this claim


def _summary(c: Claim, names: Mapping[str, str]) -> str:
    subject = names.get(c.subject, c.subject)
    if c.kind == "relation":
        what = f"{subject} {c.predicate} {names.get(c.object or '', c.object)}"
    else:
        qualifier = "" if c.qualifier in (None, "exact") else f" ({c.qualifier})"
        unit = f" {c.unit}" if c.unit else ""
        what = f"{subject} {c.predicate}: {c.value:g}{unit}{qualifier}"
    if c.modality == "asserted" and not c.attributed_to:
        return what
    by = f" by {names.get(c.attributed_to, c.attributed_to)}" if c.attributed_to else ""
    return f"{what} ({c.modality}{by})"


def timeline(
    claims: Iterable[Claim], documents: Mapping[str, GraphDocument], names: Mapping[str, str]
) -> list[TimelineEntry]:
    """Claims ordered by their report's publication date (undated reports last), then by place in
    the report; ``first`` marks where a claim (subject, predicate, object or value) first appears."""

    def order(c: Claim) -> tuple[bool, str, str, int]:
        doc = documents.get(c.document_id)
        published = doc.published if doc else None
        return (published is None, published or "", c.document_id, c.start)

    seen: set[tuple[object, ...]] = set()
    out = []
    for c in sorted(claims, key=order):
        doc = documents.get(c.document_id)
        key = (c.subject, c.predicate, c.object, c.value, c.modality == "denied")
        out.append(
            TimelineEntry(
                doc.published if doc else None,
                c.document_id,
                doc.title if doc else None,
                c,
                _summary(c, names),
                key not in seen,
            )
        )
        seen.add(key)
    return out

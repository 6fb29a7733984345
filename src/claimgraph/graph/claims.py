"""Claims about an actor, grouped by what is claimed, each with the sources behind it.

A relation group is one (subject, predicate, object); a quantity group is one (subject, property,
unit), whose sources may give different numbers. Each group lists its sources by modality, so a
reader sees at a glance who asserts, reports, claims or denies it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from claimgraph.graph.records import GraphClaim, GraphDocument

MODALITIES = ("asserted", "reported", "claimed", "denied", "uncertain")


@dataclass(slots=True)
class Claim(GraphClaim):
    """A stored claim: a :class:`GraphClaim` with the quantity's unit and upper bound."""

    unit: str | None = None
    high: float | None = None  # upper bound of a range


@dataclass(slots=True)
class Source:
    """One report (and, within it, one speaker) that states a claim."""

    document_id: str
    title: str | None
    published: str | None
    by: str | None  # graph id of the speaker; None when the report says it in its own voice
    by_name: str | None
    modality: str
    evidence: str
    start: int
    end: int
    value: float | None = None
    qualifier: str | None = None
    high: float | None = None


@dataclass(slots=True)
class ClaimGroup:
    kind: str  # relation | quantity
    subject: str
    subject_name: str
    predicate: str
    object: str | None
    object_name: str | None
    unit: str | None = None
    sources: dict[str, list[Source]] = field(default_factory=dict)  # modality -> sources (maybe a sample)
    counts: dict[str, int] = field(default_factory=dict)  # modality -> how many statements in all

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def documents(self) -> set[str]:
        return {s.document_id for group in self.sources.values() for s in group}

    @property
    def contested(self) -> bool:
        """Denied by one source and stated by another."""
        return "denied" in self.sources and any(m != "denied" for m in self.sources)


GroupKey = tuple[str, str, str, str | None]


def _key(c: Claim) -> GroupKey:
    return (c.kind, c.subject, c.predicate, c.object if c.kind == "relation" else c.unit)


def group_claims(
    claims: Iterable[Claim],
    documents: Mapping[str, GraphDocument],
    names: Mapping[str, str],
    totals: Mapping[tuple[GroupKey, str], int] | None = None,
) -> list[ClaimGroup]:
    """Group claims by what they claim; the most stated groups first, sources oldest first.

    ``totals`` gives the full count per group and modality when ``claims`` is only a sample.
    """
    groups: dict[tuple[str, str, str, str | None], ClaimGroup] = {}
    for c in claims:
        key = _key(c)
        if key not in groups:
            groups[key] = ClaimGroup(
                c.kind,
                c.subject,
                names.get(c.subject, c.subject),
                c.predicate,
                c.object,
                names.get(c.object, c.object) if c.object else None,
                c.unit if c.kind == "quantity" else None,
            )
        doc = documents.get(c.document_id)
        source = Source(
            c.document_id,
            doc.title if doc else None,
            doc.published if doc else None,
            c.attributed_to,
            names.get(c.attributed_to) if c.attributed_to else None,
            c.modality,
            c.evidence,
            c.start,
            c.end,
            c.value,
            c.qualifier,
            c.high,
        )
        groups[key].sources.setdefault(c.modality, []).append(source)
    for key, g in groups.items():
        g.counts = {m: (totals or {}).get((key, m), len(g.sources[m])) for m in MODALITIES if m in g.sources}
        g.sources = {
            m: sorted(g.sources[m], key=lambda s: (s.published or "", s.document_id, s.start))
            for m in MODALITIES
            if m in g.sources
        }
    return sorted(groups.values(), key=lambda g: (-g.total, g.kind, g.predicate, g.object_name or ""))


def describe(group: ClaimGroup) -> str:
    """One line: 'IRGC leader_of Quds Force' or 'Hezbollah fighters (people)'."""
    if group.kind == "relation":
        return f"{group.subject_name} {group.predicate} {group.object_name}"
    unit = f" ({group.unit})" if group.unit else ""
    return f"{group.subject_name} {group.predicate}{unit}"

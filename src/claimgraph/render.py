"""The readable summary of an extraction: who speaks, how often, what they say, who is in it."""

from __future__ import annotations

from collections import Counter

from claimgraph.model import Extraction

_WIDTH = 100


def _clip(text: str, width: int = _WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def summary(ex: Extraction) -> str:
    """A plain-text report of one extraction, for a person reading a terminal."""
    doc = ex.document
    names = {e.id: e.name for e in ex.entities}
    lines = [f"# {doc.title or '(untitled)'}", f"source: {doc.source or '-'}   id: {doc.id}"]
    meta = [f"published {doc.published}" if doc.published else "", f"by {', '.join(doc.authors)}" if doc.authors else "",
            doc.publisher or ""]
    if any(meta):
        lines.append("   ".join(m for m in meta if m))
    counts = Counter(q.speaker for q in ex.quotes)
    lines.append(f"\n## Speakers ({len(ex.quotes)} quotes)")
    for speaker, n in counts.most_common():
        who = names.get(speaker, "(unattributed)") if speaker else "(unattributed)"
        lines.append(f"- {who}: {n}")
        for q in ex.quotes:
            if q.speaker == speaker:
                lines.append(f"    [{q.kind}, {q.cue or 'no cue'}] {_clip(q.text)}")
    lines.append(f"\n## Entities ({len(ex.entities)})")
    for e in sorted(ex.entities, key=lambda e: (-len(e.mentions), e.name)):
        aka = f"  (also: {', '.join(e.aliases)})" if e.aliases else ""
        lines.append(f"- {e.name} [{e.type}] x{len(e.mentions)}{aka}")
    if ex.relations:
        lines.append(f"\n## Relations ({len(ex.relations)})")
        for r in ex.relations:
            by = f" per {names.get(r.attributed_to, '?')}" if r.attributed_to else ""
            lines.append(f"- {names.get(r.subject)} {r.predicate} {names.get(r.object)} ({r.modality}{by})")
    if ex.quantities:
        lines.append(f"\n## Quantities ({len(ex.quantities)})")
        for qty in ex.quantities:
            lines.append(f"- {names.get(qty.subject)}: {qty.property} {qty.qualifier} {qty.value:g} ({qty.modality})")
    return "\n".join(lines) + "\n"

"""Plain entities straight from spaCy's ``doc.ents``, for when no alias resolution is at hand.

One entity per distinct surface form (a leading "the" and a possessive dropped); a
one-word person name joins the longer person name that ends with it ("Khashoggi" ->
"Jamal Khashoggi"). Used by tests and by callers that want relations without the full
extraction; :func:`claimgraph.extract` uses the real resolver instead.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.model import Entity, Span

KEPT = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


def entities_from_doc(doc: Doc) -> list[Entity]:
    """Entities of ``doc.ents``, one per distinct name, surnames grouped with full names."""
    by_name: dict[str, Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in KEPT:
            continue
        span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        span = span[:-1] if len(span) > 1 and span[-1].lower_ in ("'s", "\u2019s") else span
        name = span.text
        mention = Span(span.start_char, span.end_char, name)
        if name not in by_name:
            by_name[name] = Entity(f"e{len(by_name) + 1}", name, ent.label_)
        by_name[name].mentions.append(mention)
    persons = [e for e in by_name.values() if e.type == "PERSON" and " " in e.name]
    for name, e in list(by_name.items()):
        if " " in name:
            continue
        full = next((p for p in persons if p.name.endswith(" " + name)), None)
        if full is not None:
            full.aliases.append(name)
            full.mentions.extend(e.mentions)
            del by_name[name]
    return list(by_name.values())

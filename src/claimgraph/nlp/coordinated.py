"""Two names the model took as one across 'and': "Marcel Granollers and Feliciano Lopez",
"Orange and Riverside counties"."""

from __future__ import annotations

from spacy.tokens import Span

from claimgraph.nlp.lexicon import given_names

# plural nouns of kinds of place that follow names joined by "and" ("Orange and Riverside counties")
_PLACE_KINDS = frozenset({"counties", "states", "provinces", "regions", "districts", "cities", "towns",
                          "islands", "rivers", "parishes", "prefectures", "territories"})
_JOINS = frozenset({"and", "&"})


def _is_name(part: Span) -> bool:
    return len(part) > 0 and all(t.text[:1].isupper() for t in part)


def _person_name(part: Span) -> bool:
    """Two or three capitalised words starting with a known given name."""
    return 2 <= len(part) <= 3 and _is_name(part) and part[0].lower_ in given_names()


def coordinated_parts(ent: Span) -> list[Span]:
    """The names an entity joins with one 'and' or '&', each a span of its own, when both are
    people's full names (each starting with a given name: "Marcel Granollers and Feliciano Lopez"),
    or both are single names before a plural kind of place ("Orange and Riverside counties").
    Otherwise the entity as it is ("Johnson & Johnson", "Food and Agriculture Organization")."""
    doc = ent.doc
    joins = [t.i for t in ent if t.lower_ in _JOINS]
    if len(joins) != 1:
        return [ent]
    left, right = doc[ent.start : joins[0]], doc[joins[0] + 1 : ent.end]
    if not (_is_name(left) and _is_name(right)):
        return [ent]
    if _person_name(left) and _person_name(right):
        return [Span(doc, part.start, part.end, label="PERSON") for part in (left, right)]
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if after in _PLACE_KINDS:
        label = ent.label_ if ent.label_ in ("GPE", "LOC") else "GPE"
        return [Span(doc, part.start, part.end, label=label) for part in (left, right)]
    return [ent]

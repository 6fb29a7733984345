"""Doc -> the document's entities with aliases and every mention, and an index to look them up."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc

from claimgraph.model import Entity, Span
from claimgraph.nlp.aliases import canonical_name, cluster_type, form_key, group_mentions
from claimgraph.nlp.mentions import (
    RawMention,
    acronym_occurrences,
    defined_forms,
    model_mentions,
    relabel_people,
    repeated_forms,
    unlabelled_names,
)


def _drop_overlaps(mentions: list[RawMention]) -> list[RawMention]:
    """Keep the longer of two overlapping mentions (the model's wins a tie)."""
    out: list[RawMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), m.source != "ner")):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


@dataclass(slots=True)
class EntityIndex:
    """Find the entity mentioned at a character offset, and what kind of actor it is."""

    entities: list[Entity]
    _starts: list[int]
    _spans: list[tuple[int, int, str]]

    @classmethod
    def build(cls, entities: list[Entity]) -> EntityIndex:
        spans = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
        return cls(entities, [s[0] for s in spans], spans)

    def at(self, start: int, end: int | None = None) -> str | None:
        """Id of the entity whose mention overlaps [start, end), or None."""
        end = start + 1 if end is None else end
        i = bisect.bisect_right(self._starts, end - 1) - 1
        while i >= 0 and self._spans[i][1] > start:
            if self._spans[i][0] < end:
                return self._spans[i][2]
            i -= 1
        return None

    def mentions_between(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of every mention inside [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self._spans) and self._spans[i][0] < end:
            if self._spans[i][1] <= end:
                out.append(self._spans[i])
            i += 1
        return out

    def get(self, entity_id: str) -> Entity:
        return next(e for e in self.entities if e.id == entity_id)


def find_entities(doc: Doc) -> list[Entity]:
    """The entities of a parsed document, each with its canonical name, aliases and mentions."""
    text = doc.text
    mentions = model_mentions(doc) + unlabelled_names(doc)
    new, links = defined_forms(text, mentions)
    mentions += new
    acronyms = {link.second.text: link.first.label for link in links if link.kind == "acronym"}
    mentions += acronym_occurrences(text, set(acronyms), {m.start for m in mentions}, acronyms)
    mentions = _drop_overlaps(mentions)
    relabel_people(doc, mentions)
    mentions = _drop_overlaps(mentions + repeated_forms(doc, mentions))
    entities = []
    for n, cluster in enumerate(group_mentions(mentions, links), start=1):
        name = canonical_name(cluster)
        aliases = sorted({m.text for m in cluster if form_key(m.text) != form_key(name)})
        entities.append(
            Entity(
                id=f"e{n}",
                name=name,
                type=cluster_type(cluster),
                aliases=aliases,
                mentions=[Span(m.start, m.end, m.text) for m in cluster],
            )
        )
    return entities

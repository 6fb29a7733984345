"""The outlet a pasted page's headline ends with: "Nadal keeps Spain alive ... - Sportsnet.ca", "... Fresh
Air For Rs 300? - News Nation" (train): an organisation the model rarely tags there."""

from __future__ import annotations

from claimgraph.ingest.metadata import site_in_title
from claimgraph.nlp.mentions import RawMention


def headline_source(text: str, title_end: int, mentions: list[RawMention],
                    common_words: frozenset[str] = frozenset()) -> list[RawMention]:
    """The outlet ending the headline (as the document's publisher is read from it,
    :func:`~claimgraph.ingest.metadata.site_in_title`) as an organisation's mention, unless a mention
    overlaps it or it is one dictionary word ("... | Editorial")."""
    headline = text[:title_end].rstrip()
    name = site_in_title(headline)
    if name is None or not headline.endswith(name):
        return []
    if " " not in name and "." not in name and name.lower() in common_words:
        return []
    start, end = len(headline) - len(name), len(headline)
    if any(x.start < end and start < x.end for x in mentions):
        return []
    return [RawMention(start, end, name, "ORG", "publisher")]

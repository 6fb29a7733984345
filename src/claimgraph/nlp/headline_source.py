"""The outlet a pasted page's headline ends with: "Nadal keeps Spain alive ... - Sportsnet.ca", "... Fresh
Air For Rs 300? - News Nation" (train): an organisation the model rarely tags there."""

from __future__ import annotations

import re

from claimgraph.nlp.mentions import RawMention

# the headline's last part after a spaced dash or bar: one to four capitalised words, or a domain
_WORD = r"[A-Z0-9][\w.&'\u2019!]*"
_SUFFIX = re.compile(rf"\s[-\u2013\u2014|]\s+({_WORD}(?:\s+{_WORD}){{0,3}})\s*$")
_DOMAIN = re.compile(r"\w\.[a-z]{2,3}$")


def headline_source(text: str, title_end: int, mentions: list[RawMention],
                    common_words: frozenset[str] = frozenset()) -> list[RawMention]:
    """The outlet ending the headline as an organisation's mention, unless a mention overlaps it or it is
    one dictionary word ("... | Editorial")."""
    m = _SUFFIX.search(text[:title_end].rstrip())
    if m is None:
        return []
    start, end = m.span(1)
    name = m.group(1)
    if " " not in name and not _DOMAIN.search(name) and name.lower() in common_words:
        return []
    if any(x.start < end and start < x.end for x in mentions):
        return []
    return [RawMention(start, end, name, "ORG", "publisher")]

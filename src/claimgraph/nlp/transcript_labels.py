"""Speaker labels of an interview transcript: "((WSS)) : Which past U.S. president..." (Wikinews), the
initials of a person the report names in full ("William S. Saturn")."""

from __future__ import annotations

import re

from claimgraph.nlp.mentions import AliasLink, RawMention

# a line opening with initials in brackets, or with initials and a colon
_LABEL = re.compile(r"^[ \t]*(?:\(\(([A-Z]{2,4})\)\)|([A-Z]{2,4})[ \t]*:)", re.MULTILINE)


def _initials(name: str) -> str:
    """The first letters of a name's words ("William S. Saturn" -> "WSS")."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’]*", name) if w[0].isupper())


def transcript_labels(text: str, mentions: list[RawMention]) -> tuple[list[RawMention], list[AliasLink]]:
    """Each label that spells the initials of one person's full name in the report: a mention of that
    person (new unless a mention is there already) and its link to the full name."""
    people: dict[str, set[str]] = {}
    first: dict[str, RawMention] = {}
    for m in mentions:
        if m.label == "PERSON" and len(m.text.split()) > 1:
            people.setdefault(_initials(m.text), set()).add(m.text)
            first.setdefault(m.text, m)
    at = {m.start: m for m in mentions}
    new: list[RawMention] = []
    links: list[AliasLink] = []
    for match in _LABEL.finditer(text):
        group = 1 if match.group(1) else 2
        letters = match.group(group)
        names = people.get(letters, set())
        if len(names) != 1:
            continue
        start = match.start(group)
        label = at.get(start)
        if label is None:
            label = RawMention(start, match.end(group), letters, "PERSON", "label")
            new.append(label)
            at[start] = label
        links.append(AliasLink(first[next(iter(names))], label, "aka"))
    return new, links

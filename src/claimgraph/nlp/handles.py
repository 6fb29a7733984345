"""Social media handles as names: pages quote posts signed "— Rep. Ilhan Omar (@Ilhan) November 19,
2019" and write "@MattBevin" for Matt Bevin. A handle in parentheses right after a name is that
name's; a handle elsewhere is the one named actor whose name it spells without spaces.
"""

from __future__ import annotations

import re

from claimgraph.nlp.mentions import AliasLink, RawMention

# Twitter's and Instagram's handles: letters, digits, underscores (and Instagram's dots), 2-30 long
_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])")
_OPENING = re.compile(r"\(\s*$")


def _spelled(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def handle_forms(text: str, mentions: list[RawMention]) -> tuple[list[RawMention], list[AliasLink]]:
    """Mentions of the handles that name an actor the report names, and their links to it."""
    by_start = {m.start: m for m in mentions}
    ends = {m.end: m for m in mentions if m.label in ("PERSON", "ORG")}
    spelled: dict[str, RawMention] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.label in ("PERSON", "ORG") and " " in m.text.strip():
            spelled.setdefault(_spelled(m.text), m)
    new: list[RawMention] = []
    links: list[AliasLink] = []
    for match in _HANDLE.finditer(text):
        before = _OPENING.search(text, max(0, match.start() - 3), match.start())
        owner = ends.get(len(text[: before.start()].rstrip())) if before else None
        owner = owner or spelled.get(_spelled(match.group(1)))
        if owner is None:
            continue
        handle = by_start.get(match.start()) or RawMention(match.start(), match.end(), match.group(0), owner.label, "handle")
        if handle.end != match.end() or handle.start not in by_start and any(
                m.start < handle.end and handle.start < m.end for m in mentions):
            continue  # a mention there of another span: leave it be
        if handle.start not in by_start:
            new.append(handle)
            by_start[handle.start] = handle
        links.append(AliasLink(owner, handle, "handle"))
    return new, links

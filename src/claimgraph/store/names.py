"""Normalised names: how the store looks actors up by name and blocks exact matches."""

from __future__ import annotations

import re

from unidecode import unidecode

_NON_WORD = re.compile(r"[^\w]+")
# A leading article is part of how a name is written, not of the name: "the IRGC" is "IRGC".
_ARTICLE = re.compile(r"^(?:(?:the|a|an) )+")
_POSSESSIVE = re.compile(r"['’]s\b")


def norm(name: str) -> str:
    """Lower case ASCII words separated by single spaces: 'Qassem Soleimani’s' -> 'qassem soleimani'."""
    flat = unidecode(_POSSESSIVE.sub("", name)).lower()
    words = _NON_WORD.sub(" ", flat).strip()
    return _ARTICLE.sub("", words)


def entity_key(name: str, type_: str) -> str:
    """The exact-match key: the same normalised name with the same type is the same actor."""
    return f"{norm(name)}|{type_}"


def fullest(names: list[str]) -> str:
    """The fullest of several names of one actor: one whose words hold all of another's
    ('Alexei Navalny' over 'Navalny'), else the one with most words, then the longest."""
    best = names[0]
    for name in names[1:]:
        a, b = set(norm(best).split()), set(norm(name).split())
        if a < b or (not a > b and (len(b), len(name)) > (len(a), len(best))):
            best = name
    return best

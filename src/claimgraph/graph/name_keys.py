"""The comparison keys of names, with nothing but unidecode: what the report's aliases, the nlp
steps and the resolver match names by. Apart from `graph.names` so that the query commands, which
read keys but never compare people's names, do not import nameparser and rigour."""

from __future__ import annotations

import functools
import re

from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")
_POSSESSIVE = re.compile(r"'s\b")  # unidecode has turned ’ into '


@functools.lru_cache(maxsize=200_000)  # pure: cached, as the resolver compares a name with many
def ascii_fold(text: str) -> str:
    """Lower-case ASCII without possessives, punctuation as single spaces: "Erdoğan's" -> 'erdogan'."""
    text = _POSSESSIVE.sub("", unidecode(text).lower())
    return _NON_WORD.sub(" ", text.replace("'", "").replace(".", "")).strip()


@functools.lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The comparison key of a name: folded, without a leading article ('The Washington Post')."""
    words = ascii_fold(name).split()
    while len(words) > 1 and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)

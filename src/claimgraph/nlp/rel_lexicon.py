"""The relation word tables of `data/rel_lexicon.json`, loaded once, and the checks built on them."""

from __future__ import annotations

import functools
import json
import weakref
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token


@functools.cache
def lexicon() -> dict[str, Any]:
    """The whole table, comments (keys starting with ``_``) dropped."""
    text = resources.files("claimgraph.data").joinpath("rel_lexicon.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@dataclass(frozen=True, slots=True)
class Role:
    """A role noun found in the text: its predicate, the kind of object it takes, its words."""

    predicate: str
    kind: str
    first: int  # index of the role's first token ("Prime" of "Prime Minister")
    last: int  # index of its head noun


@functools.cache
def _role_heads() -> frozenset[str]:
    """The last word of every role phrase."""
    return frozenset(phrase.split()[-1] for phrase in lexicon()["roles"])


# Doc -> token -> its role: the patterns, candidates and features ask again for the same tokens.
_ROLES: weakref.WeakKeyDictionary[Doc, dict[int, Role | None]] = weakref.WeakKeyDictionary()


def role_at(token: Token) -> Role | None:
    """The role a noun names, matching the longest phrase that ends in it.

    "Prime Minister" is a head of government; "Minister" alone only leads a ministry;
    "deputy commander" is a member, not the leader; a "former member" has left.
    """
    pos = token.pos_
    if pos not in ("NOUN", "PROPN"):
        return None
    head = token.lemma_.lower() if pos == "NOUN" else token.lower_
    if head not in _role_heads() and token.lower_ not in _role_heads():
        return None  # most nouns name no role: skip the phrase look-ups
    doc = token.doc
    memo = _ROLES.get(doc)
    if memo is None:
        memo = _ROLES[doc] = {}
    if token.i not in memo:
        memo[token.i] = _role_at(token, head)
    return memo[token.i]


def _role_at(token: Token, head: str) -> Role | None:
    roles = lexicon()["roles"]
    doc, i = token.doc, token.i
    found: Role | None = None
    for k in (3, 2, 1, 0):
        before = doc[max(0, i - k) : i].text_with_ws.lower() if k else ""
        for word in (head, token.lower_):
            phrase = " ".join((before + word).split())
            if phrase in roles:
                pred, kind = roles[phrase]
                found = Role(pred, kind, max(0, i - k), i)
                break
        if found:
            break
    if found is None:
        return None
    mods = {t.lower_ for t in doc[max(0, found.first - 3) : found.first]}
    mods |= {c.lower_ for c in token.children if c.dep_ in ("amod", "compound", "nmod", "advmod")}
    if mods & words("former") or (found.first > 0 and doc[found.first - 1].lower_ == "ex"):
        if found.predicate == "member_of":
            return Role("left", found.kind, found.first, found.last)
        return None
    after = doc[i + 1 : i + 3].text.lower()
    if found.predicate == "leader_of" and (mods & words("junior") or after in lexicon()["staff_of"]):
        return Role("member_of", found.kind, found.first, found.last)
    return found


@dataclass(frozen=True, slots=True)
class VerbRule:
    predicate: str
    object_via: str  # "dobj" or a preposition
    direction: str  # "sv" or "os"
    extra_preps: tuple[str, ...]
    passive_preps: tuple[str, ...] = ()


def verb_rule(token: Token) -> VerbRule | None:
    """The relation a verb states, by its lemma ("founded" -> founder_of)."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBN", "VBG", "VBD"):
        return None
    lemma = token.lemma_.lower()
    if lemma == "bear" and token.lower_ != "born":
        return None  # "bear" states origin only as "born"
    entry = lexicon()["verbs"].get(lemma)
    if not entry:
        return None
    extra = tuple(lexicon()["verb_extra_preps"].get(lemma, ()))
    passive = tuple(lexicon()["verb_passive_preps"].get(lemma, ()))
    return VerbRule(entry[0], entry[1], entry[2], extra, passive)


def pred_override(lemma: str, prep: str) -> str | None:
    """A predicate a preposition imposes on a verb ("fighting alongside" -> allied_with)."""
    return lexicon()["verb_pred_override"].get(f"{lemma} {prep}")  # type: ignore[no-any-return]


def hyphen_rule(word: str) -> tuple[str, str] | None:
    """The relation of a hyphenated modifier's second half ("-backed", "-based", "-led")."""
    entry = lexicon()["hyphen"].get(word.lower())
    return (entry[0], entry[1]) if entry else None


@functools.cache  # called for every token some patterns look at
def words(name: str) -> frozenset[str]:
    """A word list of the table by name ("home", "place_preps", "role_prepositions")."""
    return frozenset(lexicon()[name])


# The word lists whose members say something about a relation wherever they stand near a pair:
# a scorer reads a word's list ("cls_state_parts") where it would read the word itself.
CLASS_LISTS = ("mutual", "against_heads", "home", "of_heads", "named_heads", "state_parts", "org_parts",
               "place_preps", "role_prepositions", "former", "junior")


@functools.cache
def word_classes() -> dict[str, tuple[str, ...]]:
    """Lemma -> the word lists it is in (``CLASS_LISTS``), and a relation verb's predicate
    ("found" -> "verbfounder_of")."""
    out: dict[str, list[str]] = {}
    for name in CLASS_LISTS:
        for w in lexicon()[name]:
            out.setdefault(w, []).append(name)
    for w, entry in lexicon()["verbs"].items():
        out.setdefault(w, []).append(f"verb{entry[0]}")
    return {w: tuple(names) for w, names in out.items()}

"""The organisation a title stands for: "Senator X" sits in the Senate, "Interior Minister X" heads the
Interior Ministry, "MP X" sits in Parliament, when the report names that body somewhere.

A title's body words (``title_bodies`` of ``data/rel_lexicon.json``: "senator" -> "senate") must be
words of the organisation's name, and so must the title's own capitalised modifiers ("Interior" of
"Interior Minister", "Transportation" of "Secretary of Transportation"): "Health Minister X" is no
part of a named Ministry of Finance. Of several such organisations the one named last before the
title is taken, else the first named after it.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from claimgraph.nlp.lexicon import country_forms, demonym_key, demonyms, norm
from claimgraph.nlp.rel_index import EntityIndex, RANK_WORDS
from claimgraph.nlp.rel_lexicon import lexicon


@functools.cache
def _bodies() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in lexicon()["title_bodies"].items()}


def title_body(tok: Token, idx: EntityIndex) -> str | None:
    """The organisation the title ``tok`` implies, or None (kept on the Doc: a sentence's
    candidates ask again for each token)."""
    memo: dict[int, str | None] = tok.doc.user_data.setdefault("claimgraph_title_body", {})
    if tok.i not in memo:
        memo[tok.i] = _title_body(tok, idx)
    return memo[tok.i]


def _title_body(tok: Token, idx: EntityIndex) -> str | None:
    if tok.pos_ not in ("NOUN", "PROPN") or tok.i in idx.token_entity:
        return None
    table = _bodies()  # a title tagged as a name keeps its plural: "Senators Marco Rubio ... and Mike Lee"
    bodies = table.get(tok.lemma_.lower()) or table.get(tok.lower_) or table.get(tok.lower_.removesuffix("s"))
    if not bodies:
        return None
    need = _modifiers(tok, idx)
    state = _countries(idx, [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")])
    before: str | None = None
    after: str | None = None
    for start, _end, eid in idx.mentions_between(0, len(idx.text)):
        e = idx.get(eid)
        if e.type != "ORG" or idx.is_country(eid):
            continue
        name = f" {norm(e.name)} "
        if not any(f" {b} " in name for b in bodies) or not all(f" {w}" in name for w in need):
            continue
        theirs = nations(name.strip())
        if state and theirs and not state & theirs:
            continue  # "Italian Foreign Minister X" sits in no "Turkish Ministry of Foreign Affairs"
        if start < tok.idx:
            before = eid
        elif after is None:
            after = eid
    return before or after


def _modifiers(tok: Token, idx: EntityIndex) -> list[str]:
    """The capitalised words that narrow a title ("Interior" Minister, Secretary "of Transportation",
    "Commerce" Secretary though tagged as an organisation), not places, people, nationality words
    nor ranks ("Deputy")."""
    words = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    words += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
    return [norm(w.text) for w in words if w.is_title and not idx.is_place(idx.token_entity.get(w.i))
            and idx.type(idx.token_entity.get(w.i)) != "PERSON" and idx.country(w) is None
            and w.lower_ not in RANK_WORDS and norm(w.text)]


def _countries(idx: EntityIndex, words: list[Token]) -> set[str]:
    """The countries a title's modifiers name, by name or nationality ("Italian", "US", "Jordan's"),
    as their canonical names."""
    text = " ".join(idx.get(idx.token_entity[w.i]).name if w.i in idx.token_entity else w.text for w in words)
    return nations(norm(text))


def nations(name: str) -> set[str]:
    """The countries a normalised name names by a name or a nationality word, canonical
    ("turkish ministry of foreign affairs" -> {"Turkey"})."""
    forms, dems = country_forms(), demonyms()
    words = name.split()
    out = {forms[norm(dems[k][0])] for w in words if (k := demonym_key(w)) in dems and norm(dems[k][0]) in forms}
    for n in (1, 2, 3):
        out |= {forms[g] for i in range(len(words) - n + 1) if (g := " ".join(words[i : i + n])) in forms}
    return out

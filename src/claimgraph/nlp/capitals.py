"""A capital's name used for its country's government ("Beijing has accused ...", "Washington's
move", "talks between Washington and the Taliban") is a mention of the country the report names.

The guide's rule for such a form: it goes where the text means it, and nowhere if the report uses
it both ways. So the capital joins its country only when none of its uses is a place's (a
dateline, "in Beijing", "flew to Washington", "Seattle, Washington") and one of them acts or owns:
a subject, an object, a possessor, or the object of "with", "between", "against", "by" or "from".
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from claimgraph.graph.names import lookup_place, name_key
from claimgraph.nlp.lexicon import capitals
from claimgraph.nlp.mentions import AliasLink, RawMention

# prepositions whose object is where something is or goes: a place, not a government
_PLACE_PREPOSITIONS = frozenset({
    "in", "at", "near", "outside", "inside", "around", "across", "to", "into", "through", "toward",
    "towards", "via", "within", "over", "throughout", "of", "for", "beyond", "past", "along",
})
# prepositions whose object is a party to what happens: an actor
_ACTOR_PREPOSITIONS = frozenset({"with", "between", "against", "by", "from"})
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj"})


def _use(doc: Doc, mention: RawMention) -> str:
    """How one mention of a capital is used: "place", "actor" or "" (neither is clear)."""
    if mention.source == "dateline":
        return "place"
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return ""
    token: Token = span.root
    while token.dep_ == "conj" and token.head is not token:  # "between Washington and Beijing"
        token = token.head
    if token.dep_ in ("appos", "npadvmod"):
        return "place"  # "Seattle, Washington"
    if token.dep_ == "pobj":
        preposition = token.head.lower_
        return "place" if preposition in _PLACE_PREPOSITIONS else "actor" if preposition in _ACTOR_PREPOSITIONS else ""
    return "actor" if token.dep_ in _ACTOR_DEPS else ""


def capital_links(doc: Doc, mentions: list[RawMention]) -> list[AliasLink]:
    """Links from each mention of a capital that stands for its government to the report's first
    mention of its country; none for a capital the report also names as a place."""
    table = capitals()
    countries: dict[str, RawMention] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.label == "GPE" and name_key(m.text) not in table and (code := lookup_place(m.text)):
            countries.setdefault(code, m)
    uses: dict[str, list[RawMention]] = {}
    for m in mentions:
        code = table.get(name_key(m.text))
        if code in countries and m.label in ("GPE", "LOC", "ORG"):
            uses.setdefault(code, []).append(m)
    links = []
    for code, group in uses.items():
        kinds = {_use(doc, m) for m in group}
        if "actor" in kinds and "place" not in kinds:
            links += [AliasLink(countries[code], m, "capital") for m in group]
    return links


def standing_for_country(texts: Iterable[str]) -> set[str]:
    """The forms among one entity's ``texts`` that are a capital standing for a country the entity
    also goes by: mentions of the country, but neither its name nor its alias (elsewhere the same
    name is the city's)."""
    table = capitals()
    texts = set(texts)
    codes = {code for t in texts if name_key(t) not in table and (code := lookup_place(t))}
    return {t for t in texts if table.get(name_key(t)) in codes}

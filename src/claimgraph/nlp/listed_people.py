"""People the model called a body or a place: a given name's full name beside people in a list
("Ben McLachlan and Yasutaka Uchiyama"), or whose surname the report writes alone as a person's."""

from __future__ import annotations

from collections import Counter

from claimgraph.graph.names import lookup_place
from claimgraph.nlp.lexicon import given_names, institution_nouns, org_words, unit_nouns
from claimgraph.nlp.mentions import RawMention

_LIST_GAPS = frozenset({" and ", ", ", ", and ", " & "})


_ORG_ROLES = ("beside", "generic", "head", "kind", "suffix", "legal")


def _body_word(word: str) -> bool:
    w = word.lower().rstrip(".,")
    return any(w in org_words(role) for role in _ORG_ROLES) or w in institution_nouns() or w in unit_nouns()


def _looks_like_person(m: RawMention, common_words: frozenset[str], given: bool = True) -> bool:
    """Two or three capitalised words, the first a given name, none a body's word, the last no
    dictionary word ("Roman Catholic Christianity"), the whole no known place (``given`` False: the
    words, the body's words and the place alone)."""
    words = m.text.split()
    return (2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
            and not any(_body_word(w) for w in words) and lookup_place(m.text) is None
            and (not given or words[0].lower() in given_names()
                 and words[-1].lower() not in common_words))


def relabel_listed_people(text: str, mentions: list[RawMention], common_words: frozenset[str]) -> None:
    """Give PERSON to a two- or three-word name the model labelled otherwise that starts with a known
    given name, has no body's word, and either stands in a list next to a person's name (joined by
    ',' or 'and') or has its last word written alone elsewhere as a person's."""
    people = [m for m in mentions if m.label == "PERSON"]
    alone = Counter(m.text for m in people if " " not in m.text)
    for m in mentions:
        if m.label == "PERSON" or not _looks_like_person(m, common_words, given=False):
            continue
        if _looks_like_person(m, common_words) and (
                any(text[p.end : m.start] in _LIST_GAPS or text[m.end : p.start] in _LIST_GAPS
                    for p in people)
                or m.text.split()[-1] in alone):
            m.label = "PERSON"
        elif alone[m.text.split()[-1]] >= 2 or alone[m.text.split()[-1]] and (
                m.text.split()[0].lower() in given_names()):
            # no known given name, but the surname stands alone as a person's more than once ("Scooter
            # Braun" ... "Braun", train; its first word alone, "Scooter", stays as the model read it:
            # "Google" of "Google Stadia" is no person's); or a given name before a surname that is a
            # word too, standing alone as a person's ("Kate York" ... "York said", train)
            m.label = "PERSON"

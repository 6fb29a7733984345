"""Armed groups, units and state institutions the statistical model misses, by general patterns.

A unit is a run of capitalised modifiers (or an ordinal) before a unit noun: "the Carpathian
battalion", "the Azov Regiment", "the 3rd Assault Brigade", "Wagner Group", "the Foreign Legion".
No names are listed: the patterns use only the unit nouns of `data/unit_nouns.txt`. They run
in spaCy's own EntityRuler, so a user can add them to any English pipeline.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from claimgraph.nlp.lexicon import institution_nouns, unit_nouns

RULER_NAME = "claimgraph_units"

# A capitalised name word that is not the first word of its sentence ("Several army units"
# must not become a unit), or a proper noun anywhere.
_NAME_WORD: list[dict[str, Any]] = [
    {"IS_TITLE": True, "POS": {"IN": ["PROPN", "ADJ", "NOUN"]}, "IS_SENT_START": False},
    {"POS": "PROPN", "IS_TITLE": True},
]  # an acronym before a unit noun ("the YPG militia") is the name itself: not matched here
# Adjectives of level or branch between a place and its institution.
_LEVELS = {"provincial", "regional", "national", "federal", "state", "supreme", "interim", "transitional",
           "local", "municipal", "city", "district", "military", "central", "armed"}
_ORDINAL = {"LOWER": {"REGEX": r"^\d+(st|nd|rd|th)$"}}


def unit_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns labelling units ORG."""
    head = {"LOWER": {"IN": sorted(unit_nouns())}}
    patterns: list[dict[str, Any]] = []
    for word in _NAME_WORD:
        # one or more name words, optionally joined by hyphens ("Islamic Revolutionary Guard Corps")
        patterns.append({"label": "ORG", "pattern": [word, {**_NAME_WORD[1], "OP": "*"}, head]})
        patterns.append({"label": "ORG", "pattern": [_ORDINAL, {**word, "OP": "*"}, head]})
    # a state's institution: "the Saudi government", "the United States military"
    state = {"ENT_TYPE": {"IN": ["GPE", "NORP"]}, "OP": "+"}
    nouns = sorted(n for n in institution_nouns() if " " not in n)
    patterns.append({"label": "ORG", "pattern": [state, {"LOWER": {"IN": nouns}}]})
    # "the Maidan Wardak provincial council", "the Iraqi federal court"
    patterns.append({"label": "ORG", "pattern": [state, {"LOWER": {"IN": sorted(_LEVELS)}}, {"LOWER": {"IN": nouns}}]})
    return patterns


def add_unit_ruler(nlp: Language) -> Language:
    """Add the unit patterns after the statistical NER (they win where they overlap it)."""
    if RULER_NAME in nlp.pipe_names:
        return nlp
    after = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"overwrite_ents": True}, after=after)
    ruler.add_patterns(unit_patterns())  # type: ignore[attr-defined]
    return nlp
